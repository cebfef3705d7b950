import type { Command } from 'commander';
import { formatError, formatProblem, isUserFacing, type Problem } from '../errors.js';

const useColor = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const paint = (code: number, stream: NodeJS.WriteStream) => (text: string) => (useColor(stream) ? `\u001b[${code}m${text}\u001b[0m` : text);

export const color = {
  green: paint(32, process.stdout),
  yellow: paint(33, process.stdout),
  dim: paint(2, process.stdout),
  bold: paint(1, process.stdout),
  cyan: paint(36, process.stdout),
  red: paint(31, process.stderr),
};

export { formatKB } from '../format-bytes.js';

/**
 * C0 and C1 control characters (escape sequences, line breaks, backspace),
 * DEL, the line and paragraph separators, and the bidi embeddings, overrides
 * and isolates that reorder what a terminal shows.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from files, articles, HTTP clients or SMTP peers, made safe to print:
 * every control character is written out as an escape (`\x1B`, `\u202E`), so
 * a title holding `ESC ] 52 ;` cannot reach the terminal raw, and a value
 * cannot start a new line of its own. Every CLI prints such text through this.
 */
export function terminalSafe(text: string): string {
  UNSAFE_FOR_TERMINAL.lastIndex = 0;
  if (!UNSAFE_FOR_TERMINAL.test(text)) return text; // nearly every line
  return text.replace(UNSAFE_FOR_TERMINAL, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** `file:line: message`, safe to print. */
export function shownProblem(problem: Problem): string {
  return terminalSafe(formatProblem(problem));
}

/** Stack traces of bugs only with `DEBUG=1` (or any other value but `0` and `false`). */
function debugEnabled(): boolean {
  const value = process.env.DEBUG;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The lines of an error, safe to print; bugs with their stack only under `DEBUG=1`. */
export function shownError(error: unknown): string[] {
  return formatError(error, { stack: debugEnabled() }).map(terminalSafe);
}

/**
 * Run a CLI main function: user mistakes and disk faults print one line each
 * and exit 1; anything unexpected prints one line (its stack with `DEBUG=1`)
 * and exits 70 (EX_SOFTWARE).
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    for (const line of shownError(error)) process.stderr.write(`${color.red('error')} ${line}\n`);
    process.exitCode = isUserFacing(error) ? 1 : 70;
  }
}

/** Typos get a suggestion and the help; the error line is red on a terminal. */
export function withFriendlyErrors(command: Command): Command {
  return command.showHelpAfterError().configureOutput({ outputError: (text, write) => write(color.red(text.split('\n').map(terminalSafe).join('\n'))) });
}

/** The flags every command that works on a project shares: `--root` and `--config`. */
export function withProjectOptions(command: Command): Command {
  return withFriendlyErrors(
    command
      .option('--root <dir>', 'project root', process.cwd())
      .option('--config <file>', 'config file (default: newsletter.config.json in the root, if present)'),
  );
}
