import { didYouMean, SendError } from '../errors.js';

/** Port of the preview server's built-in inbox, where test sends go when `SMTP_URL` is not set. */
export const PREVIEW_INBOX_PORT = 2525;

export function previewInboxUrl(port: number = PREVIEW_INBOX_PORT): string {
  return `smtp://127.0.0.1:${port}`;
}

/** A parsed `SMTP_URL`: what nodemailer needs, plus a printable form without the password. */
export interface SmtpTarget {
  host: string;
  port: number;
  /** TLS from the first byte (`smtps://`). */
  secure: boolean;
  /** Refuse to go on unless the server upgrades to TLS with STARTTLS. */
  requireTLS: boolean;
  /** Never try STARTTLS (only for the built-in inbox on loopback). */
  ignoreTLS: boolean;
  auth: { user: string; pass: string } | null;
  /** The URL with the password masked, e.g. `smtp://user:****@host:587`. */
  shown: string;
  /** True for the preview server's built-in inbox (no `SMTP_URL` set). */
  builtInInbox: boolean;
  /** Texts that must never be printed: the password, raw and URL-encoded. */
  secrets: string[];
}

const QUERY_KEYS = ['requireTLS'] as const;

const FORMAT_HINT =
  'write it as smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with @ : / ? # % in user or password URL-encoded (%40 %3A %2F %3F %23 %25)';

/**
 * Parse `SMTP_URL`. Unset or empty means the preview server's built-in inbox
 * on 127.0.0.1 (plain SMTP, no login, STARTTLS never tried).
 * Pure. Error messages never echo the value, since it holds the password.
 *
 * Credentials are only sent over TLS: for a host other than loopback,
 * `smtp://` with a user requires STARTTLS unless `?requireTLS=false` is given.
 * A loopback server without login is spoken to in plain SMTP.
 */
export function parseSmtpUrl(value: string | undefined, inboxPort: number = PREVIEW_INBOX_PORT): SmtpTarget {
  if (value === undefined || value.trim() === '') {
    return {
      host: '127.0.0.1',
      port: inboxPort,
      secure: false,
      requireTLS: false,
      ignoreTLS: true,
      auth: null,
      shown: `built-in preview inbox ${previewInboxUrl(inboxPort)}`,
      builtInInbox: true,
      secrets: [],
    };
  }
  const text = value.trim();
  if (/[\r\n]/.test(text)) throw new SendError(`SMTP_URL contains a line break: ${FORMAT_HINT}`);
  if (!URL.canParse(text)) throw new SendError(`SMTP_URL is not a valid URL (not shown, it may hold the password): ${FORMAT_HINT}`);
  const url = new URL(text);

  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new SendError(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//: ${FORMAT_HINT}`);
  }
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === '') throw new SendError(`SMTP_URL names no host: ${FORMAT_HINT}`);
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  if (port === 0) throw new SendError(`SMTP_URL has port 0: use the provider's port, usually 587 (smtp://) or 465 (smtps://)`);
  if (url.pathname !== '' && url.pathname !== '/') {
    throw new SendError(`SMTP_URL has a path after the host (an unencoded "/" in the password?): remove it, or ${FORMAT_HINT}`);
  }
  if (url.hash !== '') throw new SendError(`SMTP_URL contains "#": URL-encode it as %23 in the password (${FORMAT_HINT})`);

  const user = decodePart(url.username, 'user name');
  const pass = decodePart(url.password, 'password');
  if (user !== '' && pass === '') throw new SendError(`SMTP_URL has a user name but no password: ${FORMAT_HINT}`);
  if (user === '' && pass !== '') throw new SendError(`SMTP_URL has a password but no user name: ${FORMAT_HINT}`);

  let requireTLS = !secure && user !== '' && !isLoopback(host);
  let requireTLSGiven = false;
  for (const [key, raw] of url.searchParams) {
    if (key === 'requireTLS') {
      if (raw !== 'true' && raw !== 'false') throw new SendError(`SMTP_URL: requireTLS must be true or false, not "${raw}"`);
      requireTLS = raw === 'true';
      requireTLSGiven = true;
      continue;
    }
    const suggestion = didYouMean(key, QUERY_KEYS);
    throw new SendError(`SMTP_URL: unknown option "${key}" (${suggestion ? `did you mean "${suggestion}"?` : `allowed: ${QUERY_KEYS.join(', ')}`})`);
  }
  if (secure) requireTLS = false; // already TLS from the first byte

  const hostShown = host.includes(':') ? `[${host}]` : host;
  const shown = `${url.protocol}//${user === '' ? '' : `${url.username}:****@`}${hostShown}:${port}`;
  const typed = /^[a-z]+:\/\/[^:/@]*:(.*)@[^@]*$/i.exec(text)?.[1] ?? ''; // the password as written
  const secrets = pass === '' ? [] : unique([pass, typed, url.password, encodeURIComponent(pass)]);
  // A local catcher without login (Mailpit, the preview inbox on another port) has nothing to protect with
  // STARTTLS, and its self-signed certificate would only make the send fail.
  const ignoreTLS = !secure && user === '' && isLoopback(host) && !requireTLSGiven;
  return { host, port, secure, requireTLS, ignoreTLS, auth: user === '' ? null : { user, pass }, shown, builtInInbox: false, secrets };
}

/** Mask every secret in a text; the one place output is scrubbed. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join('****');
  return result;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function decodePart(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new SendError(`SMTP_URL: the ${what} has a "%" that is not followed by two hex digits: write a literal "%" as %25`);
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
