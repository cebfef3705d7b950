/**
 * One family of errors, one class per stage. Every user-facing message is
 * built here or in the stage that throws, and always says how to fix it.
 *
 * A `NewsletterError` is a user mistake (bad article, bad template, bad
 * config, bad flag) or a fault of the disk: the CLI prints `file:line:
 * message` and no stack trace. Anything else is a bug: while building one
 * article it becomes that article's `InternalError`, and its stack is printed
 * only with `DEBUG=1`.
 */

export type ErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG'
  | 'E_FRONTMATTER'
  | 'E_ARTICLE'
  | 'E_EDITION'
  | 'E_TEMPLATE'
  | 'E_MJML'
  | 'E_OUTPUT'
  | 'E_SEND'
  | 'E_REQUEST'
  | 'E_INTERNAL';

export interface Problem {
  /** Path of the file at fault, relative to the project root where possible. */
  file?: string;
  /** 1-based line in `file`, where known. */
  line?: number;
  /** What is wrong and how to fix it, in one sentence. */
  message: string;
}

export interface NewsletterErrorOptions {
  code: ErrorCode;
  file?: string;
  line?: number;
  cause?: unknown;
  /** Further problems found in the same file (all are reported, not only the first). */
  problems?: Problem[];
}

export class NewsletterError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly problems: readonly Problem[];

  constructor(message: string, options: NewsletterErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.file = options.file;
    this.line = options.line;
    this.problems = options.problems ?? [{ file: options.file, line: options.line, message }];
  }
}

/** Bad flags or arguments on the command line. */
export class UsageError extends NewsletterError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'E_USAGE', cause });
  }
}

/** `newsletter.config.json` is malformed or has invalid values. */
export class ConfigError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_CONFIG' });
  }
}

/** The frontmatter block could not be read (malformed YAML, non-YAML engine). */
export class FrontmatterError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_FRONTMATTER' });
  }
}

/** The frontmatter was read but its keys or values break the article contract. */
export class ArticleError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_ARTICLE' });
  }
}

/** An edition file (`editions/*.md`) breaks the edition contract, or one of its stories cannot go into it. */
export class EditionError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_EDITION' });
  }
}

/** A Handlebars template failed to compile or to render. */
export class TemplateError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_TEMPLATE' });
  }
}

/** The MJML produced by the templates is invalid. */
export class MjmlError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_MJML' });
  }
}

/** Writing to the output folder failed. */
export class OutputError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_OUTPUT' });
  }
}

/** A test send could not be made: bad recipients, SMTP settings or an SMTP failure. Never carries a password. */
export class SendError extends NewsletterError {
  constructor(message: string, options: Omit<NewsletterErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'E_SEND' });
  }
}

/** A request to the preview the preview refuses (not a form, too large): answered with `status` and the message. */
export class RequestBodyError extends NewsletterError {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message, { code: 'E_REQUEST' });
    this.status = status;
  }
}

/**
 * A bug met while building one document: that document fails with one line,
 * the others are built. The original error is the `cause`.
 */
export class InternalError extends NewsletterError {
  constructor(cause: unknown, options: { file?: string } = {}) {
    super(`internal error: ${describeCause(cause)} (please report; run with DEBUG=1 for the stack)`, { code: 'E_INTERNAL', file: options.file, cause });
  }
}

function describeCause(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name === 'Error' ? '' : `${cause.name}: `}${cause.message}` : String(cause);
  return text.split('\n')[0]?.slice(0, 300) || 'unknown error';
}

export function isNewsletterError(error: unknown): error is NewsletterError {
  return error instanceof NewsletterError;
}

/** A user mistake or a disk fault (exit 1), as opposed to a bug (exit 70, EX_SOFTWARE). */
export function isUserFacing(error: unknown): error is NewsletterError {
  return error instanceof NewsletterError && !(error instanceof InternalError);
}

/** `file:line: message`, the one-line form every user-facing error takes. */
export function formatProblem(problem: Problem): string {
  const where = problem.file === undefined ? '' : problem.line === undefined ? `${problem.file}: ` : `${problem.file}:${problem.line}: `;
  return `${where}${problem.message}`;
}

/**
 * One line per problem. A bug (an error that is no `NewsletterError`) is one
 * line too; with `stack`, bugs and internal errors add their stack trace.
 */
export function formatError(error: unknown, options: { stack?: boolean } = {}): string[] {
  const newsletterError = isNewsletterError(error);
  const lines = newsletterError ? error.problems.map(formatProblem) : [new InternalError(error).message];
  const bug = newsletterError ? (error instanceof InternalError ? error.cause : undefined) : error;
  if (options.stack && bug instanceof Error && bug.stack) lines.push(...bug.stack.split('\n'));
  return lines;
}

/** Closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
