import { didYouMean, SendError } from '../errors.js';
import { hasUnencodedDelimiter, maskSmtpUrl, NO_SECRETS, redactSecrets, smtpSecrets, type SmtpSecrets } from './redact-secrets.js';

/** Port of the preview server's built-in inbox, where test sends go when `SMTP_URL` is not set. */
const PREVIEW_INBOX_PORT = 2525;

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
  /** What must never be shown: the password in every form (for `redactSecrets`). */
  secrets: SmtpSecrets;
}

const QUERY_KEYS = ['requireTLS'] as const;

const ENCODE_HINT = '? as %3F, # as %23, / as %2F, @ as %40, : as %3A, % as %25';
const FORMAT_HINT = `write it as smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with ? # / @ : % in user name or password percent-encoded (${ENCODE_HINT})`;

/**
 * Parse `SMTP_URL`. Unset or empty means the preview server's built-in inbox
 * on 127.0.0.1 (plain SMTP, no login, STARTTLS never tried).
 * Pure. Error messages show the value only with its user info masked
 * (`smtp://***@host:587`), since it holds the password.
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
      secrets: NO_SECRETS,
    };
  }
  const text = value.trim();
  const secrets = smtpSecrets(text);
  try {
    return parseGiven(text, secrets);
  } catch (error) {
    // Every message names the URL with its user info masked; the scrub is a second line of defence.
    if (error instanceof SendError) throw new SendError(redactSecrets(error.message, secrets));
    throw error;
  }
}

function parseGiven(text: string, secrets: SmtpSecrets): SmtpTarget {
  const shown = JSON.stringify(maskSmtpUrl(text)); // quoted, control characters escaped
  if (/[\r\n]/.test(text)) throw new SendError(`SMTP_URL ${shown} contains a line break: ${FORMAT_HINT}`);
  // Checked before parsing: the parser would take what follows such a character for the host, path, query
  // or fragment, and a message about those would quote part of the password.
  if (hasUnencodedDelimiter(text)) {
    throw new SendError(`SMTP_URL ${shown} has a "?", "#" or "/" in the user name or password: percent-encode them there (${ENCODE_HINT})`);
  }
  if (!URL.canParse(text)) throw new SendError(`SMTP_URL ${shown} is not a valid URL: ${FORMAT_HINT}`);
  const url = new URL(text);

  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new SendError(`SMTP_URL ${shown} must start with smtp:// or smtps://, not ${url.protocol}//: ${FORMAT_HINT}`);
  }
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === '') throw new SendError(`SMTP_URL ${shown} names no host: ${FORMAT_HINT}`);
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  if (port === 0) throw new SendError(`SMTP_URL ${shown} has port 0: use the provider's port, usually 587 (smtp://) or 465 (smtps://)`);
  if (url.pathname !== '' && url.pathname !== '/') {
    throw new SendError(`SMTP_URL ${shown} has a path after the host: remove it, or ${FORMAT_HINT}`);
  }
  if (url.hash !== '') throw new SendError(`SMTP_URL ${shown} has a "#" part after the host: remove it, or ${FORMAT_HINT}`);

  const user = decodePart(url.username, 'user name', shown);
  const pass = decodePart(url.password, 'password', shown);
  if (user !== '' && pass === '') throw new SendError(`SMTP_URL ${shown} has a user name but no password: ${FORMAT_HINT}`);
  if (user === '' && pass !== '') throw new SendError(`SMTP_URL ${shown} has a password but no user name: ${FORMAT_HINT}`);

  let requireTLS = !secure && user !== '' && !isLoopback(host);
  let requireTLSGiven = false;
  for (const [key, raw] of url.searchParams) {
    if (key === 'requireTLS') {
      if (raw !== 'true' && raw !== 'false') throw new SendError(`SMTP_URL ${shown}: requireTLS must be true or false, not ${JSON.stringify(raw)}`);
      requireTLS = raw === 'true';
      requireTLSGiven = true;
      continue;
    }
    const suggestion = didYouMean(key, QUERY_KEYS);
    throw new SendError(`SMTP_URL ${shown}: unknown option ${JSON.stringify(key)} (${suggestion ? `did you mean "${suggestion}"?` : `allowed: ${QUERY_KEYS.join(', ')}`})`);
  }
  if (secure) requireTLS = false; // already TLS from the first byte

  const hostShown = host.includes(':') ? `[${host}]` : host;
  // A local catcher without login (Mailpit, the preview inbox on another port) has nothing to protect with
  // STARTTLS, and its self-signed certificate would only make the send fail.
  const ignoreTLS = !secure && user === '' && isLoopback(host) && !requireTLSGiven;
  const masked = `${url.protocol}//${user === '' ? '' : `${url.username}:****@`}${hostShown}:${port}`;
  return { host, port, secure, requireTLS, ignoreTLS, auth: user === '' ? null : { user, pass }, shown: masked, builtInInbox: false, secrets };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function decodePart(part: string, what: string, shown: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new SendError(`SMTP_URL ${shown}: the ${what} has a "%" that is not followed by two hex digits: write a literal "%" as %25`);
  }
}
