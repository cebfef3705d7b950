#!/usr/bin/env node
import { Command } from 'commander';
import { build, type ArticleResult, type BuildOptions, type BuildResult } from '../build.js';
import { dedupeFindings } from '../check/report.js';
import type { CheckFinding } from '../check/types.js';
import { loadConfig } from '../io/load-config.js';
import { color, formatKB, runCli, shownError, terminalSafe, withProjectOptions } from './terminal.js';

interface Flags {
  drafts: boolean;
  force: boolean;
  fastPath: boolean;
  watch: boolean;
  json: boolean;
  root: string;
  config?: string;
}


const program = withProjectOptions(
  new Command('build-newsletter')
    .description('Build every article in articles/ (or the named ones) into out/<slug>.html and out/<slug>.txt.')
    .argument('[files...]', 'articles to build, e.g. articles/openai-amazon.md (default: all)')
    .option('--drafts', 'include articles with "draft: true"', false)
    .option('--force', 'ignore the incremental cache and rebuild everything', false)
    .option('--no-fast-path', 'compile every newsletter with MJML instead of filling compiled layouts (the reference path; same output, slower)')
    .option('--watch', 'rebuild when an article, template or the config changes', false)
    .option('--json', 'print the result as JSON on stdout', false)
);

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const files = program.args;
  const config = await loadConfig({ root: flags.root, configFile: flags.config });
  const options: BuildOptions = { config, drafts: flags.drafts, force: flags.force, fastPath: flags.fastPath, files };
  if (flags.json && flags.watch) {
    process.stderr.write('--json and --watch do not go together: drop one\n');
    return 2;
  }
  if (flags.json) {
    const result = await build(options);
    process.stdout.write(`${JSON.stringify(toJson(result), null, 2)}\n`);
    return result.problems.length > 0 ? 1 : 0;
  }
  const result = await build({ ...options, onArticle: printArticle });
  printSummary(result);
  if (!flags.watch) return result.problems.length > 0 ? 1 : 0;

  process.stdout.write(color.dim(`Watching ${terminalSafe(config.paths.articles)}, ${terminalSafe(config.paths.templates)} and the config. Ctrl-C stops.\n`));
  let queue = Promise.resolve();
  const { watchProjectSettled } = await import('../io/watch-settled.js'); // chokidar only when watching
  const watcher = watchProjectSettled(config, (change) => {
    queue = queue.then(async () => {
      const changed = change.everything ? undefined : change.articles;
      if (changed && changed.length === 0 && change.removedArticles.length === 0) return;
      const next = await build({ ...options, files: changed && changed.length > 0 ? changed : undefined, onArticle: printArticle });
      printSummary(next);
    }).catch((error: unknown) => {
      // the build as a whole failed (a template, the config, a full disk): say so and keep watching
      for (const line of shownError(error)) process.stderr.write(`${color.red('error')} ${line}\n`);
    });
  });
  await new Promise<void>((resolve) => process.once('SIGINT', () => void watcher.close().then(resolve)));
  return 0;
});

function printArticle(result: ArticleResult): void {
  switch (result.status) {
    case 'built':
    case 'cached': {
      const mark = result.status === 'built' ? color.green('✓') : color.dim('=');
      const note =
        result.status === 'cached' ? color.dim(' (unchanged)') : result.fallbackReason ? color.dim(` (compiled with MJML: ${result.fallbackReason})`) : '';
      process.stdout.write(`${mark} ${result.slug.padEnd(36)} ${formatKB(result.htmlBytes).padStart(9)} html ${formatKB(result.textBytes).padStart(8)} text${terminalSafe(note)}\n`);
      printFindings(result.findings, result.file);
      break;
    }
    case 'draft-skipped':
      process.stdout.write(`${color.dim('-')} ${result.slug.padEnd(36)} ${color.dim('draft, skipped (use --drafts)')}\n`);
      break;
    case 'failed':
      // one line per problem; an internal error adds its stack with DEBUG=1
      shownError(result.error).forEach((line, index) => process.stderr.write(`${index < result.error.problems.length ? `${color.red('✗')} ` : '    '}${line}\n`));
      break;
  }
}

function printFindings(findings: readonly CheckFinding[], articleFile: string | null): void {
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    // a finding about the article names its file only with a line, so the place can be opened: `articles/x.md:12: …`
    const where = finding.file === articleFile && finding.line === undefined ? '' : `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}: `;
    const line = terminalSafe(`${where}${finding.message} [${finding.rule}]`);
    if (finding.severity === 'error') process.stderr.write(`  ${color.red('✗ error')} ${line}\n`);
    else process.stdout.write(`  ${color.yellow('! warning')} ${line}\n`);
  }
}

function printSummary(result: BuildResult): void {
  // About a template or the config: they hold for every newsletter, so they are listed once, after the articles.
  printFindings(result.projectFindings ?? [], null);
  const count = (status: ArticleResult['status']) => result.articles.filter((article) => article.status === status).length;
  const parts = [`${count('built')} built`, `${count('cached')} unchanged`];
  if (count('draft-skipped')) parts.push(`${count('draft-skipped')} drafts skipped`);
  if (result.fastPath?.fallbacks) parts.push(`${result.fastPath.fallbacks} compiled with MJML instead of the fast path`);
  if (result.removed.length) parts.push(`${result.removed.length} outputs removed`);
  const failed = count('failed');
  if (failed) parts.push(color.red(`${failed} failed`));
  const findings = [...dedupeFindings(result.articles.flatMap((article) => ('findings' in article ? article.findings : []))), ...(result.projectFindings ?? [])];
  const checkErrors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (checkErrors) parts.push(color.red(`${checkErrors} check ${checkErrors === 1 ? 'error' : 'errors'}`));
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  process.stdout.write(`${color.bold(`${parts.join(', ')}`)} ${color.dim(`in ${Math.round(result.durationMs)} ms → ${terminalSafe(result.config.paths.out)}`)}\n`);
}

function toJson(result: BuildResult) {
  return {
    out: result.config.paths.out,
    durationMs: Math.round(result.durationMs),
    articles: result.articles.map((article) =>
      article.status === 'failed' ? { status: article.status, file: article.file, problems: article.error.problems } : article,
    ),
    removed: result.removed,
    problems: result.problems,
    projectFindings: result.projectFindings ?? [],
    fastPath: result.fastPath,
    /** Peak memory of this process, for benchmarks. */
    maxRssKB: process.resourceUsage().maxRSS,
  };
}
