import { readFile } from 'node:fs/promises';
import { build, type BuildOptions, type BuildResult } from './build.js';
import type { ResolvedConfig } from './config/config.js';
import { loadConfig } from './io/load-config.js';
import { probeLinks, type ProbeOptions } from './io/probe-links.js';
import { unreachableFindings, webLinks, type ArticleLinks } from './check/check-links-online.js';
import { dedupeFindings, sortFindings, summarize, type CheckSummary } from './check/report.js';
import { ruleById } from './check/rules/index.js';
import { settingFor } from './check/run-checks.js';
import type { CheckFinding } from './check/types.js';

export interface CheckOptions extends Pick<BuildOptions, 'root' | 'configFile' | 'config' | 'files' | 'drafts' | 'force'> {
  /** Also ask every web link over HTTP whether it answers (`links/unreachable`). @default false */
  online?: boolean | ProbeOptions;
}

export interface CheckReport {
  config: ResolvedConfig;
  /** Every finding once, articles first (in build order), then templates and config. */
  findings: CheckFinding[];
  summary: CheckSummary & { draftsSkipped: number; online: boolean; /** Editions checked (built or unchanged). */ editions: number };
  /** The build the findings came from (unchanged articles are not rebuilt). */
  build: BuildResult;
  durationMs: number;
}

/**
 * `npm run check` as a function: build the named or all articles (reusing
 * unchanged outputs, whose findings the build manifest keeps), collect the
 * findings of every rule, and with `online` probe the links. An article that
 * does not build at all is reported as a `build/failed` error.
 */
export async function checkProject(options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const config = options.config ?? (await loadConfig({ root: options.root, configFile: options.configFile }));
  const result = await build({ config, files: options.files, drafts: options.drafts, force: options.force });

  const findings: CheckFinding[] = [];
  const checked: ArticleLinks[] = [];
  // Articles, then editions (src/edition/check-edition.ts): checked by the same rules, reported alike.
  for (const document of [...result.articles, ...(result.editions ?? [])]) {
    if (document.status === 'failed') {
      for (const problem of document.error.problems) {
        findings.push({ file: problem.file ?? document.file, ...(problem.line === undefined ? {} : { line: problem.line }), slug: null, rule: 'build/failed', severity: 'error', message: problem.message });
      }
    } else if (document.status !== 'draft-skipped') {
      findings.push(...document.findings);
      if (options.online) checked.push({ file: document.file, slug: document.slug, urls: webLinks(await readFile(document.htmlFile, 'utf8'), config) });
    }
  }
  findings.push(...(result.projectFindings ?? []));
  if (options.online) {
    // An intranet newsletter (links/private-host off) has its private-network links checked too; never loopback and the like.
    const allowPrivate = settingFor(ruleById('links/private-host'), config.checks.rules) === 'off';
    const probeOptions = { allowPrivate, ...(typeof options.online === 'object' ? options.online : {}) };
    const results = await probeLinks(checked.flatMap((article) => article.urls), probeOptions);
    findings.push(...unreachableFindings(checked, results, config));
  }

  const unique = sortFindings(dedupeFindings(findings));
  const articles = result.articles.filter((article) => article.status !== 'draft-skipped').length;
  const draftsSkipped = result.articles.length - articles;
  return {
    config,
    findings: unique,
    summary: { ...summarize(unique, articles), draftsSkipped, online: Boolean(options.online), editions: (result.editions ?? []).filter((edition) => edition.status !== 'draft-skipped').length },
    build: result,
    durationMs: performance.now() - started,
  };
}
