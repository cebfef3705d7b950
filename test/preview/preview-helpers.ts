import http from 'node:http';
import net from 'node:net';
import { networkInterfaces } from 'node:os';

/** An IPv4 address of this machine other than loopback, to show the servers do not answer there; undefined when there is none. */
export const EXTERNAL_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * An HTTP request with the path sent exactly as given (fetch and URL would
 * normalise `..` and percent-encodings away before the server sees them).
 */
export function rawRequest(port: number, rawPath: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

export interface ServerEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  /** The first event of this type that arrives after this call (call it before the change that causes it). */
  next(type: string, match?: (data: unknown) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  /**
   * Resolve once `check` passes, checking again after every `rebuilt` event.
   * One save can cause more than one rebuild (editors and the file system
   * report a write in steps), so tests wait for the state they expect rather
   * than for a count of events.
   */
  until(check: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Listen to the preview's `/events` stream like a page does. */
export function openEventStream(port: number): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const waiters: { type: string; match: (data: unknown) => boolean; resolve: (event: ServerEvent) => void }[] = [];
    let rebuilds = 0;
    const deliver = (event: ServerEvent) => {
      if (event.event === 'rebuilt') rebuilds++;
      for (const waiter of [...waiters]) {
        if (event.event !== waiter.type || !waiter.match(event.data)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    };
    const request = http.get({ host: '127.0.0.1', port, path: '/events', agent: false }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type !== undefined && data !== undefined) deliver({ event: type, data: JSON.parse(data) as unknown });
        }
      });
      resolve({
        next(type, match = () => true, timeoutMs = 10_000) {
          return new Promise((resolveEvent, rejectEvent) => {
            const timer = setTimeout(() => rejectEvent(new Error(`no "${type}" event within ${timeoutMs} ms`)), timeoutMs);
            waiters.push({
              type,
              match,
              resolve: (event) => {
                clearTimeout(timer);
                resolveEvent(event);
              },
            });
          });
        },
        async until(check, timeoutMs = 10_000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const seen = rebuilds;
            if (await check()) return;
            while (rebuilds === seen) {
              if (Date.now() > deadline) throw new Error(`the preview did not reach the expected state within ${timeoutMs} ms`);
              await new Promise((resolveWait) => setTimeout(resolveWait, 10));
            }
          }
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/** A `rebuilt` event that names this file. */
export const touches = (file: string) => (data: unknown) => (data as { files: string[] }).files.includes(file);

export interface SmtpSession {
  /** One message of about `size` bytes (lines of 1000 bytes); resolves with the replies from MAIL FROM to the final dot. */
  send(size: number): Promise<string[]>;
  quit(): Promise<void>;
}

/**
 * A plain SMTP client on a raw socket, for sizes nodemailer would refuse
 * before sending (it honours the SIZE the server announces). Writes honour
 * TCP back-pressure.
 */
export async function smtpSession(port: number): Promise<SmtpSession> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.setEncoding('utf8');
  let buffer = '';
  const waiting: ((reply: string) => void)[] = [];
  const ready: string[] = [];
  socket.on('data', (text: string) => {
    buffer += text;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^\d{3}-/.test(line)) continue; // not the last line of a multi-line reply
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else ready.push(line);
    }
  });
  const reply = () => new Promise<string>((resolve) => (ready.length > 0 ? resolve(ready.shift() as string) : waiting.push(resolve)));
  const command = async (line: string) => {
    socket.write(`${line}\r\n`);
    return reply();
  };
  await reply(); // greeting
  await command('EHLO client.test');
  return {
    async send(size) {
      const replies = [await command('MAIL FROM:<a@example.com>'), await command('RCPT TO:<b@example.com>'), await command('DATA')];
      const block = Buffer.from(`${'x'.repeat(998)}\r\n`.repeat(64));
      socket.write('Subject: size test\r\n\r\n');
      for (let sent = 0; sent < size; sent += block.length) {
        const chunk = size - sent < block.length ? block.subarray(0, Math.max(2, size - sent)) : block;
        if (!socket.write(chunk)) await new Promise((drained) => socket.once('drain', drained));
      }
      replies.push(await command('\r\n.'));
      return replies;
    },
    async quit() {
      await command('QUIT');
      socket.destroy();
    },
  };
}
