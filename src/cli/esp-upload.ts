#!/usr/bin/env node
import { Command } from 'commander';
import { espUpload } from '../esp-upload.js';
import { mask } from '../esp/upload.js';
import { loadConfig } from '../io/load-config.js';
import { loadEnvFile } from '../send/load-env-file.js';
import { color, runCli, terminalSafe, withProjectOptions } from './terminal.js';

interface Flags {
  json: boolean;
  root: string;
  config?: string;
}

const program = withProjectOptions(
  new Command('esp-upload')
    .description('Build one newsletter and create a draft campaign of it in Brevo or Mailchimp (never sent or scheduled; BREVO_API_KEY or MAILCHIMP_API_KEY from the environment or .env).')
    .argument('<newsletter>', 'an article: a slug, e.g. openai-amazon-cloud-deal, or a file, e.g. articles/openai-amazon-cloud-deal.md; an edition: its file, e.g. editions/woche-45.md')
    .option('--json', 'print the result as JSON', false),
);

await runCli(async () => {
  program.parse();
  const flags = program.opts<Flags>();
  const [target = ''] = program.args;
  const config = await loadConfig({ root: flags.root, configFile: flags.config });
  const env = { ...(await loadEnvFile(config.root)), ...process.env };
  const keys = [env.BREVO_API_KEY, env.MAILCHIMP_API_KEY].map((key) => key?.trim() ?? '').filter((key) => key.length >= 4);
  // The keys never reach the terminal, whatever an answer echoes.
  const scrub = (text: string) => keys.reduce((result, key) => mask(result, key), text);
  try {
    const where = config.esp.provider === 'mailchimp' ? 'Mailchimp' : 'Brevo';
    // progress on a terminal only: stdout stays the result
    const onProgress = process.stderr.isTTY ? (step: 'building' | 'uploading') => process.stderr.write(color.dim(step === 'building' ? `building ${terminalSafe(target)}…\n` : `creating the draft in ${where}…\n`)) : undefined;
    const result = await espUpload({ config, target, env, onProgress });
    if (flags.json) {
      process.stdout.write(`${scrub(JSON.stringify(result, null, 2))}\n`);
      return 0;
    }
    process.stdout.write(scrub(`${color.green('✓')} draft campaign ${terminalSafe(result.campaignId)} created in ${where}: "${terminalSafe(result.subject)}"\n`));
    process.stdout.write(scrub(`  ${terminalSafe(result.link)}\n`));
    process.stdout.write(color.dim(`  nothing was sent: review it there, send a test from ${where}, then send or schedule it\n`));
    return 0;
  } catch (error) {
    if (error instanceof Error) error.message = scrub(error.message);
    throw error;
  }
});
