import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A message as the test server received it. */
export interface ReceivedMessage {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO) that were accepted. */
  to: string[];
  /** The message exactly as sent, CRLF line ends. */
  raw: Buffer;
  /** The user that logged in, if any. */
  user: string | undefined;
}

export interface TestServerOptions {
  /** Credentials the server accepts; null for a server without login. @default USER/PASSWORD below */
  auth?: { user: string; pass: string } | null;
  /** Recipients to refuse with 550 at RCPT TO. */
  rejectRecipient?: (address: string) => boolean;
  /** Refuse the message after DATA with this reply, e.g. { code: 451, message: 'Try again later' }. */
  dataReply?: { code: number; message: string };
  /** Offer STARTTLS (smtp-server's built-in self-signed certificate). @default false */
  startTls?: boolean;
  /** Login methods offered, in order (nodemailer takes the first). @default ['PLAIN', 'LOGIN'] */
  authMethods?: ('PLAIN' | 'LOGIN')[];
  /** Refuse every login with a 535 that quotes the AUTH exchange in base64, as some servers log it back. */
  echoAuth?: boolean;
}

export interface TestServer {
  port: number;
  messages: ReceivedMessage[];
  /** Logins tried, successful or not: proves the password reached only the server. */
  logins: { user: string; pass: string }[];
  close(): Promise<void>;
}

export const USER = 'redaktion@bp.example.org';
/** Has characters that must be URL-encoded in SMTP_URL. */
export const PASSWORD = 'Punk$ecret@2025/ü';
export const SMTP_PASSWORD_ENCODED = encodeURIComponent(PASSWORD);

/** A real SMTP server on 127.0.0.1, port 0 (a free port). */
export async function startSmtpServer(options: TestServerOptions = {}): Promise<TestServer> {
  const auth = options.auth === undefined ? { user: USER, pass: PASSWORD } : options.auth;
  const messages: ReceivedMessage[] = [];
  const logins: { user: string; pass: string }[] = [];
  const settings: SMTPServerOptions = {
    logger: false,
    disabledCommands: options.startTls ? [] : ['STARTTLS'],
    allowInsecureAuth: true, // loopback only; TLS behaviour is tested separately
    authOptional: auth === null,
    authMethods: options.authMethods ?? ['PLAIN', 'LOGIN'],
    onAuth(login, _session, callback) {
      logins.push({ user: login.username ?? '', pass: login.password ?? '' });
      if (options.echoAuth) {
        const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
        const line =
          login.method === 'PLAIN' ? `AUTH PLAIN ${base64(`\0${login.username ?? ''}\0${login.password ?? ''}`)}` : `AUTH LOGIN ${base64(login.username ?? '')} ${base64(login.password ?? '')}`;
        callback(Object.assign(new Error(`5.7.8 Authentication failed for ${line}`), { responseCode: 535 }));
        return;
      }
      if (auth !== null && login.username === auth.user && login.password === auth.pass) callback(null, { user: login.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unknown`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.dataReply) {
          callback(Object.assign(new Error(options.dataReply.message), { responseCode: options.dataReply.code }));
          return;
        }
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        messages.push({ from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks), user: session.user as string | undefined });
        callback(null, 'Queued');
      });
    },
  };
  const server = new SMTPServer(settings);
  server.on('error', () => undefined); // a client dropping the connection is part of some tests
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    messages,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Accepts connections and never says a word: the greeting never comes. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

export function smtpUrl(port: number, pass: string = PASSWORD, user: string = USER, query = ''): string {
  return `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}${query}`;
}
