import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { build } from '../build.js';
import type { ResolvedConfig } from '../config/config.js';
import { SendError } from '../errors.js';
import { writeFileAtomic } from '../io/write-output.js';
import { parseRecipients, parseSender } from './addresses.js';
import { composeMessage } from './compose-message.js';
import { loadEnvFile } from './load-env-file.js';
import { parseSmtpUrl, type SmtpTarget } from './parse-smtp-url.js';
import { redactSecrets } from './redact-secrets.js';
import { resolveArticle } from './resolve-article.js';
import { describeRejected, scrubFailure, toSendError, type Timeouts } from './smtp-errors.js';

export interface SendTestOptions {
  config: ResolvedConfig;
  /** A slug or an article path like `articles/x.md`. */
  target: string;
  /** Recipients; falls back to env `TEST_RECIPIENTS` (comma-separated). */
  to?: string[];
  /** Write `out/<slug>.eml` and send nothing. @default false */
  dryRun?: boolean;
  /** Allow more than 10 recipients. @default false */
  allowMany?: boolean;
  /**
   * `SMTP_URL`, `SMTP_FROM`, `TEST_RECIPIENTS`.
   * @default process.env over the project's `.env` (the environment wins)
   */
  env?: Record<string, string | undefined>;
  /** Port of the preview server's built-in inbox on 127.0.0.1, used when `SMTP_URL` is unset. @default 2525 */
  inboxPort?: number;
  /** SMTP timeouts in ms. @default { connectionMs: 10000, greetingMs: 10000, socketMs: 30000 } */
  timeouts?: Partial<Timeouts>;
}

export interface SendTestResult {
  slug: string;
  accepted: string[];
  rejected: string[];
  messageId: string;
  /** Size of the whole message as sent (RFC 5322, CRLF line ends). */
  bytes: number;
  /** where it went, with any password masked, e.g. "smtp://user:****@host:587" or "built-in preview inbox smtp://127.0.0.1:2525" */
  server: string;
  /** Absolute path of `out/<slug>.eml` for a dry run, else null. */
  emlFile: string | null;
  /** The Subject line as sent. */
  subject?: string;
}

/** Some recipients were refused while others got the message: a failure that still says what was sent. */
export class RecipientsRejectedError extends SendError {
  readonly result: SendTestResult;
  constructor(message: string, result: SendTestResult) {
    super(message);
    this.result = result;
  }
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = Object.freeze({ connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 });

/**
 * Build one newsletter fresh and send it as a test, or write it as
 * `out/<slug>.eml` for a dry run. Steps:
 *   1. check recipients, sender and SMTP_URL (fail fast, before building)
 *   2. resolve the slug or path to an article, build it as build-newsletter does
 *   3. compose the message from exactly the out/ files
 *   4. dry run: write the .eml; else send over SMTP
 * Throws `SendError` (one line, no password) or the build's own error.
 */
export async function sendTest(options: SendTestOptions): Promise<SendTestResult> {
  const { config } = options;
  const env = options.env ?? { ...(await loadEnvFile(config.root)), ...process.env };
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const dryRun = options.dryRun ?? false;

  // 1. Settings first: a typo should not wait for a build.
  const recipients = parseRecipients(options.to, env.TEST_RECIPIENTS, options.allowMany ?? false);
  if (recipients.length === 0 && !dryRun) {
    throw new SendError('no recipients: pass --to you@example.com (repeat for more) or set TEST_RECIPIENTS in .env');
  }
  const fromOverride = env.SMTP_FROM?.trim() ? env.SMTP_FROM.trim() : undefined;
  parseSender(fromOverride ?? config.from, fromOverride === undefined ? 'config "from"' : 'SMTP_FROM', config.brand);
  const smtp = dryRun ? null : parseSmtpUrl(env.SMTP_URL, options.inboxPort);

  // 2. The same build as `build-newsletter articles/x.md --drafts`.
  const file = await resolveArticle(config, options.target);
  const built = await build({ config, files: [path.relative(config.root, file)], drafts: true });
  const article = built.articles[0];
  if (article === undefined) throw new SendError(`${options.target}: nothing was built: name one article`);
  if (article.status === 'failed') throw article.error;
  if (article.status === 'draft-skipped') throw new SendError(`${article.file}: skipped as a draft: this is a bug, please report it`);

  // 3. Exactly the bytes build-newsletter wrote.
  const [html, text] = await Promise.all([readFile(article.htmlFile, 'utf8'), readFile(article.textFile, 'utf8')]);
  const composed = composeMessage({
    config,
    slug: article.slug,
    title: article.subject,
    html,
    text,
    to: recipients,
    fromOverride,
    date: new Date(),
    // Time plus 32 random bits; the 8-hex-digit part is also the shape spam filters expect of a Message-ID.
    uniqueId: `${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`,
  });
  const raw = await renderRawMessage(composed.mail);
  const base = { slug: article.slug, messageId: composed.messageId, bytes: raw.length, subject: composed.subject };

  // 4. Write or send.
  if (smtp === null) {
    const emlFile = path.join(config.paths.out, `${article.slug}.eml`);
    await writeFileAtomic(emlFile, raw);
    return { ...base, accepted: [], rejected: [], server: 'none (dry run)', emlFile };
  }
  const info = await deliver(smtp, timeouts, { from: composed.from.address, to: recipients }, raw);
  const result: SendTestResult = { ...base, accepted: info.accepted, rejected: info.rejected, server: smtp.shown, emlFile: null };
  if (info.rejected.length > 0) {
    // nodemailer resolves when at least one recipient took the message; a test send needs all of them.
    const where = smtp.builtInInbox ? 'the built-in preview inbox' : smtp.shown;
    throw new RecipientsRejectedError(
      redactSecrets(
        `${where} rejected ${info.rejected.length} of ${recipients.length} recipients: ${describeRejected(scrubFailure(info, smtp.secrets))}; ` +
          `sent to ${info.accepted.join(', ')} only: correct or remove the rejected address and send again`,
        smtp.secrets,
      ),
      result,
    );
  }
  return result;
}

/** The message as RFC 5322 bytes with CRLF line ends: what a dry run writes and what SMTP sends. */
export async function renderRawMessage(mail: Mail.Options): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', disableFileAccess: true, disableUrlAccess: true });
  const info = await composer.sendMail(mail);
  if (!Buffer.isBuffer(info.message)) throw new TypeError('nodemailer returned a stream although buffer: true was set');
  return info.message;
}

interface Delivery {
  accepted: string[];
  rejected: string[];
  rejectedErrors?: unknown;
}

async function deliver(smtp: SmtpTarget, timeouts: Timeouts, envelope: { from: string; to: string[] }, raw: Buffer): Promise<Delivery> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ignoreTLS: smtp.ignoreTLS,
    auth: smtp.auth ?? undefined,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    const addresses = (list: unknown[]) => list.map((entry) => (typeof entry === 'string' ? entry : (entry as { address: string }).address));
    return { accepted: addresses(info.accepted), rejected: addresses(info.rejected), rejectedErrors: (info as { rejectedErrors?: unknown }).rejectedErrors };
  } catch (error) {
    throw toSendError(error, smtp, timeouts);
  } finally {
    transport.close();
  }
}
