import v8 from 'node:v8';
import vm from 'node:vm';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startInbox, type Inbox } from '../../src/preview/inbox.js';
import { EXTERNAL_ADDRESS, smtpSession } from './preview-helpers.js';

/** A full garbage collection on demand, so that memory readings show what is still referenced. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('built-in inbox', () => {
  let inbox: Inbox | undefined;
  afterEach(async () => {
    await inbox?.close();
    inbox = undefined;
  });

  const send = async (port: number, subject: string, options: { auth?: { user: string; pass: string } } = {}) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: options.auth });
    try {
      await transport.sendMail({ from: 'Business Punk <newsletter@example.com>', to: 'a@example.com, b@example.com', subject, text: `Text zu ${subject}`, html: `<p>Grüße: ${subject}</p>` });
    } finally {
      transport.close();
    }
  };

  it('catches a message on 127.0.0.1 and keeps its parts, headers and envelope', async () => {
    const caught: string[] = [];
    inbox = await startInbox({ port: 0, onMessage: (message) => caught.push(message.id) });
    await send(inbox.port, 'Überschrift mit Umlauten');
    const [message] = inbox.messages();
    expect(caught).toEqual(['1']);
    expect(message).toMatchObject({
      id: '1',
      envelope: { from: 'newsletter@example.com', to: ['a@example.com', 'b@example.com'] },
      from: '"Business Punk" <newsletter@example.com>',
      to: 'a@example.com, b@example.com',
      subject: 'Überschrift mit Umlauten',
      html: '<p>Grüße: Überschrift mit Umlauten</p>',
      text: 'Text zu Überschrift mit Umlauten',
    });
    expect(message?.headerLines.some((line) => line.startsWith('Subject: =?UTF-8?'))).toBe(true);
    expect(message?.raw.toString()).toContain('MIME-Version: 1.0');
    expect(inbox.get('1')).toBe(message);
  });

  it('accepts any login, since it only catches mail', async () => {
    inbox = await startInbox({ port: 0 });
    await send(inbox.port, 'Mit Anmeldung', { auth: { user: 'redaktion', pass: 'egal' } });
    expect(inbox.messages()[0]?.subject).toBe('Mit Anmeldung');
  });

  it('keeps only the newest messages, newest first', async () => {
    inbox = await startInbox({ port: 0, limit: 3 });
    for (const number of [1, 2, 3, 4, 5]) await send(inbox.port, `Nummer ${number}`);
    expect(inbox.messages().map((message) => message.subject)).toEqual(['Nummer 5', 'Nummer 4', 'Nummer 3']);
    expect(inbox.get('1')).toBeUndefined();
    inbox.clear();
    expect(inbox.messages()).toEqual([]);
  });

  it('also bounds the bytes kept', async () => {
    inbox = await startInbox({ port: 0, maxBytes: 1 });
    await send(inbox.port, 'Erste');
    await send(inbox.port, 'Zweite');
    expect(inbox.messages().map((message) => message.subject)).toEqual(['Zweite']);
  });

  it('reads a message over the size limit to its end without keeping it, answers 552, and goes on working', async () => {
    const limit = 1024 * 1024;
    const size = 64 * 1024 * 1024;
    inbox = await startInbox({ port: 0, maxMessageBytes: limit });
    const gc = exposeGc();
    gc();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    // Live buffer memory while the message streams in: the old inbox kept every chunk until the end.
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
    }, 25);
    const session = await smtpSession(inbox.port);
    let replies: string[];
    try {
      replies = await session.send(size);
    } finally {
      clearInterval(sampler);
    }
    expect(replies.at(-1)).toBe(`552 5.3.4 message larger than ${limit} bytes: the preview inbox takes at most that`);
    expect(inbox.messages()).toEqual([]);
    expect(peak, `${Math.round(peak / 1024 / 1024)} MB of buffers were held while a ${size / 1024 / 1024} MB message came in`).toBeLessThan(16 * 1024 * 1024);
    // The same session takes a message within the limit afterwards.
    expect((await session.send(1000)).at(-1)).toMatch(/^250 /);
    await session.quit();
    expect(inbox.messages()).toHaveLength(1);
  }, 60_000);

  it.skipIf(!EXTERNAL_ADDRESS)(`listens on loopback only (refuses ${EXTERNAL_ADDRESS ?? 'another interface'})`, async () => {
    inbox = await startInbox({ port: 0 });
    const transport = nodemailer.createTransport({ host: EXTERNAL_ADDRESS, port: inbox.port, secure: false, ignoreTLS: true, connectionTimeout: 2000 });
    await expect(transport.sendMail({ from: 'x@example.com', to: 'y@example.com', text: 'x' })).rejects.toThrow(/ECONNREFUSED|ETIMEDOUT|connect/i);
    transport.close();
  });
});
