import type { Command } from 'commander';
import { formatError } from '../errors.js';

const useColor = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const paint = (code: number, stream: NodeJS.WriteStream) => (text: string) => (useColor(stream) ? `\u001b[${code}m${text}\u001b[0m` : text);

export const color = {
  green: paint(32, process.stdout),
  yellow: paint(33, process.stdout),
  dim: paint(2, process.stdout),
  bold: paint(1, process.stdout),
  red: paint(31, process.stderr),
};

export { formatKB } from '../format-bytes.js';

/**
 * Run a CLI main function: user mistakes print one line each and exit 1,
 * anything unexpected prints its stack and exits 70 (EX_SOFTWARE).
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    const lines = formatError(error);
    for (const line of lines) process.stderr.write(`${color.red('error')} ${line}\n`);
    process.exitCode = error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E_') ? 1 : 70;
  }
}

/** Typos get a suggestion and the help; the error line is red on a terminal. */
export function withFriendlyErrors(command: Command): Command {
  return command.showHelpAfterError().configureOutput({ outputError: (text, write) => write(color.red(text)) });
}

/** The flags every command that works on a project shares: `--root` and `--config`. */
export function withProjectOptions(command: Command): Command {
  return withFriendlyErrors(
    command
      .option('--root <dir>', 'project root', process.cwd())
      .option('--config <file>', 'config file (default: newsletter.config.json in the root, if present)'),
  );
}
