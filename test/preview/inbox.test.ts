import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startInbox, type Inbox } from '../../src/preview/inbox.js';
import { EXTERNAL_ADDRESS } from './preview-helpers.js';

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

  it.skipIf(!EXTERNAL_ADDRESS)(`listens on loopback only (refuses ${EXTERNAL_ADDRESS ?? 'another interface'})`, async () => {
    inbox = await startInbox({ port: 0 });
    const transport = nodemailer.createTransport({ host: EXTERNAL_ADDRESS, port: inbox.port, secure: false, ignoreTLS: true, connectionTimeout: 2000 });
    await expect(transport.sendMail({ from: 'x@example.com', to: 'y@example.com', text: 'x' })).rejects.toThrow(/ECONNREFUSED|ETIMEDOUT|connect/i);
    transport.close();
  });
});
