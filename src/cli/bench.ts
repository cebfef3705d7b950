#!/usr/bin/env node
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { formatReport } from '../bench/format-report.js';
import { runBench } from '../bench/run-bench.js';
import { color, runCli, withFriendlyErrors } from './terminal.js';

interface Flags {
  articles: number;
  repeat: number;
  json: boolean;
  fullPath: boolean;
  mjmlDefaults: boolean;
  keep: boolean;
}

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return number;
};

const program = withFriendlyErrors(
  new Command('bench')
    .description('Time the build against the mjml CLI on generated articles: cold, no-op, one article edited, one partial edited, peak memory.')
    .option('--articles <n>', 'articles to generate', positive, 200)
    .option('--repeat <n>', 'runs of each measurement (the median is reported)', positive, 1)
    .option('--full-path', 'also time a cold build with --no-fast-path', false)
    .option('--mjml-defaults', 'also time the mjml CLI with its default options (it beautifies)', false)
    .option('--keep', 'keep the generated project (its folder is printed)', false)
    .option('--json', 'print the figures as JSON on stdout', false)
);

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const report = await runBench({
    repoRoot,
    articles: flags.articles,
    repeat: flags.repeat,
    fullPath: flags.fullPath,
    mjmlDefaults: flags.mjmlDefaults,
    keep: flags.keep,
    onProgress: (line) => process.stderr.write(`${color.dim(line)}\n`),
  });
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n${flags.keep ? `\nproject kept in ${report.project}\n` : ''}`);
  return 0;
});
