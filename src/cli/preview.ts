#!/usr/bin/env node
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_INBOX_PORT, DEFAULT_PREVIEW_PORT, startPreview, type PreviewEvent } from '../preview/server.js';
import { color, runCli, shownError, shownProblem, terminalSafe, withProjectOptions } from './terminal.js';

interface Flags {
  port: number;
  smtpPort: number;
  open: boolean;
  drafts: boolean;
  root: string;
  config?: string;
}

const portNumber = (flag: string) => (value: string) => {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError(`${flag} takes a port number from 0 to 65535 (0 picks a free one)`);
  return port;
};

const program = withProjectOptions(
  new Command('preview')
    .description('Serve the newsletters on 127.0.0.1, rebuild and reload on every save, and catch test sends in a built-in inbox.')
    .option('--port <number>', 'HTTP port (0 picks a free one)', portNumber('--port'), DEFAULT_PREVIEW_PORT)
    .option('--smtp-port <number>', 'port of the built-in SMTP inbox (0 picks a free one)', portNumber('--smtp-port'), DEFAULT_INBOX_PORT)
    .option('--open', 'open the preview in the default browser', false)
    .option('--no-drafts', 'leave out articles with "draft: true"')
);

let started = false; // the initial build is summed up by the banner

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const preview = await startPreview({
    root: flags.root,
    configFile: flags.config,
    port: flags.port,
    smtpPort: flags.smtpPort,
    drafts: flags.drafts,
    onEvent: printEvent,
  });

  started = true;
  const relative = (folder: string) => terminalSafe(path.relative(preview.config.root, folder) || '.');
  const report = preview.initialBuild;
  process.stdout.write(`\n  ${color.bold('Newsletter preview')}  ${color.green(preview.url)}\n`);
  if (preview.smtpPort !== null) {
    process.stdout.write(`  ${color.bold('Built-in inbox')}      smtp://127.0.0.1:${preview.smtpPort} ${color.dim(`(see ${preview.url}inbox)`)}\n`);
  }
  process.stdout.write(
    color.dim(`\n  ${report.newsletters.length} newsletters ready in ${Math.round(report.durationMs)} ms. Watching ${relative(preview.config.paths.articles)}/, ${relative(preview.config.paths.editions)}/, ${relative(preview.config.paths.templates)}/ and the config. Ctrl-C stops.\n\n`),
  );
  for (const problem of report.problems) process.stderr.write(`${color.red('✗')} ${shownProblem(problem)}\n`);
  if (flags.open) openBrowser(preview.url);

  await new Promise<void>((resolve) => {
    const stop = () => void preview.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
});

function printEvent(event: PreviewEvent): void {
  if (!started) return;
  const time = color.dim(new Date().toLocaleTimeString('en-GB'));
  switch (event.type) {
    case 'rebuilt': {
      const { report } = event;
      if (report.internalError !== undefined) for (const line of shownError(report.internalError)) process.stderr.write(`${color.red('error')} ${line}\n`);
      for (const problem of report.problems) process.stderr.write(`${time} ${color.red('✗')} ${shownProblem(problem)}\n`);
      if (report.newsletters.length > 0 || report.problems.length === 0) {
        const names = terminalSafe(report.newsletters.map((entry) => entry.slug).join(', ')) || 'nothing changed';
        process.stdout.write(`${time} ${color.green('✓')} ${names} ${color.dim(`(${Math.round(report.durationMs)} ms)`)}\n`);
      }
      break;
    }
    case 'mail':
      // subject and addresses come from an SMTP client: printed escaped
      process.stdout.write(`${time} ${color.green('✉')} inbox caught "${terminalSafe(event.message.subject)}" for ${terminalSafe(event.message.envelope.to.join(', '))}\n`);
      break;
    case 'request-aborted':
      process.stdout.write(`${time} ${color.dim(`${event.method} ${event.url}: the client closed the connection before it had sent the whole request (nothing done)`)}\n`);
      break;
    case 'request-failed':
      process.stderr.write(`${time} ${color.red('error')} ${terminalSafe(event.method)} ${terminalSafe(event.url)}\n`);
      for (const line of shownError(event.error)) process.stderr.write(`${line}\n`);
      break;
  }
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`${color.dim(`Could not open a browser (${command}): open ${url} yourself.`)}\n`));
  child.unref();
}
