import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { listenError } from './listen-error.js';

/** A message the built-in inbox caught. */
export interface CaughtMessage {
  /** Sequential, as a string: `"1"`, `"2"`, … */
  id: string;
  receivedAt: Date;
  /** SMTP envelope: who the client said it sends from and to. */
  envelope: { from: string | null; to: string[] };
  /** Header values as text (decoded). */
  from: string;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  /** Raw header lines, in order, exactly as received. */
  headerLines: string[];
  /** The whole message as received (RFC 5322), for download. */
  raw: Buffer;
}

export interface InboxOptions {
  /** 0 picks a free port. */
  port: number;
  /** Messages kept; the oldest go first. @default 200 */
  limit?: number;
  /** Total bytes kept, whatever the count. @default 50 MB */
  maxBytes?: number;
  /** Largest message taken; a larger one is read to its end without being kept, then refused with 552. @default 10 MB */
  maxMessageBytes?: number;
  onMessage?: (message: CaughtMessage) => void;
}

export interface Inbox {
  readonly port: number;
  /** Newest first. */
  messages(): readonly CaughtMessage[];
  get(id: string): CaughtMessage | undefined;
  clear(): void;
  /** Goes up with every message caught and every clear. */
  readonly version: number;
  close(): Promise<void>;
}

export const INBOX_LIMIT = 200;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * An SMTP server on 127.0.0.1 that accepts every message (any or no
 * credentials, no TLS) and keeps the last `limit` in memory. It is a catcher
 * for test sends, never a relay: nothing is delivered anywhere.
 */
export async function startInbox(options: InboxOptions): Promise<Inbox> {
  const limit = options.limit ?? INBOX_LIMIT;
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  const stored: CaughtMessage[] = []; // oldest first
  let storedBytes = 0;
  let nextId = 1;
  let version = 0;

  const server = new SMTPServer({
    name: 'localhost',
    banner: 'newsletter preview inbox (catches test sends, delivers nothing)',
    logger: false,
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: maxMessageBytes, // announced in EHLO; clients that honour SIZE do not even start a larger message
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'preview' });
    },
    onData(stream, session, callback) {
      // SMTP has no way to refuse in the middle of DATA: the rest of a message over the limit is read and
      // counted but not kept (memory stays flat whatever the size), and the 552 comes after the final dot.
      let chunks: Buffer[] = [];
      let received = 0;
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received <= maxMessageBytes) chunks.push(chunk);
        else if (chunks.length > 0) chunks = [];
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (received > maxMessageBytes || stream.sizeExceeded) {
          callback(Object.assign(new Error(`5.3.4 message larger than ${maxMessageBytes} bytes: the preview inbox takes at most that`), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { skipImageLinks: true })
          .then((parsed) => {
            const message: CaughtMessage = {
              id: String(nextId++),
              receivedAt: new Date(),
              envelope: {
                from: session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address,
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
              },
              from: parsed.from?.text ?? '',
              to: addressText(parsed.to),
              subject: parsed.subject ?? '',
              html: parsed.html === false ? null : (parsed.html ?? null),
              text: parsed.text ?? null,
              headerLines: parsed.headerLines.map((header) => header.line),
              raw,
            };
            stored.push(message);
            storedBytes += raw.length;
            while (stored.length > limit || (storedBytes > maxBytes && stored.length > 1)) storedBytes -= stored.shift()?.raw.length ?? 0;
            version++;
            options.onMessage?.(message);
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  // Before listening, an error (port taken) fails the start; after, errors of single
  // connections (a client hanging up mid-command) must not take the preview down.
  let failStart: ((error: Error) => void) | null = null;
  server.on('error', (error: Error) => failStart?.(error));
  await new Promise<void>((resolve, reject) => {
    failStart = (error) => reject(listenError(error, 'SMTP inbox', options.port, '--smtp-port'));
    server.listen(options.port, '127.0.0.1', () => resolve());
  }).finally(() => (failStart = null));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages: () => [...stored].reverse(),
    get: (id) => stored.find((message) => message.id === id),
    clear() {
      stored.length = 0;
      storedBytes = 0;
      version++;
    },
    get version() {
      return version;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (value === undefined) return '';
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ');
}
