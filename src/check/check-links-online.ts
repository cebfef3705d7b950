import path from 'node:path';
import { load } from 'cheerio/slim';
import { CONFIG_FILE_NAME, type ResolvedConfig } from '../config/config.js';
import type { ProbeResult } from '../io/probe-links.js';
import { ruleById } from './rules/index.js';
import { settingFor } from './run-checks.js';
import type { CheckFinding } from './types.js';
import { classifyHref } from './urls.js';

export interface ArticleLinks {
  file: string;
  slug: string;
  /** Web addresses of the article's final HTML, in order, without duplicates. */
  urls: string[];
}

/**
 * The web links of an article's HTML that `--online` probes. Private hosts
 * are left out: `links/private-host` already reports them, unless the
 * project turned that rule off (an intranet newsletter), when they are probed too.
 */
export function webLinks(html: string, config: ResolvedConfig): string[] {
  const probePrivate = settingFor(ruleById('links/private-host'), config.checks.rules) === 'off';
  const $ = load(html);
  const urls = $('a[href]')
    .get()
    .map((element) => ($(element).attr('href') ?? '').trim())
    .filter((href) => {
      const kind = classifyHref(href);
      return kind.kind === 'web' && (probePrivate || !kind.privateHost);
    });
  return [...new Set(urls)];
}

/**
 * Findings for the addresses that did not answer. A link every newsletter
 * has because of the config (the unsubscribe page) is reported once, on the
 * config file; the others on each article that uses them.
 */
export function unreachableFindings(articles: readonly ArticleLinks[], results: readonly ProbeResult[], config: ResolvedConfig): CheckFinding[] {
  const severity = settingFor(ruleById('links/unreachable'), config.checks.rules);
  if (severity === 'off') return [];
  const failed = new Map(results.filter((result) => !result.ok).map((result) => [result.url, result]));
  const configFile = config.configFile ? path.relative(config.root, config.configFile) : CONFIG_FILE_NAME;
  const findings: CheckFinding[] = [];
  let reportedConfigLink = false;
  for (const article of articles) {
    for (const url of article.urls) {
      const result = failed.get(url);
      if (!result) continue;
      if (url === config.unsubscribeUrl) {
        if (reportedConfigLink) continue;
        reportedConfigLink = true;
        findings.push({ file: configFile, slug: null, rule: 'links/unreachable', severity, message: `the unsubscribe page ${url} ${result.reason ?? 'failed'}: fix "unsubscribeUrl"` });
        continue;
      }
      findings.push({ file: article.file, slug: article.slug, rule: 'links/unreachable', severity, message: `the link ${url} ${result.reason ?? 'failed'}: fix or remove the link` });
    }
  }
  return findings;
}
