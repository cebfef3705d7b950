import { isNewsletterError, NewsletterError } from '../errors.js';

/**
 * The one place text about an SMTP login is scrubbed before anyone sees it:
 * every path that can show an `SMTP_URL` or an SMTP server's reply (the
 * send-test CLI, the preview's send panel and its JSON) passes its text
 * through `redactSecrets` with the secrets of `smtpSecrets`. Pure.
 */

/** What a redacted secret is replaced by. */
const REDACTED = '***';

/** Characters that end the user info of a URL early when they are not percent-encoded. */
const URL_DELIMITERS = /[/?#]/;
/** A run of base64 (or base64url) characters: what a server echoing `AUTH PLAIN …` or `AUTH LOGIN` answers would show. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{4,}={0,2}/g;
/** Fragments shorter than this are too common to scrub without mangling the rest of a message. */
const MIN_FRAGMENT = 4;
/** Shorter texts turn up by chance in the bytes that ordinary words decode to. */
const MIN_ENCODED_BYTES = 3;

/**
 * The secrets an `SMTP_URL` holds, in every form a message might quote them:
 * the password as typed, decoded and percent-encoded, the pieces an
 * unencoded `?`, `#`, `@` or `/` splits it into, and (for `redactSecrets`'s
 * base64 scan) user and password as AUTH PLAIN and AUTH LOGIN send them.
 * Taken from the raw text, so a URL that does not parse is covered too.
 */
export function smtpSecrets(value: string | undefined): SmtpSecrets {
  const credentials = credentialsOf(value ?? '');
  if (credentials === null) return { plain: [], encoded: [] };
  const colon = credentials.indexOf(':');
  // No colon: a user name alone, which is shown on purpose (`smtp://apikey:****@host`); there is no password to hide.
  if (colon === -1) return NO_SECRETS;
  const typedPass = credentials.slice(colon + 1);
  if (typedPass === '') return NO_SECRETS;
  const user = decodeLoosely(credentials.slice(0, colon));
  const pass = decodeLoosely(typedPass);
  const plain = unique([
    typedPass,
    pass,
    encodeURIComponent(pass),
    encodeUserInfo(pass),
    // An unencoded delimiter splits the password; a message about the rest of the URL could quote a piece.
    ...typedPass.split(/[/?#@:]/).filter((piece) => piece.length >= MIN_FRAGMENT),
  ]);
  // AUTH PLAIN sends base64("\0user\0pass"), AUTH LOGIN base64(user) and base64(pass): scan for the encoded bytes of each.
  const encoded = unique([pass, user, `\0${user}\0${pass}`]).filter((text) => Buffer.byteLength(text) >= MIN_ENCODED_BYTES);
  return { plain, encoded };
}

export interface SmtpSecrets {
  /** Texts masked wherever they occur. */
  plain: readonly string[];
  /** Texts masked wherever their UTF-8 bytes occur base64-encoded. */
  encoded: readonly string[];
}

export const NO_SECRETS: SmtpSecrets = Object.freeze({ plain: [], encoded: [] });

/**
 * Mask every secret in a text: each plain form, and every base64 run that
 * encodes a secret at any byte alignment (so `AUTH PLAIN AHVzZXIAR2VoZWltOTk=`
 * echoed in a 535 reply loses its whole token). Pure.
 */
export function redactSecrets(text: string, secrets: SmtpSecrets): string {
  let result = text;
  // Longest first, so that a fragment never leaves the rest of a longer secret behind.
  for (const secret of [...secrets.plain].sort((a, b) => b.length - a.length)) {
    if (secret !== '') result = result.split(secret).join(REDACTED);
  }
  const cores = secrets.encoded.flatMap(base64Cores);
  const bytes = secrets.encoded.filter((secret) => secret !== '').map((secret) => Buffer.from(secret, 'utf8'));
  if (bytes.length === 0) return result;
  return result.replace(BASE64_RUN, (run) => (cores.some((core) => run.includes(core)) || decodesToSecret(run, bytes) ? REDACTED : run));
}

/** The URL with everything between `//` and the last `@` replaced by `***`: safe to show in a message. */
export function maskSmtpUrl(value: string): string {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  if (at === -1) return text;
  const start = text.indexOf('//');
  const from = start === -1 || start > at ? 0 : start + 2;
  return `${text.slice(0, from)}${REDACTED}${text.slice(at)}`;
}

/**
 * True when the user info of the URL (between `//` and the last `@`) holds a
 * character that ends it early: the URL parser would take part of the
 * password for the host, the path, the query or the fragment.
 */
export function hasUnencodedDelimiter(value: string): boolean {
  const credentials = credentialsOf(value);
  return credentials !== null && URL_DELIMITERS.test(credentials);
}

/** A copy of an error with every message, problem, cause and stack passed through `redactSecrets`. */
export function redactError(error: unknown, secrets: SmtpSecrets): unknown {
  if (secrets.plain.length === 0 && secrets.encoded.length === 0) return error;
  const scrub = (text: string) => redactSecrets(text, secrets);
  if (isNewsletterError(error)) {
    const problems = error.problems.map((problem) => ({ ...problem, message: scrub(problem.message) }));
    const copy = new NewsletterError(scrub(error.message), { code: error.code, file: error.file, line: error.line, problems });
    copy.name = error.name;
    copy.stack = scrub(error.stack ?? '');
    return copy;
  }
  if (error instanceof Error) {
    const copy = new Error(scrub(error.message));
    copy.name = error.name;
    copy.stack = scrub(error.stack ?? '');
    if ('code' in error) Object.assign(copy, { code: error.code });
    return copy;
  }
  return scrub(String(error));
}

/** The user-info part as written (between `//` and the last `@`), or null when there is none. */
function credentialsOf(value: string): string | null {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  if (at === -1) return null;
  const start = text.indexOf('//');
  const from = start === -1 || start > at ? (/^[a-z][a-z0-9+.-]*:/i.exec(text)?.[0].length ?? 0) : start + 2;
  const credentials = text.slice(from, at);
  return credentials === '' ? null : credentials;
}

/** Percent-decoding that keeps what does not decode (a literal "%" in a password is a user mistake, not a crash). */
function decodeLoosely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The password as the URL parser writes it back in `url.password` (spaces and non-ASCII percent-encoded, most else kept). */
function encodeUserInfo(text: string): string {
  try {
    const url = new URL('smtp://host');
    url.password = text;
    return url.password;
  } catch {
    return text;
  }
}

/**
 * Substrings that every base64 encoding of a text containing `secret` must
 * contain: for each of the three byte alignments, the base64 of the
 * secret's bytes that fill whole 3-byte groups there.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const skip = (3 - offset) % 3; // bytes that share a group with whatever comes before
    const whole = bytes.length - skip - ((bytes.length - skip) % 3);
    if (whole < 3) continue;
    cores.push(bytes.subarray(skip, skip + whole).toString('base64'));
  }
  return cores;
}

function decodesToSecret(run: string, secrets: readonly Buffer[]): boolean {
  const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return secrets.some((secret) => decoded.includes(secret));
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
