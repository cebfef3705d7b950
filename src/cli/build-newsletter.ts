#!/usr/bin/env node
import { Command } from 'commander';
import { build, type ArticleResult, type BuildOptions, type BuildResult } from '../build.js';
import { dedupeFindings } from '../check/report.js';
import type { EditionResult } from '../build/build-editions.js';
import type { CheckFinding } from '../check/types.js';
import { formatProblem } from '../errors.js';
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
  if (!flags.watch) {
    const result = await build({ ...options, onArticle: printArticle });
    printSummary(result);
    return result.problems.length > 0 ? 1 : 0;
  }

  // The same rebuild loop as the preview: a config or template change reads the config again and rebuilds all.
  const { createRebuildLoop } = await import('../build/rebuild-loop.js');
  let watching = false; // a first build that stops is the command's error, printed once by runCli
  const loop = createRebuildLoop({
    config,
    configFile: flags.config,
    build: { drafts: flags.drafts, force: flags.force, fastPath: flags.fastPath, onArticle: printArticle },
    onRebuilt(rebuild) {
      for (const problem of rebuild.configProblems) {
        process.stderr.write(`${color.red('error')} ${terminalSafe(formatProblem(problem))} ${color.dim('(building with the last good config)')}\n`);
      }
      if (rebuild.pathsChanged) process.stdout.write(color.dim(`Watching ${terminalSafe(rebuild.config.paths.articles)}, ${terminalSafe(rebuild.config.paths.editions)} and ${terminalSafe(rebuild.config.paths.templates)} now.\n`));
      if (rebuild.result) printSummary(rebuild.result);
      // the build as a whole failed (a template, the config, a full disk): say so and keep watching
      else if (watching) for (const line of shownError(rebuild.error)) process.stderr.write(`${color.red('error')} ${line}\n`);
    },
  });
  const first = await loop.initial();
  if (first.error !== undefined) throw first.error;
  await loop.watch();
  watching = true;
  process.stdout.write(color.dim(`Watching ${terminalSafe(config.paths.articles)}, ${terminalSafe(config.paths.editions)}, ${terminalSafe(config.paths.templates)} and the config. Ctrl-C stops.\n`));
  await new Promise<void>((resolve) => process.once('SIGINT', () => void loop.close().then(resolve)));
  return 0;
});

function printArticle(result: ArticleResult): void {
  switch (result.status) {
    case 'built':
    case 'cached': {
      const mark = result.status === 'built' ? color.green('✓') : color.dim('=');
      const note = result.status === 'cached' ? color.dim(' (unchanged)') : '';
      process.stdout.write(`${mark} ${result.slug.padEnd(36)} ${formatKB(result.htmlBytes).padStart(9)} html ${formatKB(result.textBytes).padStart(8)} text${terminalSafe(note)}\n`);
      // Same output either way, but slower: say why, so a template that keeps every article off the fast path is noticed.
      if (result.status === 'built' && result.fallbackReason !== undefined) {
        process.stdout.write(`  ${color.cyan('note')} ${terminalSafe(`compiled with MJML instead of the fast path: ${result.fallbackReason}`)}\n`);
      }
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

/** One line per edition, after the articles (editions are built after them). */
function printEdition(result: EditionResult): void {
  if (result.status === 'built' || result.status === 'cached') {
    const mark = result.status === 'built' ? color.green('✓') : color.dim('=');
    const note = result.status === 'cached' ? color.dim(' (unchanged)') : result.fallbackReason ? color.dim(` (${result.fallbackReason})`) : '';
    const name = `editions/${result.slug}`;
    process.stdout.write(`${mark} ${name.padEnd(36)} ${formatKB(result.htmlBytes).padStart(9)} html ${formatKB(result.textBytes).padStart(8)} text${terminalSafe(note)}\n`);
    printFindings(result.findings, result.file);
  } else if (result.status === 'draft-skipped') {
    process.stdout.write(`${color.dim('-')} ${`editions/${result.slug}`.padEnd(36)} ${color.dim('draft, skipped (use --drafts)')}\n`);
  } else if (result.status === 'failed') {
    shownError(result.error).forEach((line, index) => process.stderr.write(`${index < result.error.problems.length ? `${color.red('✗')} ` : '    '}${line}\n`));
  }
}

function printSummary(result: BuildResult): void {
  for (const edition of result.editions ?? []) printEdition(edition);
  // About a template or the config: they hold for every newsletter, so they are listed once, after the articles.
  printFindings(result.projectFindings ?? [], null);
  const count = (status: ArticleResult['status']) => result.articles.filter((article) => article.status === status).length;
  const parts = [`${count('built')} built`, `${count('cached')} unchanged`];
  if (count('draft-skipped')) parts.push(`${count('draft-skipped')} drafts skipped`);
  if (result.fastPath?.fallbacks) parts.push(`${result.fastPath.fallbacks} compiled with MJML instead of the fast path`);
  if (result.removed.length) parts.push(`${result.removed.length} outputs removed`);
  const editions = result.editions ?? [];
  const editionCount = (status: EditionResult['status']) => editions.filter((edition) => edition.status === status).length;
  if (editions.length > 0) parts.push(`editions: ${editionCount('built')} built, ${editionCount('cached')} unchanged`);
  const failed = count('failed') + editionCount('failed');
  if (failed) parts.push(color.red(`${failed} failed`));
  const own = [...result.articles, ...editions].flatMap((document) => ('findings' in document ? document.findings : []));
  const findings = [...dedupeFindings(own), ...(result.projectFindings ?? [])];
  const checkErrors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (checkErrors) parts.push(color.red(`${checkErrors} check ${checkErrors === 1 ? 'error' : 'errors'}`));
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  process.stdout.write(`${color.bold(`${parts.join(', ')}`)} ${color.dim(`in ${Math.round(result.durationMs)} ms → ${terminalSafe(result.config.paths.out)}`)}\n`);
  if (result.web) {
    for (const failure of result.web.failures) shownError(failure).forEach((line, index) => process.stderr.write(`${index < failure.problems.length ? `${color.red('✗')} ` : '    '}web page: ${line}\n`));
    const { pages, written, removed, folder } = result.web;
    const editionPages = result.web.editionPages ?? 0;
    const changes = [`${written.length} ${written.length === 1 ? 'file' : 'files'} written`, ...(removed.length ? [`${removed.length} removed`] : [])];
    process.stdout.write(color.dim(`web: ${pages} ${pages === 1 ? 'page' : 'pages'}${editionPages > 0 ? `, ${editionPages} ${editionPages === 1 ? 'edition page' : 'edition pages'}` : ''} and the archive, feed and sitemap (${changes.join(', ')}) → ${terminalSafe(folder)}\n`));
  }
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
    editions: (result.editions ?? []).map((edition) => (edition.status === 'failed' ? { status: edition.status, file: edition.file, problems: edition.error.problems } : edition)),
    fastPath: result.fastPath,
    web: result.web ? { folder: result.web.folder, pages: result.web.pages, editionPages: result.web.editionPages ?? 0, written: result.web.written, removed: result.web.removed } : null,
    /** Peak memory of this process, for benchmarks. */
    maxRssKB: process.resourceUsage().maxRSS,
  };
}
