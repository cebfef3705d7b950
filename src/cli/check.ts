#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { checkProject, type CheckReport } from '../check-project.js';
import { failsCheck } from '../check/report.js';
import { RULES } from '../check/rules/index.js';
import { settingFor } from '../check/run-checks.js';
import type { CheckFinding } from '../check/types.js';
import { loadConfig } from '../io/load-config.js';
import { DEFAULT_PROBE_CONCURRENCY, DEFAULT_PROBE_TIMEOUT_MS } from '../io/probe-links.js';
import { color, runCli, terminalSafe, withProjectOptions } from './terminal.js';

interface Flags {
  json: boolean;
  strict: boolean;
  online: boolean;
  drafts: boolean;
  force: boolean;
  rules: boolean;
  timeout: number;
  concurrency: number;
  root: string;
  config?: string;
}

const positiveNumber = (what: string) => (value: string) => {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`${what} must be a positive number`);
  return number;
};

const LABEL = { error: () => color.red('error'), warning: () => color.yellow('warning'), info: () => color.dim('info') };

const program = withProjectOptions(
  new Command('check')
    .description('Check the newsletters for Gmail clipping, broken links, images, accessibility, inbox preview, client support and content. Exit 1 on any error.')
    .argument('[files...]', 'articles to check, e.g. articles/openai-amazon.md (default: all)')
    .option('--json', 'print {"findings":[…],"summary":{…}} on stdout and nothing else', false)
    .option('--strict', 'fail on warnings too', false)
    .option('--online', 'also request every web link (HEAD, then GET) and report the ones that do not answer', false)
    .option('--timeout <seconds>', 'with --online: seconds for each link, redirects included', positiveNumber('--timeout'), DEFAULT_PROBE_TIMEOUT_MS / 1000)
    .option('--concurrency <n>', 'with --online: links requested at once', positiveNumber('--concurrency'), DEFAULT_PROBE_CONCURRENCY)
    .option('--drafts', 'include articles with "draft: true"', false)
    .option('--force', 'rebuild every article instead of reusing unchanged outputs', false)
    .option('--rules', 'list the rules with their ids and severities, then exit', false)
);

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const config = await loadConfig({ root: flags.root, configFile: flags.config });
  if (flags.rules) {
    printRules(config.checks.rules);
    return 0;
  }
  const online = flags.online ? { timeoutMs: flags.timeout * 1000, concurrency: Math.floor(flags.concurrency) } : false;
  const report = await checkProject({ config, files: program.args, drafts: flags.drafts, force: flags.force, online });
  if (flags.json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
  else printReport(report, flags.strict);
  return failsCheck(report.summary, flags.strict) ? 1 : 0;
});

function toJson(report: CheckReport) {
  return {
    findings: report.findings.map(({ file, line, slug, rule, severity, message }) => ({ file, ...(line === undefined ? {} : { line }), slug, rule, severity, message })),
    summary: { ...report.summary, durationMs: Math.round(report.durationMs) },
  };
}

function printReport(report: CheckReport, strict: boolean): void {
  let file: string | undefined;
  for (const finding of report.findings) {
    if (finding.file !== file) {
      file = finding.file;
      process.stdout.write(`\n${color.bold(terminalSafe(file))}${finding.slug ? color.dim(` (${terminalSafe(finding.slug)})`) : ''}\n`);
    }
    process.stdout.write(`  ${padLabel(finding)} ${finding.rule.padEnd(28)} ${finding.line === undefined ? '' : `line ${finding.line}: `}${terminalSafe(finding.message)}\n`);
  }
  const { articles, errors, warnings, info, draftsSkipped, editions } = report.summary;
  const counts = [`${errors} ${errors === 1 ? 'error' : 'errors'}`, `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`];
  if (info) counts.push(`${info} info`);
  const failed = failsCheck(report.summary, strict);
  const mark = failed ? color.red('✗') : color.green('✓');
  const notes = [draftsSkipped ? `${draftsSkipped} drafts skipped (use --drafts)` : '', strict && !errors && warnings ? 'warnings fail with --strict' : '', report.summary.online ? 'links checked online' : '']
    .filter(Boolean)
    .join(', ');
  process.stdout.write(`${report.findings.length ? '\n' : ''}${mark} ${color.bold(`${articles} ${articles === 1 ? 'article' : 'articles'}${editions ? `, ${editions} ${editions === 1 ? 'edition' : 'editions'}` : ''}: ${counts.join(', ')}`)}${notes ? color.dim(` (${notes})`) : ''}\n`);
}

function padLabel(finding: CheckFinding): string {
  return LABEL[finding.severity]() + ' '.repeat(Math.max(0, 7 - finding.severity.length));
}

function printRules(overrides: Parameters<typeof settingFor>[1]): void {
  for (const rule of RULES) {
    const setting = settingFor(rule, overrides);
    const changed = setting !== rule.severity ? color.dim(` (default ${rule.severity})`) : '';
    process.stdout.write(`${rule.id.padEnd(28)} ${setting.padEnd(7)} ${rule.description}${changed}\n`);
  }
}
