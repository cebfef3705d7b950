#!/usr/bin/env node
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../io/load-config.js';
import { loadEnvFile } from '../send/load-env-file.js';
import { redactError, redactSecrets, smtpSecrets } from '../send/redact-secrets.js';
import { RecipientsRejectedError, sendTest, type SendTestResult } from '../send/send-test.js';
import { color, formatKB, runCli, terminalSafe, withProjectOptions } from './terminal.js';

interface Flags {
  to?: string[];
  edition?: string;
  dryRun: boolean;
  allowMany: boolean;
  timeout?: number;
  root: string;
  config?: string;
}

const seconds = (value: string) => {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number <= 0) throw new InvalidArgumentError('--timeout takes a number of seconds greater than 0, e.g. 10');
  return number;
};

const program = withProjectOptions(
  new Command('send-test')
    .description('Build one newsletter fresh and send it as a test email over SMTP (SMTP_URL from the environment or .env).')
    .argument('[newsletter]', 'a slug, e.g. openai-amazon-cloud-deal, or a file, e.g. articles/openai-amazon-cloud-deal.md or editions/woche-45.md')
    .option('--edition <slug>', 'send the edition with this slug, e.g. woche-45')
    .option('--to <address>', 'recipient; repeat for more (default: TEST_RECIPIENTS from the environment or .env)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--dry-run', 'write out/<slug>.eml and send nothing', false)
    .option('--allow-many', 'allow more than 10 recipients', false)
    .option('--timeout <seconds>', 'seconds to wait for the connection and for the server\'s greeting (default 10); three times as long for each reply after that', seconds)
);

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const [target = ''] = program.args;
  if ((target === '') === (flags.edition === undefined)) {
    process.stderr.write(`${target === '' ? 'name the newsletter to send: a slug, articles/x.md, editions/x.md or --edition <slug>' : 'name one newsletter: a slug or file, or --edition <slug>, not both'}\n`);
    return 2;
  }
  const config = await loadConfig({ root: flags.root, configFile: flags.config });
  const env = { ...(await loadEnvFile(config.root)), ...process.env };
  // Everything this command prints passes the same scrub as the preview's send panel: no form of the password gets out.
  const secrets = smtpSecrets(env.SMTP_URL);
  const print = (text: string) => process.stdout.write(redactSecrets(text, secrets));
  const timeouts = flags.timeout === undefined ? undefined : { connectionMs: flags.timeout * 1000, greetingMs: flags.timeout * 1000, socketMs: flags.timeout * 3000 };
  try {
    const result = await sendTest({ config, target: flags.edition ?? target, edition: flags.edition !== undefined, to: flags.to, dryRun: flags.dryRun, allowMany: flags.allowMany, env, timeouts });
    if (result.emlFile !== null) {
      const shown = path.relative(process.cwd(), result.emlFile) || result.emlFile;
      print(`${color.green('✓')} wrote ${terminalSafe(shown)} (${formatKB(result.bytes)}), nothing sent: open it in a mail client\n`);
      print(color.dim(`  subject: ${terminalSafe(result.subject ?? '')}\n  message id: ${terminalSafe(result.messageId)}\n`));
      return 0;
    }
    printSent(result, print);
    return 0;
  } catch (error) {
    if (error instanceof RecipientsRejectedError) printSent(error.result, print);
    throw redactError(error, secrets);
  }
});

function printSent(result: SendTestResult, print: (text: string) => void): void {
  const status = result.rejected.length === 0 ? color.green('✓ sent') : color.yellow('! partly sent');
  // subject from the article, addresses and message id as the SMTP server answered: printed escaped
  print(`${status} "${terminalSafe(result.subject ?? result.slug)}" (${formatKB(result.bytes)}) via ${terminalSafe(result.server)}\n`);
  for (const address of result.accepted) print(`  ${color.green('✓')} ${terminalSafe(address)}\n`);
  for (const address of result.rejected) print(`  ${color.red('✗')} ${terminalSafe(address)} ${color.dim('rejected')}\n`);
  print(color.dim(`  message id: ${terminalSafe(result.messageId)}\n`));
  if (result.server.startsWith('built-in')) {
    print(color.dim('  SMTP_URL is not set, so it went to the preview server\'s inbox: see /inbox in the preview\n'));
  }
}
