import type Mail from 'nodemailer/lib/mailer/index.js';
import type { ResolvedConfig } from '../config/config.js';
import { SendError } from '../errors.js';
import { parseSender, type Mailbox } from './addresses.js';

export interface ComposeInput {
  config: Pick<ResolvedConfig, 'brand' | 'from' | 'unsubscribeUrl' | 'subjectPrefix' | 'locale'>;
  slug: string;
  /** The subject line: the article's `subject`, else its title; validation already refused line breaks in both. */
  title: string;
  /** Exactly the content of `out/<slug>.html` and `out/<slug>.txt`. */
  html: string;
  text: string;
  /** Validated recipient addresses; may be empty for a dry run. */
  to: readonly string[];
  /** `SMTP_FROM` when set; overrides `config.from`. */
  fromOverride?: string;
  date: Date;
  /** A unique token for the Message-ID, e.g. random hex. */
  uniqueId: string;
}

export interface ComposedMessage {
  /** Options for nodemailer's composer. */
  mail: Mail.Options;
  from: Mailbox;
  subject: string;
  messageId: string;
}

/**
 * Turn a built newsletter into nodemailer message options. Pure.
 *
 * multipart/alternative, text first and HTML second, both UTF-8 and
 * quoted-printable; Subject with the optional prefix; Message-ID on the
 * sender's domain; one-click unsubscribe headers (RFC 2369, RFC 8058).
 */
export function composeMessage(input: ComposeInput): ComposedMessage {
  const from = parseSender(input.fromOverride ?? input.config.from, input.fromOverride === undefined ? 'config "from"' : 'SMTP_FROM', input.config.brand);
  const subject = renderSubject(input.config.subjectPrefix, input.title);
  const messageId = renderMessageId(input.slug, input.uniqueId, from.address);
  const mail: Mail.Options = {
    from: { name: from.name, address: from.address },
    subject,
    date: input.date,
    messageId,
    text: input.text,
    html: input.html,
    textEncoding: 'quoted-printable',
    // nodemailer's `list` option writes `List-Unsubscribe: <url>`; the RFC 8058 one-click header is not in it.
    list: { unsubscribe: input.config.unsubscribeUrl },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Content-Language': input.config.locale },
    // Article text is data: the composer must never read a local file or fetch a URL for it.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (input.to.length > 0) mail.to = [...input.to];
  return { mail, from, subject, messageId };
}

/** `[TEST] Title`, or the title alone when there is no prefix. */
export function renderSubject(prefix: string, title: string): string {
  const subject = prefix.trim() === '' ? title : `${prefix.trim()} ${title}`;
  // Validation refuses line breaks in titles; this guard keeps a header from ever being split.
  if (/[\r\n]/.test(subject)) throw new SendError('the subject contains a line break: remove it from the title (and "subjectPrefix")');
  return subject.trim();
}

/** `<slug.token@sender-domain>`: unique, and on the sender's domain as mail filters expect. */
export function renderMessageId(slug: string, uniqueId: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return `<${slug}.${uniqueId}@${domain}>`;
}
