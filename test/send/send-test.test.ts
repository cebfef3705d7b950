import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleError, SendError } from '../../src/errors.js';
import { RecipientsRejectedError, sendTest, type SendTestOptions } from '../../src/send/send-test.js';
import { makeProject, SAMPLE_SLUG as SLUG, SAMPLE_TITLE as TITLE, type TempProject as TestProject } from '../helpers/project.js';
import { PASSWORD, refusedPort, SMTP_PASSWORD_ENCODED, smtpUrl, startSilentServer, startSmtpServer, USER, type TestServer } from './smtp-test-server.js';

const FAST = { connectionMs: 1000, greetingMs: 300, socketMs: 2000 };

let project: TestProject;
let server: TestServer;

beforeAll(async () => {
  project = await makeProject({ samples: true, loadConfig: true, config: { from: 'Business Punk Redaktion <newsletter@bp.example.org>' } });
  server = await startSmtpServer();
});
afterAll(async () => {
  await server.close();
  await project.remove();
});

function options(extra: Partial<SendTestOptions> & { env?: Record<string, string | undefined> } = {}): SendTestOptions {
  return { config: project.config, target: SLUG, to: ['leser@example.com'], timeouts: FAST, ...extra, env: { SMTP_URL: smtpUrl(server.port), ...extra.env } };
}

/** Run a send that must fail; return its error. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the send should have failed').toBeInstanceOf(Error);
  return error as Error;
}

/** The password, raw or URL-encoded, appears nowhere in the error, its problems or its cause chain. */
function expectNoPassword(error: Error): void {
  const texts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    texts.push(current.message, String(current.stack));
    current = current.cause;
  }
  if (error instanceof SendError) texts.push(JSON.stringify(error.problems));
  for (const text of texts) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(SMTP_PASSWORD_ENCODED);
  }
}

describe('sendTest: the message a real SMTP server receives', () => {
  it('logs in, sends one multipart/alternative message whose parts are exactly the out/ files', async () => {
    const before = server.messages.length;
    const result = await sendTest(options({ to: ['leser@example.com', 'chefin@example.com'] }));

    expect(server.logins.at(-1)).toEqual({ user: USER, pass: PASSWORD });
    const received = server.messages[before];
    expect(received).toBeDefined();
    if (!received) return;
    expect(server.messages).toHaveLength(before + 1);
    // Envelope
    expect(received.from).toBe('newsletter@bp.example.org');
    expect(received.to).toEqual(['leser@example.com', 'chefin@example.com']);
    expect(received.user).toBe(USER);
    // Result
    expect(result).toMatchObject({ slug: SLUG, accepted: ['leser@example.com', 'chefin@example.com'], rejected: [], emlFile: null, subject: TITLE });
    expect(result.server).toBe(`smtp://${encodeURIComponent(USER)}:****@127.0.0.1:${server.port}`);
    expect(result.bytes).toBe(received.raw.length);

    const raw = received.raw.toString('utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const body = raw.slice(head.length);
    // Top level: multipart/alternative; text part first, HTML second, both UTF-8.
    expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(head).toMatch(/^MIME-Version: 1\.0\r$/m);
    const textAt = body.indexOf('Content-Type: text/plain; charset=utf-8');
    const htmlAt = body.indexOf('Content-Type: text/html; charset=utf-8');
    expect(textAt).toBeGreaterThan(-1);
    expect(htmlAt).toBeGreaterThan(textAt);
    expect(raw.match(/^Content-Type: /gm)).toHaveLength(3);
    // Every line is CRLF-terminated and within RFC 5322's 998 characters.
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...raw.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(998);

    const parsed = await simpleParser(received.raw);
    const [html, text] = await Promise.all([readFile(path.join(project.root, 'out', `${SLUG}.html`), 'utf8'), readFile(path.join(project.root, 'out', `${SLUG}.txt`), 'utf8')]);
    // Decoded, both parts are the out/ files byte for byte (on the wire MIME text has CRLF line ends).
    expect(parsed.html).toBe(html);
    expect(parsed.text).toBe(text);
    expect(parsed.subject).toBe(TITLE);
    expect(parsed.subject).toContain('löst');
    expect(parsed.from?.value).toEqual([{ name: 'Business Punk Redaktion', address: 'newsletter@bp.example.org' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((entry) => entry.address) : []).toEqual(['leser@example.com', 'chefin@example.com']);
    expect(parsed.messageId).toBe(result.messageId);
    expect(result.messageId).toMatch(/^<openai-amazon-cloud-deal\.[a-z0-9.]+@bp\.example\.org>$/);
    expect(Math.abs((parsed.date?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(head).toMatch(/^List-Unsubscribe: <https:\/\/example\.com\/newsletter\/abmelden>\r$/m);
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://example.com/newsletter/abmelden' } });
    // The visible unsubscribe link is in both parts as well.
    expect(parsed.html).toContain('href="https://example.com/newsletter/abmelden"');
    expect(parsed.text).toContain('https://example.com/newsletter/abmelden');
  });

  it('puts the configured prefix before the subject and takes the sender from SMTP_FROM', async () => {
    const prefixed = await makeProject({ samples: true, loadConfig: true, config: { subjectPrefix: '[TEST]', from: 'newsletter@bp.example.org' } });
    try {
      const before = server.messages.length;
      await sendTest({ ...options(), config: prefixed.config });
      await sendTest({ ...options({ env: { SMTP_FROM: 'Chefredaktion Ü <chef@punk.example.com>' } }), config: prefixed.config });
      const [bare, overridden] = await Promise.all(server.messages.slice(before).map((message) => simpleParser(message.raw)));
      expect(bare?.subject).toBe(`[TEST] ${TITLE}`);
      // A bare address gets the brand as display name.
      expect(bare?.from?.value).toEqual([{ name: 'Business Punk', address: 'newsletter@bp.example.org' }]);
      expect(overridden?.from?.value).toEqual([{ name: 'Chefredaktion Ü', address: 'chef@punk.example.com' }]);
      expect(overridden?.messageId).toMatch(/@punk\.example\.com>$/);
      expect(server.messages[before + 1]?.from).toBe('chef@punk.example.com');
    } finally {
      await prefixed.remove();
    }
  });

  it('finds the article by path, by file-name slug and by frontmatter slug', async () => {
    const withSlug = await makeProject({ samples: true, loadConfig: true, articles: {
      'langer-dateiname.md': '---\ntitle: Kurz\ncategory: Test\ndate: 2025-11-01\nteaser: Ein Teaser.\nslug: kurz\n---\n\nText.\n',
    } });
    try {
      const base = { ...options(), config: withSlug.config };
      expect((await sendTest({ ...base, target: 'articles/ki-chips-wettruesten.md' })).slug).toBe('ki-chips-wettruesten');
      expect((await sendTest({ ...base, target: 'kurz' })).subject).toBe('Kurz');
      const error = await failure(sendTest({ ...base, target: 'langer-dateiname' }));
      expect(error.message).toMatch(/no article with the slug "langer-dateiname"/);
    } finally {
      await withSlug.remove();
    }
  });

  it('delivers to the built-in preview inbox without SMTP_URL: no login, no STARTTLS even when offered', async () => {
    const inbox = await startSmtpServer({ auth: null, startTls: true });
    try {
      const result = await sendTest({ ...options(), env: {}, inboxPort: inbox.port });
      expect(result.server).toBe(`built-in preview inbox smtp://127.0.0.1:${inbox.port}`);
      expect(inbox.messages).toHaveLength(1);
      expect(inbox.messages[0]?.user).toBeUndefined();
      // The same inbox named by SMTP_URL (e.g. a preview started with another --smtp-port).
      const named = await sendTest({ ...options(), env: { SMTP_URL: `smtp://127.0.0.1:${inbox.port}` } });
      expect(named.server).toBe(`smtp://127.0.0.1:${inbox.port}`);
      expect(inbox.messages).toHaveLength(2);
    } finally {
      await inbox.close();
    }
  });

  it('takes recipients from TEST_RECIPIENTS when no --to is given', async () => {
    const before = server.messages.length;
    const result = await sendTest(options({ to: undefined, env: { TEST_RECIPIENTS: 'a@example.com, b@example.com,' } }));
    expect(result.accepted).toEqual(['a@example.com', 'b@example.com']);
    expect(server.messages[before]?.to).toEqual(['a@example.com', 'b@example.com']);
  });

  it('sends to more than 10 only with allowMany', async () => {
    const many = Array.from({ length: 11 }, (_, index) => `leser${index}@example.com`);
    const before = server.messages.length;
    const error = await failure(sendTest(options({ to: many })));
    expect(error.message).toBe('11 recipients: a test send is for a handful of people (at most 10): trim the list or pass --allow-many');
    expect(server.messages).toHaveLength(before);
    const result = await sendTest(options({ to: many, allowMany: true }));
    expect(result.accepted).toHaveLength(11);
  });
});

describe('sendTest --dry-run', () => {
  it('writes out/<slug>.eml that mailparser reads, and sends nothing (SMTP_URL is not even read)', async () => {
    const before = server.messages.length;
    const result = await sendTest(options({ dryRun: true, env: { SMTP_URL: 'http://broken' } }));
    expect(server.messages).toHaveLength(before);
    expect(result.emlFile).toBe(path.join(project.root, 'out', `${SLUG}.eml`));
    expect(result.accepted).toEqual([]);
    const eml = await readFile(result.emlFile ?? '');
    expect(eml.length).toBe(result.bytes);
    expect((await stat(result.emlFile ?? '')).size).toBe(result.bytes);
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(TITLE);
    expect(parsed.messageId).toBe(result.messageId);
    expect(parsed.html).toBe(await readFile(path.join(project.root, 'out', `${SLUG}.html`), 'utf8'));
    expect(parsed.text).toBe(await readFile(path.join(project.root, 'out', `${SLUG}.txt`), 'utf8'));
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('leser@example.com');
    expect(eml.toString('utf8')).toMatch(/^Content-Type: multipart\/alternative;/m);
  });

  it('needs no recipients', async () => {
    const result = await sendTest(options({ dryRun: true, to: [], env: { TEST_RECIPIENTS: undefined } }));
    expect(result.emlFile).not.toBeNull();
  });
});

describe('sendTest failures: one line, the cause and the fix, never the password', () => {
  it('wrong password (EAUTH)', async () => {
    const error = await failure(sendTest(options({ env: { SMTP_URL: smtpUrl(server.port, 'wrong-Punk$ecret') } })));
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).code).toBe('E_SEND');
    expect(error.message).toMatch(/refused the login \(server said "535 Authentication credentials invalid"\): check user name and password in SMTP_URL/);
    expect(error.message).not.toContain('wrong-Punk$ecret');
    expect(String((error.cause as Error).message)).not.toContain('wrong-Punk$ecret');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('550 for one of two recipients: the message went to the other, the send still fails and names the refused one', async () => {
    const picky = await startSmtpServer({ rejectRecipient: (address) => address.startsWith('unbekannt') });
    try {
      const error = await failure(sendTest(options({ to: ['leser@example.com', 'unbekannt@example.com'], env: { SMTP_URL: smtpUrl(picky.port) } })));
      expect(error).toBeInstanceOf(RecipientsRejectedError);
      expect(error.message).toBe(
        `smtp://${encodeURIComponent(USER)}:****@127.0.0.1:${picky.port} rejected 1 of 2 recipients: ` +
          'unbekannt@example.com (550 5.1.1 <unbekannt@example.com>: mailbox unknown); ' +
          'sent to leser@example.com only: correct or remove the rejected address and send again',
      );
      const { result } = error as RecipientsRejectedError;
      expect(result.accepted).toEqual(['leser@example.com']);
      expect(result.rejected).toEqual(['unbekannt@example.com']);
      expect(picky.messages.map((message) => message.to)).toEqual([['leser@example.com']]);
      expectNoPassword(error);
    } finally {
      await picky.close();
    }
  });

  it('every recipient refused', async () => {
    const picky = await startSmtpServer({ rejectRecipient: () => true });
    try {
      const error = await failure(sendTest(options({ to: ['a@example.com', 'b@example.com'], env: { SMTP_URL: smtpUrl(picky.port) } })));
      expect(error.message).toMatch(/rejected every recipient: a@example\.com \(550 5\.1\.1 <a@example\.com>: mailbox unknown\), b@example\.com \(550 .*\): check the addresses$/);
      expect(picky.messages).toHaveLength(0);
      expectNoPassword(error);
    } finally {
      await picky.close();
    }
  });

  it('451 after DATA: a temporary failure', async () => {
    const busy = await startSmtpServer({ dataReply: { code: 451, message: '4.3.0 Try again later' } });
    try {
      const error = await failure(sendTest(options({ env: { SMTP_URL: smtpUrl(busy.port) } })));
      expect(error.message).toMatch(/did not take the message for now \(server said "451 4\.3\.0 Try again later"\): a temporary failure, try again in a few minutes$/);
      expectNoPassword(error);
    } finally {
      await busy.close();
    }
  });

  it('a port that refuses the connection', async () => {
    const port = await refusedPort();
    const error = await failure(sendTest(options({ env: { SMTP_URL: smtpUrl(port) } })));
    expect(error.message).toBe(`127.0.0.1:${port} refused the connection: check host and port in SMTP_URL (usually 587 for smtp://, 465 for smtps://)`);
    expectNoPassword(error);
  });

  it('no SMTP_URL and no preview server: says how to start it', async () => {
    const port = await refusedPort();
    const error = await failure(sendTest({ ...options(), env: {}, inboxPort: port }));
    expect(error.message).toMatch(new RegExp(`^nothing is listening at smtp://127\\.0\\.0\\.1:${port}, the preview server's built-in inbox used when SMTP_URL is not set: start it with "npm run preview"`));
    expect(error.message).toContain('or set SMTP_URL in .env');
  });

  it('a server that never greets: gives up after the greeting timeout', async () => {
    const silent = await startSilentServer();
    try {
      // The message names the configured 300 ms: the greeting timeout, not a default of minutes, ended the wait.
      const error = await failure(sendTest(options({ env: { SMTP_URL: smtpUrl(silent.port) } })));
      expect(error.message).toBe(
        `127.0.0.1:${silent.port} accepted the connection but sent no SMTP greeting within 300 ms: check that it is an SMTP port (a server on port 465 waits for TLS first: use smtps:// for it)`,
      );
      expectNoPassword(error);
    } finally {
      await silent.close();
    }
  });

  it('TLS required (?requireTLS=true) but the server offers no STARTTLS: the password is not sent', async () => {
    const before = server.logins.length;
    const error = await failure(sendTest(options({ env: { SMTP_URL: smtpUrl(server.port, PASSWORD, USER, '?requireTLS=true') } })));
    expect(error.message).toMatch(/does not offer STARTTLS \(server said "500 Error: command not recognized"\), but TLS is required so the password is never sent in clear/);
    expect(server.logins).toHaveLength(before);
    expectNoPassword(error);
  });

  it('smtps:// to a server that speaks plain SMTP', async () => {
    const error = await failure(sendTest(options({ env: { SMTP_URL: smtpUrl(server.port).replace('smtp:', 'smtps:') } })));
    expect(error.message).toBe(`127.0.0.1:${server.port} does not speak TLS from the first byte as smtps:// expects: use smtp:// for this port (STARTTLS, usually 587), or smtps:// with port 465`);
  });

  it('a server that wants a login when SMTP_URL has none', async () => {
    const error = await failure(sendTest(options({ env: { SMTP_URL: `smtp://127.0.0.1:${server.port}` } })));
    expect(error.message).toMatch(/requires a login \(server said "530 .*"\): put user name and password in SMTP_URL/);
  });

  it('malformed SMTP_URL: says how to write it, shows it only with the user info masked', async () => {
    const url = `smtp://${USER}:${PASSWORD}@127.0.0.1:${server.port}`; // not URL-encoded: "/" in the password breaks it
    const error = await failure(sendTest(options({ env: { SMTP_URL: url } })));
    expect(error.message).toBe(
      `SMTP_URL "smtp://***@127.0.0.1:${server.port}" has a "?", "#" or "/" in the user name or password: percent-encode them there (? as %3F, # as %23, / as %2F, @ as %40, : as %3A, % as %25)`,
    );
    const unparsable = await failure(sendTest(options({ env: { SMTP_URL: `smtp://user:Punk#geheim@127.0.0.1:${server.port}` } })));
    expect(unparsable.message).toMatch(/^SMTP_URL "smtp:\/\/\*\*\*@127\.0\.0\.1:\d+" has a "\?", "#" or "\/" in the user name or password/);
    expect(unparsable.message).not.toContain('geheim');
    expectNoPassword(error);
  });

  it('malformed --to and missing recipients', async () => {
    expect((await failure(sendTest(options({ to: ['leser@example'] })))).message).toBe('--to: "leser@example" is not an email address: write it as name@example.com');
    expect((await failure(sendTest(options({ to: ['Leser <leser@example.com>'] })))).message).toMatch(/give the bare address without a name or <>/);
    expect((await failure(sendTest(options({ to: [], env: { TEST_RECIPIENTS: 'ok@example.com,kaputt' } })))).message).toBe(
      'TEST_RECIPIENTS: "kaputt" is not an email address: write it as name@example.com',
    );
    expect((await failure(sendTest(options({ to: [] })))).message).toMatch(/^no recipients: pass --to you@example.com/);
  });

  it('unknown slug: did you mean', async () => {
    const error = await failure(sendTest(options({ target: 'openai-amazon-cloud-dael' })));
    expect(error).toBeInstanceOf(SendError);
    expect(error.message).toBe('no article with the slug "openai-amazon-cloud-dael" (did you mean "openai-amazon-cloud-deal"?)');
    const byPath = await failure(sendTest(options({ target: 'articles/ki-chips.md' })));
    expect(byPath.message).toMatch(/^articles\/ki-chips\.md: no such article/);
  });

  it('header injection: a title with CR/LF is refused at validation, nothing reaches the server', async () => {
    const injected = await makeProject({ samples: true, loadConfig: true, articles: {
      'injektion.md': '---\ntitle: "Hallo\\r\\nBcc: opfer@example.com"\ncategory: Test\ndate: 2025-11-01\nteaser: Ein Teaser.\n---\n\nText.\n',
    } });
    try {
      const before = server.messages.length;
      const error = await failure(sendTest({ ...options(), config: injected.config, target: 'injektion' }));
      expect(error).toBeInstanceOf(ArticleError);
      expect((error as ArticleError).problems[0]).toEqual({ file: 'articles/injektion.md', line: 2, message: expect.stringMatching(/"title" must be a single line/) });
      expect(server.messages).toHaveLength(before);
    } finally {
      await injected.remove();
    }
  });
});
