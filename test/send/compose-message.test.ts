import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { SendError } from '../../src/errors.js';
import { composeMessage, renderMessageId, renderSubject, type ComposeInput } from '../../src/send/compose-message.js';
import { renderRawMessage } from '../../src/send/send-test.js';

const input: ComposeInput = {
  config: { brand: 'Business Punk', from: 'Business Punk <newsletter@bp.example.org>', unsubscribeUrl: 'https://example.com/abmelden', subjectPrefix: '', locale: 'de' },
  slug: 'gruesse',
  title: 'Grüße aus der Redaktion',
  html: '<!doctype html>\n<html lang="de"><body><p>Grüße – „Handelsblatt“</p><a href="https://example.com/abmelden">Newsletter abbestellen</a></body></html>\n',
  text: 'Grüße – „Handelsblatt“\n\nNewsletter abbestellen: https://example.com/abmelden\n',
  to: ['leser@example.com'],
  date: new Date('2025-11-04T08:00:00Z'),
  uniqueId: 'abc123',
};

describe('renderSubject', () => {
  it.each([
    ['', 'Titel', 'Titel'],
    ['[TEST]', 'Titel', '[TEST] Titel'],
    ['  [TEST] ', 'Grüße', '[TEST] Grüße'],
  ])('%j + %j → %j', (prefix, title, expected) => expect(renderSubject(prefix, title)).toBe(expected));

  it.each(['Hallo\r\nBcc: x@example.com', 'Hallo\nBcc: x@example.com', 'Hallo\rBcc: x@example.com'])('refuses a line break: %j', (title) => {
    expect(() => renderSubject('', title)).toThrow(SendError);
  });
});

describe('renderMessageId', () => {
  it('puts the id on the sender domain', () => {
    expect(renderMessageId('gruesse', 'abc123', 'newsletter@bp.example.org')).toBe('<gruesse.abc123@bp.example.org>');
  });
});

describe('composeMessage', () => {
  it('builds the message options', () => {
    const { mail, subject, messageId, from } = composeMessage(input);
    expect(subject).toBe('Grüße aus der Redaktion');
    expect(messageId).toBe('<gruesse.abc123@bp.example.org>');
    expect(from).toEqual({ name: 'Business Punk', address: 'newsletter@bp.example.org' });
    expect(mail).toMatchObject({
      from: { name: 'Business Punk', address: 'newsletter@bp.example.org' },
      to: ['leser@example.com'],
      subject,
      messageId,
      date: input.date,
      text: input.text,
      html: input.html,
      list: { unsubscribe: 'https://example.com/abmelden' },
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it('uses the prefix, SMTP_FROM over config, and leaves To out without recipients', () => {
    const { mail } = composeMessage({ ...input, config: { ...input.config, subjectPrefix: '[TEST]' }, fromOverride: 'test@punk.example.com', to: [] });
    expect(mail.subject).toBe('[TEST] Grüße aus der Redaktion');
    expect(mail.from).toEqual({ name: 'Business Punk', address: 'test@punk.example.com' });
    expect(mail.messageId).toBe('<gruesse.abc123@punk.example.com>');
    expect(mail).not.toHaveProperty('to');
  });

  it('neutralises header injection even if a title got past validation', () => {
    expect(() => composeMessage({ ...input, title: 'Hallo\r\nBcc: opfer@example.com' })).toThrow(/the subject contains a line break/);
    expect(() => composeMessage({ ...input, fromOverride: 'a@example.com\r\nBcc: opfer@example.com' })).toThrow(/SMTP_FROM contains a line break/);
  });

  it('the default config composes too', () => {
    expect(composeMessage({ ...input, config: DEFAULT_CONFIG }).mail.from).toEqual({ name: 'Business Punk', address: 'newsletter@example.com' });
  });
});

describe('renderRawMessage', () => {
  it('gives RFC 5322 bytes that mailparser reads back: both parts exact, text first', async () => {
    const raw = await renderRawMessage(composeMessage(input).mail);
    const source = raw.toString('utf8');
    expect(source.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(source).toMatch(/^Date: Tue, 04 Nov 2025 08:00:00 \+0000\r$/m);
    expect(source).toMatch(/^Content-Language: de\r$/m);
    expect(source.indexOf('Content-Type: text/plain; charset=utf-8')).toBeLessThan(source.indexOf('Content-Type: text/html; charset=utf-8'));
    const parsed = await simpleParser(raw);
    expect(parsed.text).toBe(input.text);
    expect(parsed.html).toBe(input.html);
    expect(parsed.subject).toBe('Grüße aus der Redaktion');
    expect(parsed.attachments).toEqual([]);
  });

  it('never reads a local file or a URL for content', async () => {
    const { mail } = composeMessage(input);
    await expect(renderRawMessage({ ...mail, html: { path: '/etc/hostname' } })).rejects.toMatchObject({ code: 'EFILEACCESS' });
    await expect(renderRawMessage({ ...mail, text: { href: 'http://127.0.0.1:9/x' } })).rejects.toMatchObject({ code: 'EURLACCESS' });
    // The renderer enforces it even for options that do not ask for it.
    const { disableFileAccess: _file, disableUrlAccess: _url, ...unguarded } = mail;
    await expect(renderRawMessage({ ...unguarded, html: { path: '/etc/hostname' } })).rejects.toMatchObject({ code: 'EFILEACCESS' });
  });
});
