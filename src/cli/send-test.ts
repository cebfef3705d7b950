#!/usr/bin/env node
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../io/load-config.js';
import { RecipientsRejectedError, sendTest, type SendTestResult } from '../send/send-test.js';
import { color, formatKB, runCli, terminalSafe, withProjectOptions } from './terminal.js';

interface Flags {
  to?: string[];
  dryRun: boolean;
  allowMany: boolean;
  root: string;
  config?: string;
}

const program = withProjectOptions(
  new Command('send-test')
    .description('Build one newsletter fresh and send it as a test email over SMTP (SMTP_URL from the environment or .env).')
    .argument('<article>', 'a slug, e.g. openai-amazon-cloud-deal, or a file, e.g. articles/openai-amazon-cloud-deal.md')
    .option('--to <address>', 'recipient; repeat for more (default: TEST_RECIPIENTS from the environment or .env)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--dry-run', 'write out/<slug>.eml and send nothing', false)
    .option('--allow-many', 'allow more than 10 recipients', false)
);

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const [target = ''] = program.args;
  const config = await loadConfig({ root: flags.root, configFile: flags.config });
  try {
    const result = await sendTest({ config, target, to: flags.to, dryRun: flags.dryRun, allowMany: flags.allowMany });
    if (result.emlFile !== null) {
      const shown = path.relative(process.cwd(), result.emlFile) || result.emlFile;
      process.stdout.write(`${color.green('✓')} wrote ${terminalSafe(shown)} (${formatKB(result.bytes)}), nothing sent: open it in a mail client\n`);
      process.stdout.write(color.dim(`  subject: ${terminalSafe(result.subject ?? '')}\n  message id: ${terminalSafe(result.messageId)}\n`));
      return 0;
    }
    printSent(result);
    return 0;
  } catch (error) {
    if (error instanceof RecipientsRejectedError) printSent(error.result);
    throw error;
  }
});

function printSent(result: SendTestResult): void {
  const status = result.rejected.length === 0 ? color.green('✓ sent') : color.yellow('! partly sent');
  // subject from the article, addresses and message id as the SMTP server answered: printed escaped
  process.stdout.write(`${status} "${terminalSafe(result.subject ?? result.slug)}" (${formatKB(result.bytes)}) via ${terminalSafe(result.server)}\n`);
  for (const address of result.accepted) process.stdout.write(`  ${color.green('✓')} ${terminalSafe(address)}\n`);
  for (const address of result.rejected) process.stdout.write(`  ${color.red('✗')} ${terminalSafe(address)} ${color.dim('rejected')}\n`);
  process.stdout.write(color.dim(`  message id: ${terminalSafe(result.messageId)}\n`));
  if (result.server.startsWith('built-in')) {
    process.stdout.write(color.dim('  SMTP_URL is not set, so it went to the preview server\'s inbox: see /inbox in the preview\n'));
  }
}
