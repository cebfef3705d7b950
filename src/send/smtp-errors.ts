import { SendError } from '../errors.js';
import { previewInboxUrl, type SmtpTarget } from './parse-smtp-url.js';
import { redactSecrets, type SmtpSecrets } from './redact-secrets.js';

/**
 * Every SMTP failure a test send can meet, as one line naming the cause and
 * the fix. Codes are nodemailer's (lib/errors.js): EAUTH, ESOCKET, ETIMEDOUT,
 * ETLS, EENVELOPE, EMESSAGE, ECONNECTION, EDNS, … All text passes `redactSecrets`:
 * a server may echo the login (`535 … AUTH PLAIN <base64>`) in its reply.
 */

/** What nodemailer puts on its errors (all optional: anything may be thrown). */
interface SmtpFailure {
  message?: unknown;
  code?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  rejected?: unknown;
  rejectedErrors?: unknown;
}

export interface Timeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

const START_PREVIEW_HINT = 'start it with "npm run preview" in another terminal, or set SMTP_URL in .env to send through a real server (see docs/send-test.md)';

/** Map a nodemailer failure to a `SendError` whose message and cause hold no secret. */
export function toSendError(error: unknown, target: SmtpTarget, timeouts: Timeouts): SendError {
  const failure = scrubFailure((typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpFailure, target.secrets);
  const message = redactSecrets(describeSmtpFailure(failure, target, timeouts), target.secrets);
  // The original error may quote server responses or the URL: keep only a scrubbed copy as the cause.
  const cause = new Error(redactSecrets(text(failure.message), target.secrets));
  if (typeof failure.code === 'string') Object.assign(cause, { code: failure.code });
  return new SendError(message, { cause });
}

/**
 * The failure with its texts scrubbed before they are cut to one line: a
 * base64 token cut in half would no longer be recognised as the password.
 */
export function scrubFailure<T extends { message?: unknown; response?: unknown; rejectedErrors?: unknown }>(failure: T, secrets: SmtpSecrets): T {
  const scrub = (value: unknown) => (typeof value === 'string' ? redactSecrets(value, secrets) : value);
  const rejectedErrors = Array.isArray(failure.rejectedErrors)
    ? failure.rejectedErrors.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? { ...entry, response: scrub((entry as { response?: unknown }).response) } : entry))
    : failure.rejectedErrors;
  return { ...failure, message: scrub(failure.message), response: scrub(failure.response), rejectedErrors };
}

/** One line for one failure. Pure. */
export function describeSmtpFailure(failure: SmtpFailure, target: SmtpTarget, timeouts: Timeouts): string {
  const code = text(failure.code);
  const command = text(failure.command);
  const message = text(failure.message);
  const inbox = previewInboxUrl(target.port);
  const server = target.builtInInbox ? `the built-in preview inbox (${inbox})` : `the SMTP server ${target.shown}`;
  const reply = serverReply(failure);
  const address = `${target.host}:${target.port}`;

  if (code === 'EAUTH') {
    return `${server} refused the login${reply}: check user name and password in SMTP_URL (URL-encode special characters, e.g. @ as %40)`;
  }
  if (code === 'ENOAUTH' || (code === 'EENVELOPE' && command === 'MAIL FROM' && failure.responseCode === 530)) {
    return `${server} requires a login${reply}: put user name and password in SMTP_URL, e.g. smtp://user:password@${address}`;
  }
  if (/ECONNREFUSED/.test(message)) {
    if (target.builtInInbox) return `nothing is listening at ${inbox}, the preview server's built-in inbox used when SMTP_URL is not set: ${START_PREVIEW_HINT}`;
    return `${address} refused the connection: check host and port in SMTP_URL (usually 587 for smtp://, 465 for smtps://)`;
  }
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(message)) {
    return `cannot find the host "${target.host}": check the host name in SMTP_URL and the network connection`;
  }
  if (/EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE/.test(message)) {
    const why = /ECONNRESET|EPIPE/.test(message) ? 'dropped the connection' : 'cannot be reached';
    return `${address} ${why}: check host and port in SMTP_URL, the network connection and any firewall`;
  }
  if (code === 'ETIMEDOUT') {
    if (/greeting/i.test(message)) {
      const tls = target.secure ? '' : ' (a server on port 465 waits for TLS first: use smtps:// for it)';
      return `${address} accepted the connection but sent no SMTP greeting within ${seconds(timeouts.greetingMs)}: check that it is an SMTP port${tls}`;
    }
    if (/connection timeout/i.test(message)) {
      return `no answer from ${address} within ${seconds(timeouts.connectionMs)}: check host and port in SMTP_URL and whether a firewall blocks outgoing SMTP`;
    }
    return `${server} stopped answering${command && command !== 'CONN' ? ` after ${command}` : ''} (no reply within ${seconds(timeouts.socketMs)}): try again, or check the server`;
  }
  if (code === 'ETLS' && command === 'STARTTLS' && /^5/.test(text(failure.response))) {
    return `${server} does not offer STARTTLS${reply}, but TLS is required so the password is never sent in clear: use the provider's TLS port (smtps://…:465 or smtp://…:587), or add ?requireTLS=false only for a trusted local server`;
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(message)) {
    return `${address} does not speak TLS from the first byte as smtps:// expects: use smtp:// for this port (STARTTLS, usually 587), or smtps:// with port 465`;
  }
  if (/certificate|self[- ]signed|CERT_|altname/i.test(message)) {
    return `the TLS certificate of ${target.host} is not trusted (${firstLine(message)}): check the host name in SMTP_URL matches the provider's documented SMTP host`;
  }
  if (code === 'ETLS') {
    return `TLS with ${address} failed${reply || ` (${firstLine(message)})`}: check host, port and smtp:// vs smtps:// in SMTP_URL`;
  }
  if (code === 'EENVELOPE' && command === 'MAIL FROM') {
    return `${server} refused the sender${reply}: set SMTP_FROM (or "from" in newsletter.config.json) to an address this account may send from`;
  }
  if (code === 'EENVELOPE' && command === 'RCPT TO') {
    const rejected = describeRejected(failure);
    return `${server} rejected every recipient: ${rejected}: check the addresses`;
  }
  if ((code === 'EENVELOPE' || code === 'EMESSAGE') && command === 'DATA') {
    const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : 0;
    if (responseCode >= 400 && responseCode < 500) return `${server} did not take the message for now${reply}: a temporary failure, try again in a few minutes`;
    return `${server} refused the message${reply}: the reply says why; check size limits and the sender address`;
  }
  if (code === 'ECONNECTION' || code === 'ESOCKET') {
    return `${server} closed the connection${reply || ` (${firstLine(message)})`}: check host and port in SMTP_URL, and smtp:// (STARTTLS) vs smtps:// (TLS)`;
  }
  return `sending through ${server} failed${code ? ` (${code})` : ''}: ${firstLine(message)}`;
}

/** `b@example.com (550 No such user)`, for each rejected recipient. */
export function describeRejected(failure: { rejected?: unknown; rejectedErrors?: unknown; response?: unknown }): string {
  const errors = Array.isArray(failure.rejectedErrors) ? (failure.rejectedErrors as SmtpFailure[]) : [];
  const rejected = Array.isArray(failure.rejected) ? failure.rejected.map(text) : [];
  const reasons = new Map<string, string>();
  for (const error of errors) {
    const recipient = text((error as { recipient?: unknown }).recipient);
    if (recipient) reasons.set(recipient, firstLine(text(error.response)));
  }
  if (rejected.length === 0) return firstLine(text(failure.response)) || 'no reason given';
  return rejected.map((address) => `${address} (${reasons.get(address) || firstLine(text(failure.response)) || 'no reason given'})`).join(', ');
}

function serverReply(failure: SmtpFailure): string {
  const response = firstLine(text(failure.response));
  return response === '' ? '' : ` (server said "${response}")`;
}

function firstLine(value: string): string {
  const line = value.split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
