import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isNewsletterError } from '../../src/errors.js';
import { espUpload } from '../../src/esp-upload.js';
import { loadConfig } from '../../src/io/load-config.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const BREVO_KEY = 'xkeysib-0123456789abcdef-SECRET';
const MAILCHIMP_KEY = '0123456789abcdefSECRET-us21';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/**
 * A stand-in for the Brevo and Mailchimp APIs on 127.0.0.1 that checks each
 * request as their documentation describes it and answers like them: 401
 * for a wrong key, 404/400 for an unknown list, 429 when `rateLimited`.
 */
class FakeEsp {
  requests: Recorded[] = [];
  rateLimited = false;
  knownList = '7';
  private server: Server = createServer((request, response) => void this.handle(request, response));

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(json));
    };
    if (this.rateLimited) return answer(429, { code: 'too_many_requests', message: 'Too many requests' }, { 'retry-after': '30' });
    if (request.headers['content-type'] !== 'application/json') return answer(415, { message: 'json only' });

    if (request.method === 'POST' && request.url === '/v3/emailCampaigns') {
      // Echoing the key as some APIs do: it must not reach the user's terminal.
      if (request.headers['api-key'] !== BREVO_KEY) return answer(401, { code: 'unauthorized', message: `Key not found: ${String(request.headers['api-key'])}` });
      if ('scheduledAt' in body || 'sendNow' in body) return answer(400, { message: 'this test server only takes drafts' });
      const listIds = (body.recipients as { listIds?: number[] } | undefined)?.listIds;
      if (listIds && !listIds.every((id) => String(id) === this.knownList)) return answer(404, { code: 'document_not_found', message: 'List ID does not exist' });
      return answer(201, { id: 42 });
    }
    if (request.url?.startsWith('/3.0/campaigns')) {
      const expected = `Basic ${Buffer.from(`punk-newsletter:${MAILCHIMP_KEY}`).toString('base64')}`;
      if (request.headers.authorization !== expected) return answer(401, { title: 'API Key Invalid', detail: 'Your API key may be invalid, or you\'ve attempted to access the wrong datacenter.', status: 401 });
      if (request.method === 'POST' && request.url === '/3.0/campaigns') {
        const listId = (body.recipients as { list_id?: string } | undefined)?.list_id;
        if (listId !== undefined && listId !== this.knownList) return answer(400, { title: 'Invalid Resource', detail: 'The resource submitted could not be validated. list_id: Invalid list', status: 400 });
        return answer(200, { id: 'c0ffee12', web_id: 8675309, status: 'save' });
      }
      if (request.method === 'PUT' && request.url === '/3.0/campaigns/c0ffee12/content') return answer(200, { html: body.html });
    }
    return answer(404, { message: `no route ${request.method} ${request.url}` });
  }
}

const ARTICLE = [
  '---',
  'title: "Chips für alle: warum die Preise fallen"',
  'subject: Chips für alle', // the draft's subject is the subject key, not the headline
  'category: Tech & Trends',
  'date: 2025-11-04',
  'teaser: Der Teaser.',
  'preheader: Für [[vorname|liebe Leserin]] gelesen',
  '---',
  '',
  'Hallo [[vorname|liebe Leserin]], hier geht es los.',
  '',
].join('\n');

let esp: FakeEsp;
let port: number;
/** A loopback port nothing listens on (taken, then freed): connections to it are refused. */
let closedPort: number;
let project: TempProject;
beforeAll(async () => {
  esp = new FakeEsp();
  port = await esp.start();
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  project = await makeProject({ articles: { 'chips.md': ARTICLE } });
});
afterAll(async () => {
  await esp.stop();
  await project.remove();
});
beforeEach(() => {
  esp.requests = [];
  esp.rateLimited = false;
});

async function configure(provider: string, listId: string | null = '7'): Promise<void> {
  await project.write('newsletter.config.json', JSON.stringify({ from: 'Business Punk <news@example.com>', esp: { provider, listId, fields: { vorname: provider === 'brevo' ? 'FIRSTNAME' : 'FNAME' } } }));
}

const brevoEnv = (extra: Record<string, string | undefined> = {}) => ({ BREVO_API_KEY: BREVO_KEY, BREVO_API_URL: `http://127.0.0.1:${port}/v3`, ...extra });
const mailchimpEnv = (extra: Record<string, string | undefined> = {}) => ({ MAILCHIMP_API_KEY: MAILCHIMP_KEY, MAILCHIMP_API_URL: `http://127.0.0.1:${port}/3.0`, ...extra });

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isNewsletterError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('esp-upload to Brevo', () => {
  it('creates a draft with subject, preheader, sender, list and exactly the out/ HTML, and prints id and link without the key', async () => {
    await configure('brevo');
    const run = await runCli('esp-upload', ['chips'], { cwd: project.root, env: brevoEnv() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ draft campaign 42 created in Brevo: "Chips für alle"\n  https://app.brevo.com/campaign/id/42\n');
    expect(run.stdout).not.toContain('SECRET');
    expect(esp.requests).toHaveLength(1);
    const [request] = esp.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v3/emailCampaigns');
    expect(request?.headers['api-key']).toBe(BREVO_KEY);
    const html = await readFile(path.join(project.root, 'out', 'chips.html'), 'utf8');
    expect(request?.body).toEqual({
      name: 'chips (2025-11-04)',
      subject: 'Chips für alle',
      previewText: 'Für {{ contact.FIRSTNAME | default : "liebe Leserin" }} gelesen',
      sender: { name: 'Business Punk', email: 'news@example.com' },
      replyTo: 'news@example.com',
      htmlContent: html,
      mirrorActive: true,
      recipients: { listIds: [7] },
    });
    expect(html).toContain('Hallo {{ contact.FIRSTNAME | default : "liebe Leserin" }}, hier');
    expect(html).toContain('href="{{ unsubscribe }}"');
  });

  it('leaves the list to choose in Brevo when esp.listId is not set', async () => {
    await configure('brevo', null);
    await espUpload({ config: await loadConfig({ root: project.root }), target: 'articles/chips.md', env: brevoEnv() });
    expect(esp.requests[0]?.body).not.toHaveProperty('recipients');
  });

  it.each([
    ['a wrong key', () => brevoEnv({ BREVO_API_KEY: 'xkeysib-wrong-SECRET' }), /^Brevo refused the API key \(401: "Key not found: \*\*\*\*"\): check BREVO_API_KEY in the environment or \.env/],
    ['a missing key', () => brevoEnv({ BREVO_API_KEY: undefined }), /^BREVO_API_KEY is not set: put it in the environment or in \.env in the project root/],
    ['the rate limit', () => brevoEnv(), /^Brevo's rate limit is reached \(429: "Too many requests"\): wait 30 s and run esp-upload again$/],
    ['a refused connection', () => brevoEnv({ BREVO_API_URL: `http://127.0.0.1:${closedPort}/v3` }), /^cannot reach Brevo at 127\.0\.0\.1:\d+ \(connection refused, ECONNREFUSED\): check the network connection or BREVO_API_URL/],
  ])('fails with one line on %s, never showing the key', async (what, env, expected) => {
    await configure('brevo');
    esp.rateLimited = what === 'the rate limit';
    const message = await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'chips', env: env() }));
    expect(message).toMatch(expected);
    expect(message).not.toContain('SECRET');
    expect(message).not.toContain('\n');
  });

  it('names an unknown list and how to fix it', async () => {
    await configure('brevo', '8');
    const message = await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'chips', env: brevoEnv() }));
    expect(message).toBe('Brevo does not know the list "8" (404: "List ID does not exist"): correct "esp.listId" in newsletter.config.json (the list id under Contacts → Lists)');
  });

  it('a failing upload is one line on stderr and exit 1, with no key in it', async () => {
    await configure('brevo');
    const run = await runCli('esp-upload', ['chips'], { cwd: project.root, env: brevoEnv({ BREVO_API_KEY: 'xkeysib-wrong-SECRET' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error Brevo refused the API key/);
    expect(run.stderr).not.toContain('SECRET');
  });
});

describe('esp-upload to Mailchimp', () => {
  it('creates the campaign, then sets its HTML and text content: a draft, never sent', async () => {
    await configure('mailchimp');
    const result = await espUpload({ config: await loadConfig({ root: project.root }), target: 'chips', env: mailchimpEnv() });
    expect(result).toEqual({ provider: 'mailchimp', campaignId: 'c0ffee12', link: 'https://us21.admin.mailchimp.com/campaigns/edit?id=8675309', slug: 'chips', subject: 'Chips für alle' });
    expect(esp.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /3.0/campaigns', 'PUT /3.0/campaigns/c0ffee12/content']);
    expect(esp.requests[0]?.body).toEqual({
      type: 'regular',
      recipients: { list_id: '7' },
      settings: {
        subject_line: 'Chips für alle',
        preview_text: 'Für *|IF:FNAME|**|FNAME|**|ELSE:|*liebe Leserin*|END:IF|* gelesen',
        title: 'chips (2025-11-04)',
        from_name: 'Business Punk',
        reply_to: 'news@example.com',
      },
    });
    const [html, text] = await Promise.all([readFile(path.join(project.root, 'out', 'chips.html'), 'utf8'), readFile(path.join(project.root, 'out', 'chips.txt'), 'utf8')]);
    expect(esp.requests[1]?.body).toEqual({ html, plain_text: text });
    expect(text).toContain('Newsletter abbestellen: *|UNSUB|*');
    // no request ever asks to send or schedule
    expect(esp.requests.some((request) => /\/actions\/(send|schedule)/.test(request.url))).toBe(false);
  });

  it.each([
    ['a wrong key', () => mailchimpEnv({ MAILCHIMP_API_KEY: 'wrongSECRET-us21' }), /^Mailchimp refused the API key \(401: "Your API key may be invalid, or you've attempted to access the wrong datacenter\."\): check MAILCHIMP_API_KEY/],
    ['a key without data center', () => mailchimpEnv({ MAILCHIMP_API_KEY: 'noDataCenterSECRET', MAILCHIMP_API_URL: undefined }), /^MAILCHIMP_API_KEY does not end in its data center \("…-us21"\)/],
    ['the rate limit', () => mailchimpEnv(), /^Mailchimp's rate limit is reached \(429: "Too many requests"\): wait 30 s/],
    ['a refused connection', () => mailchimpEnv({ MAILCHIMP_API_URL: `http://127.0.0.1:${closedPort}/3.0` }), /^cannot reach Mailchimp at 127\.0\.0\.1:\d+ \(connection refused, ECONNREFUSED\): check the network connection or MAILCHIMP_API_URL/],
  ])('fails with one line on %s, never showing the key', async (what, env, expected) => {
    await configure('mailchimp');
    esp.rateLimited = what === 'the rate limit';
    const message = await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'chips', env: env() }));
    expect(message).toMatch(expected);
    expect(message).not.toContain('SECRET');
  });

  it('names an unknown audience', async () => {
    await configure('mailchimp', 'abc123');
    const message = await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'chips', env: mailchimpEnv() }));
    expect(message).toBe('Mailchimp does not know the list "abc123" (400: "The resource submitted could not be validated. list_id: Invalid list"): correct "esp.listId" in newsletter.config.json (the audience id under Audience → Settings)');
  });
});

describe('esp-upload settings', () => {
  it.each([
    ['none', /^esp-upload creates drafts in Brevo and Mailchimp, and no ESP is set: set "esp": \{ "provider": "brevo" \} or "mailchimp"/],
    ['sendgrid', /^esp-upload creates drafts in Brevo and Mailchimp, and "SendGrid" has no draft upload here: .*paste out\/<slug>\.html into SendGrid yourself$/],
  ])('refuses provider %s before building', async (provider, expected) => {
    await project.write('newsletter.config.json', JSON.stringify({ esp: { provider } }));
    expect(await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'chips', env: brevoEnv() }))).toMatch(expected);
    expect(esp.requests).toEqual([]);
  });

  it('names an unknown slug with a suggestion', async () => {
    await configure('brevo');
    expect(await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'chip', env: brevoEnv() }))).toBe('no article with the slug "chip" (did you mean "chips"?)');
    expect(esp.requests).toEqual([]);
  });
});

describe('esp-upload of an edition', () => {
  const EDITION = ['---', 'subject: "[[vorname|Hallo]], die Woche"', 'date: 2025-11-07', 'stories: [{article: chips, as: full}]', '---', '', 'Willkommen, [[vorname|liebe Leserin]].', ''].join('\n');
  beforeAll(async () => {
    await project.write('editions/woche.md', EDITION);
  });

  it('creates a Brevo draft with the edition\'s subject and preheader in Brevo\'s syntax and exactly the out/ HTML', async () => {
    await configure('brevo');
    const run = await runCli('esp-upload', ['editions/woche.md'], { cwd: project.root, env: brevoEnv() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ draft campaign 42 created in Brevo');
    const html = await readFile(path.join(project.root, 'out', 'editions', 'woche.html'), 'utf8');
    expect(esp.requests[0]?.body).toEqual({
      name: 'woche (2025-11-07)',
      subject: '{{ contact.FIRSTNAME | default : "Hallo" }}, die Woche',
      // an edition without a preheader: the first story's teaser, as in the email's inbox preview
      previewText: 'Der Teaser.',
      sender: { name: 'Business Punk', email: 'news@example.com' },
      replyTo: 'news@example.com',
      htmlContent: html,
      mirrorActive: true,
      recipients: { listIds: [7] },
    });
    expect(html).toContain('Willkommen, {{ contact.FIRSTNAME | default : "liebe Leserin" }}.');
    expect(html).toContain('href="{{ unsubscribe }}"');
    expect(html).toMatch(/<a href="\{\{ mirror \}\}"[^>]*>Im Browser ansehen<\/a>/);
  });

  it('creates a Mailchimp campaign with the edition\'s HTML and text', async () => {
    await configure('mailchimp');
    const result = await espUpload({ config: await loadConfig({ root: project.root }), target: 'editions/woche.md', env: mailchimpEnv() });
    expect(result).toMatchObject({ provider: 'mailchimp', campaignId: 'c0ffee12', slug: 'woche', subject: '*|IF:FNAME|**|FNAME|**|ELSE:|*Hallo*|END:IF|*, die Woche' });
    const [html, text] = await Promise.all([readFile(path.join(project.root, 'out', 'editions', 'woche.html'), 'utf8'), readFile(path.join(project.root, 'out', 'editions', 'woche.txt'), 'utf8')]);
    expect(esp.requests[1]?.body).toEqual({ html, plain_text: text });
    expect(text).toContain('Newsletter abbestellen: *|UNSUB|*');
    expect(text.startsWith('Im Browser ansehen: *|ARCHIVE|*\n')).toBe(true);
  });

  it('names a missing edition with one line and uploads nothing', async () => {
    await configure('brevo');
    expect(await failure(espUpload({ config: await loadConfig({ root: project.root }), target: 'editions/wohce.md', env: brevoEnv() }))).toMatch(/^no such edition: /);
    expect(esp.requests).toEqual([]);
  });
});
