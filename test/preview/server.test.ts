import { readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startInbox } from '../../src/preview/inbox.js';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { EXTERNAL_ADDRESS, openEventStream, rawRequest, touches, type EventStream } from './preview-helpers.js';

const CHIPS = 'articles/ki-chips-wettruesten.md';
const CLOUD = 'articles/openai-amazon-cloud-deal.md';
const CHIPS_TITLE = 'Schaufeln für den Goldrausch: Wer am KI-Wettrüsten verdient';

describe('preview server', () => {
  let project: TempProject;
  let preview: PreviewServer;
  let events: EventStream;
  /** Read by the preview at each use: tests may change it. */
  const env: Record<string, string | undefined> = {};

  beforeAll(async () => {
    project = await makeProject({ samples: true });
    await project.write('secret.txt', 'TOP-SECRET-MARKER\n');
    preview = await startPreview({ root: project.root, port: 0, smtpPort: 0, env, debounceMs: 20 });
    events = await openEventStream(preview.port);
  });
  afterAll(async () => {
    events?.close();
    await preview?.close();
    await project?.remove();
  });

  const get = (rawPath: string) => rawRequest(preview.port, rawPath);
  const index = async () => (await get('/')).body;
  const noProblems = async () => !(await index()).includes('class="problems"');
  /** Save a file, then wait until the preview shows what `shows` expects. */
  const save = async (file: string, content: string, shows: () => Promise<boolean>) => {
    await project.write(file, content);
    await events.until(shows);
  };
  /** Change a file and wait for `shows`; returns how to put it back (and wait until the errors are gone). */
  const edit = async (file: string, change: (text: string) => string, shows: () => Promise<boolean>) => {
    const before = await readFile(path.join(project.root, file), 'utf8');
    await save(file, change(before), shows);
    return () => save(file, before, noProblems);
  };

  it('listens on 127.0.0.1 only, on the port it was given', () => {
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/`);
    expect(preview.port).toBeGreaterThan(0);
    expect(preview.smtpPort).toBeGreaterThan(0);
  });

  it.skipIf(!EXTERNAL_ADDRESS)(`does not answer on other interfaces (${EXTERNAL_ADDRESS ?? 'none here'})`, async () => {
    const attempt = (port: number) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host: EXTERNAL_ADDRESS, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    expect(await attempt(preview.port)).toBe('ECONNREFUSED');
    expect(await attempt(preview.smtpPort ?? 0)).toBe('ECONNREFUSED');
  });

  it('speaks the project\'s language: German by default, English with "locale": "en"', async () => {
    expect(await index()).toMatch(/<html lang="de">[\s\S]*Newsletter-Vorschau[\s\S]*<th scope="col">Warnungen<\/th>/);
    await save('newsletter.config.json', '{ "locale": "en" }\n', async () => (await index()).includes('<html lang="en">'));
    try {
      expect(await index()).toMatch(/Newsletter preview[\s\S]*<th scope="col">Warnings<\/th>/);
      expect((await get('/view/ki-chips-wettruesten')).body).toContain('<h2 id="send-heading">Send a test</h2>');
    } finally {
      await rm(path.join(project.root, 'newsletter.config.json'));
      await events.until(async () => (await index()).includes('<html lang="de">'));
    }
  });

  it('lists every newsletter on the index, newest first, with size and draft flag', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const chips = response.body.indexOf('/view/ki-chips-wettruesten');
    const cloud = response.body.indexOf('/view/openai-amazon-cloud-deal');
    expect(chips).toBeGreaterThan(-1);
    expect(cloud).toBeGreaterThan(chips); // 2025-11-06 before 2025-11-04
    expect(response.body).toContain('Tech &amp; Trends');
    expect(response.body).toMatch(/\d+\.\d KB/);
    expect(response.body).toContain('von 100.0 KB');
  });

  it('serves the built HTML and text byte for byte', async () => {
    for (const extension of ['html', 'txt']) {
      const response = await get(`/email/ki-chips-wettruesten.${extension}`);
      expect(response.status).toBe(200);
      expect(response.body).toBe(await readFile(path.join(project.out, `ki-chips-wettruesten.${extension}`), 'utf8'));
      expect(response.headers['content-type']).toBe(extension === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('shows a viewer page per newsletter with the views, the inbox line and the raw links', async () => {
    const response = await get('/view/ki-chips-wettruesten');
    expect(response.status).toBe(200);
    for (const view of ['desktop', 'mobile', 'dark', 'text']) expect(response.body).toContain(`data-view="${view}"`);
    expect(response.body).toContain('src="/email/ki-chips-wettruesten.html"');
    expect(response.body).toContain('<strong class="sender" title="newsletter@example.com">Business Punk</strong>');
    expect(response.body).toContain(`<div class="mail-subject">${CHIPS_TITLE}</div>`);
    expect(response.body).toContain('<div class="mail-preheader">Nvidia, AMD, Broadcom, Amazon: Wer an OpenAIs Billionen-Plan für Rechenleistung sicher verdient.</div>');
    const text = await get('/view/ki-chips-wettruesten?view=text');
    expect(text.body).toContain('<pre class="plain-text">BUSINESS PUNK');
    const dark = await get('/view/ki-chips-wettruesten?view=dark');
    expect(dark.body).toContain('src="/dark/ki-chips-wettruesten.html"');
  });

  it('serves a dark-mode version whose dark rules always apply', async () => {
    const response = await get('/dark/ki-chips-wettruesten.html');
    expect(response.status).toBe(200);
    expect(response.body).not.toMatch(/prefers-color-scheme:\s*dark/);
    expect(await readFile(path.join(project.out, 'ki-chips-wettruesten.html'), 'utf8')).toMatch(/prefers-color-scheme:\s*dark/);
  });

  it('answers 404 with a suggestion for an unknown slug', async () => {
    const response = await get('/view/ki-chips-wettrusten');
    expect(response.status).toBe(404);
    expect(response.body).toContain('href="/view/ki-chips-wettruesten"');
    expect((await get('/email/nothing-here.html')).status).toBe(404);
  });

  it('serves only files the preview built, never others in the output folder', async () => {
    await project.write('out/planted.html', '<p>not built by the preview</p>');
    const response = await get('/email/planted.html');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('not built by the preview');
  });

  const traversals = [
    '/email/../secret.txt',
    '/email/../../secret.txt',
    '/email/..%2fsecret.txt',
    '/email/..%2Fsecret.txt',
    '/email/%2e%2e/secret.txt',
    '/email/%2E%2E/%2E%2E/etc/passwd',
    '/email/.%2e/secret.txt',
    '/email/%252e%252e/secret.txt',
    '/email/%252e%252e%252fsecret.txt',
    '/email/..%252fsecret.txt',
    '/email/..\\secret.txt',
    '/email/..%5csecret.txt',
    '/email/%c0%ae%c0%ae/secret.txt',
    '/email/%ef%bc%8e%ef%bc%8e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
    '/email//etc/passwd',
    '/email/%2fetc%2fpasswd',
    '/view/../../secret.txt',
    '/dark/..%2f..%2fsecret.txt',
    '/inbox/..%2f..%2fsecret.txt',
    '/_preview/../secret.txt',
    '/email/ki-chips-wettruesten.html%00.txt',
    '/../secret.txt',
    'http://127.0.0.1/secret.txt',
    '/etc/passwd',
    `/${'secret.txt'}`,
  ];
  it.each(traversals)('refuses %s with a 4xx and never serves the file', async (target) => {
    const response = await get(target);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).not.toContain('TOP-SECRET-MARKER');
    expect(response.body).not.toContain('root:');
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const response = await rawRequest(preview.port, '/', { headers: { Host: `evil.example:${preview.port}` } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('ki-chips-wettruesten');
  });

  it('rebuilds only the saved article and tells open pages', async () => {
    const rebuilt = events.next('rebuilt', touches(CHIPS));
    const restore = await edit(CHIPS, (text) => text.replace(CHIPS_TITLE, 'Neue Schlagzeile aus dem Editor'), async () =>
      (await get('/email/ki-chips-wettruesten.html')).body.includes('Neue Schlagzeile aus dem Editor'),
    );
    try {
      expect((await rebuilt).data).toEqual({ type: 'rebuilt', everything: false, newsletters: [{ file: CHIPS, slug: 'ki-chips-wettruesten' }], files: [CHIPS] });
      expect(await index()).toContain('Neue Schlagzeile aus dem Editor');
    } finally {
      await restore();
    }
    await events.until(async () => (await index()).includes(CHIPS_TITLE));
  });

  it('shows a broken article\'s error with file and line, and keeps serving its last good version', async () => {
    const goodHtml = (await get('/email/ki-chips-wettruesten.html')).body;
    const restore = await edit(CHIPS, (text) => text.replace('category: Tech & Trends', 'category: Tech & Trends\nteasr: Tippfehler'), async () => (await index()).includes('teasr'));
    try {
      const page = await get('/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('class="problems"');
      expect(page.body).toMatch(/<code class="location">articles\/ki-chips-wettruesten\.md:4<\/code> <span class="message">unknown key &quot;teasr&quot; \(did you mean &quot;teaser&quot;\?\)/);
      expect(page.body).toContain('badge-error');
      expect((await get('/email/ki-chips-wettruesten.html')).body).toBe(goodHtml);
      const viewer = await get('/view/ki-chips-wettruesten');
      expect(viewer.status).toBe(200);
      expect(viewer.body).toContain('Dieser Artikel hat einen Fehler');
      expect((await get('/email/openai-amazon-cloud-deal.html')).status).toBe(200);
    } finally {
      await restore();
    }
    expect(await index()).not.toContain('class="problems"');
  });

  it('rebuilds everything when a template changes, and shows a template error once for all articles', async () => {
    const partial = 'templates/partials/footer.mjml.hbs';
    const goodCloud = (await get('/email/openai-amazon-cloud-deal.html')).body;
    const rebuilt = events.next('rebuilt', (data) => (data as { everything: boolean }).everything);
    const restore = await edit(partial, (text) => `${text}\n{{#if brand}}unclosed block\n`, async () => (await index()).includes('Betrifft'));
    try {
      expect(((await rebuilt).data as { files: string[] }).files.sort()).toEqual([CHIPS, CLOUD]);
      const page = await index();
      expect(page.match(/<code class="location">templates\/partials\/footer\.mjml\.hbs/g)).toHaveLength(1);
      expect(page).toContain(`Betrifft <code>${CHIPS}</code>, <code>${CLOUD}</code>`);
      expect((await get('/email/openai-amazon-cloud-deal.html')).body).toBe(goodCloud);
    } finally {
      await restore();
    }
    expect(await index()).not.toContain('class="problems"');
  });

  it('shows a broken config with its file name and goes on with the last good one', async () => {
    await save('newsletter.config.json', '{ "brand": "Punk" ', async () => (await index()).includes('<code class="location">newsletter.config.json'));
    try {
      expect((await get('/')).status).toBe(200);
      expect((await get('/email/ki-chips-wettruesten.html')).status).toBe(200);
      const prefixed = `<div class="mail-subject">[TEST] ${CHIPS_TITLE}</div>`;
      await save('newsletter.config.json', '{ "subjectPrefix": "[TEST]" }\n', async () => (await get('/view/ki-chips-wettruesten')).body.includes(prefixed));
      expect(await noProblems()).toBe(true);
    } finally {
      await save('newsletter.config.json', '{}\n', async () => (await get('/view/ki-chips-wettruesten')).body.includes(`<div class="mail-subject">${CHIPS_TITLE}</div>`));
    }
  });

  it('adds a new article and drops a deleted one', async () => {
    await save('articles/neu.md', '---\ntitle: Ganz neu\ncategory: Test\ndate: 2025-12-01\nteaser: Neu.\ndraft: true\n---\n\nText.\n', async () => (await index()).includes('/view/neu'));
    const page = await index();
    expect(page.indexOf('/view/neu')).toBeLessThan(page.indexOf('/view/ki-chips-wettruesten')); // newest first
    expect(page).toContain('badge-draft');
    await rm(path.join(project.articles, 'neu.md'));
    await events.until(async () => !(await index()).includes('/view/neu'));
    expect(await noProblems()).toBe(true);
    expect((await get('/view/neu')).status).toBe(404);
  });

  it('catches mail in the built-in inbox and shows its HTML, text and headers', async () => {
    const html = await readFile(path.join(project.out, 'ki-chips-wettruesten.html'), 'utf8');
    const caught = events.next('mail');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: preview.smtpPort ?? 0, secure: false });
    await transport.sendMail({ from: 'Business Punk <newsletter@example.com>', to: 'redaktion@example.com', subject: 'Grüße aus dem Test', text: 'Hallo Text', html });
    transport.close();
    const mail = await caught;
    const id = (mail.data as { id: string }).id;

    const list = await get('/inbox');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Grüße aus dem Test');
    expect(list.body).toContain('redaktion@example.com');
    const message = await get(`/inbox/${id}`);
    expect(message.body).toContain(`src="/inbox/${id}.html"`);
    expect((await get(`/inbox/${id}.html`)).body).toBe(html);
    expect((await get(`/inbox/${id}?view=text`)).body).toContain('Hallo Text');
    expect((await get(`/inbox/${id}?view=headers`)).body).toMatch(/Subject: =\?UTF-8\?/);
    expect((await get(`/inbox/${id}.eml`)).body).toContain('Hallo Text');
  });

  it('empties the inbox only for a same-origin form post', async () => {
    const foreign = await rawRequest(preview.port, '/inbox/clear', { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(foreign.status).toBe(403);
    const bare = await rawRequest(preview.port, '/inbox/clear', { method: 'POST' });
    expect(bare.status).toBe(403);
    expect((await get('/inbox')).body).toContain('Grüße aus dem Test');
    const ownWithoutOrigin = await rawRequest(preview.port, '/inbox/clear', { method: 'POST', headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' } });
    expect(ownWithoutOrigin.status).toBe(303); // a browser that hides the origin still says same-origin
    const own = await rawRequest(preview.port, '/inbox/clear', { method: 'POST', headers: { Origin: `http://127.0.0.1:${preview.port}`, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(own.status).toBe(303);
    expect((await get('/inbox')).body).not.toContain('Grüße aus dem Test');
  });

  const form = (body: Record<string, string>, origin = `http://127.0.0.1:${preview.port}`) => ({
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });

  it('sends a test from the viewer with the send-test code, into the built-in inbox when SMTP_URL is unset', async () => {
    const viewer = await get('/view/ki-chips-wettruesten?view=mobile');
    expect(viewer.body).toContain('action="/send/ki-chips-wettruesten"');
    expect(viewer.body).toContain(`der Test geht an den eingebauten <a href="/inbox">Posteingang</a> (<code>smtp://127.0.0.1:${preview.smtpPort}</code>), nicht an echte Postfächer`);
    expect(viewer.body).toContain('value="test@example.com"');

    const caught = events.next('mail');
    const response = await rawRequest(preview.port, '/send/ki-chips-wettruesten', form({ to: 'redaktion@example.com, chefin@example.com', view: 'mobile' }));
    expect(response.status).toBe(303);
    const location = response.headers.location ?? '';
    expect(location).toMatch(/^\/view\/ki-chips-wettruesten\?view=mobile&sent=[0-9a-f]+$/);
    await caught;

    const result = await get(location);
    expect(result.body).toContain('<p class="notice notice-ok" role="status">Gesendet an redaktion@example.com, chefin@example.com');
    expect(result.body).toContain(`über built-in preview inbox smtp://127.0.0.1:${preview.smtpPort}`);
    expect(result.body).toContain('value="redaktion@example.com, chefin@example.com"'); // remembered for the next send
    const inbox = await get('/inbox');
    expect(inbox.body).toContain(CHIPS_TITLE);
    expect(inbox.body).toContain('redaktion@example.com, chefin@example.com');
    const id = /href="\/inbox\/(\d+)"/.exec(inbox.body)?.[1] ?? '';
    expect((await get(`/inbox/${id}.html`)).body).toBe(await readFile(path.join(project.out, 'ki-chips-wettruesten.html'), 'utf8'));
    expect((await get(`/inbox/${id}?view=headers`)).body).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('shows a send failure as one line on the viewer page', async () => {
    const response = await rawRequest(preview.port, '/send/ki-chips-wettruesten', form({ to: 'kein-empfaenger' }));
    expect(response.status).toBe(303);
    const result = await get(response.headers.location ?? '');
    // in the form's words, not send-test's command-line flags
    expect(result.body).toContain('<p class="notice notice-error" role="alert">„kein-empfaenger“ ist keine E-Mail-Adresse: schreiben Sie sie als name@example.com');
    expect(result.body).not.toContain('--to');
  });

  it('refuses a test send posted from another origin (CSRF)', async () => {
    const before = (await get('/inbox')).body.match(/href="\/inbox\/\d+"/g)?.length ?? 0;
    const foreign = await rawRequest(preview.port, '/send/ki-chips-wettruesten', form({ to: 'opfer@example.com' }, 'https://evil.example'));
    expect(foreign.status).toBe(403);
    const noOrigin = await rawRequest(preview.port, '/send/ki-chips-wettruesten', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'to=opfer%40example.com' });
    expect(noOrigin.status).toBe(403);
    const crossSite = await rawRequest(preview.port, '/send/ki-chips-wettruesten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      body: 'to=opfer%40example.com',
    });
    expect(crossSite.status).toBe(403);
    const nullOrigin = await rawRequest(preview.port, '/send/ki-chips-wettruesten', {
      method: 'POST',
      headers: { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      body: 'to=opfer%40example.com',
    });
    expect(nullOrigin.status).toBe(403); // a sandboxed frame on another site posts with Origin: null
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await get('/inbox')).body.match(/href="\/inbox\/\d+"/g)?.length ?? 0).toBe(before);
    expect((await get('/inbox')).body).not.toContain('opfer@example.com');
  });

  it('serves pages from memory, and never one that is out of date: SMTP settings, inbox count and recipients count', async () => {
    const viewer = '/view/ki-chips-wettruesten?view=text';
    const first = await get(viewer);
    expect((await get(viewer)).body).toBe(first.body);
    expect(first.body).toContain('der Test geht an den eingebauten <a href="/inbox">Posteingang</a>');

    env.SMTP_URL = 'smtp://127.0.0.1:2600';
    env.SMTP_FROM = 'Chefredaktion <chef@example.com>';
    try {
      const changed = (await get(viewer)).body;
      expect(changed).toContain('Gesendet über <code>smtp://127.0.0.1:2600</code>');
      expect(changed).toContain('Chefredaktion');
    } finally {
      delete env.SMTP_URL;
      delete env.SMTP_FROM;
    }
    expect((await get(viewer)).body).toBe(first.body);

    const count = async (page: string) => Number(/data-inbox-count>(\d+)</.exec((await get(page)).body)?.[1]);
    const before = { index: await count('/'), viewer: await count(viewer), inbox: (await get('/inbox')).body };
    const caught = events.next('mail');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: preview.smtpPort ?? 0, secure: false });
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'Zählt mit', text: 'x' });
    transport.close();
    await caught;
    expect(await count('/')).toBe(before.index + 1);
    expect(await count(viewer)).toBe(before.viewer + 1);
    expect((await get('/inbox')).body).toContain('Zählt mit');
    expect(before.inbox).not.toContain('Zählt mit');

    // The recipients of the last send are prefilled on every viewer page after it.
    await rawRequest(preview.port, '/send/ki-chips-wettruesten', form({ to: 'kein-empfaenger-2' }));
    expect((await get(viewer)).body).toContain('value="kein-empfaenger-2"');
  });

  it('answers 405 for a wrong method and 404 elsewhere', async () => {
    expect((await rawRequest(preview.port, '/', { method: 'POST' })).status).toBe(405);
    expect((await get('/nothing')).status).toBe(404);
  });
});

describe('test sends through SMTP_URL', () => {
  it('go to the server SMTP_URL names, shown without the password', async () => {
    const project = await makeProject({ samples: true });
    const catcher = await startInbox({ port: 0 });
    const preview = await startPreview({ root: project.root, port: 0, smtpPort: null, env: { SMTP_URL: `smtp://127.0.0.1:${catcher.port}` } });
    try {
      const viewer = await rawRequest(preview.port, '/view/openai-amazon-cloud-deal');
      expect(viewer.body).toContain(`Gesendet über <code>smtp://127.0.0.1:${catcher.port}</code>`);
      expect(viewer.body).toContain('value=""'); // no inbox default for a real server
      const response = await rawRequest(preview.port, '/send/openai-amazon-cloud-deal', {
        method: 'POST',
        headers: { Origin: `http://localhost:${preview.port}`, Host: `localhost:${preview.port}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'to=redaktion%40example.com',
      });
      expect(response.status).toBe(303);
      const [message] = catcher.messages();
      expect(message?.envelope.to).toEqual(['redaktion@example.com']);
      expect(message?.subject).toBe('OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud');
      expect((await rawRequest(preview.port, '/inbox')).status).toBe(404); // the built-in inbox is off here
    } finally {
      await preview.close();
      await catcher.close();
      await project.remove();
    }
  });
});

describe('SMTP settings from .env', () => {
  it('an edited .env shows on the next page, although pages are served from memory', async () => {
    vi.stubEnv('SMTP_URL', undefined);
    vi.stubEnv('SMTP_FROM', undefined);
    vi.stubEnv('TEST_RECIPIENTS', undefined);
    const project = await makeProject({ samples: true });
    const preview = await startPreview({ root: project.root, port: 0, smtpPort: 0 });
    try {
      const viewer = () => rawRequest(preview.port, '/view/openai-amazon-cloud-deal').then((response) => response.body);
      expect(await viewer()).toContain('der Test geht an den eingebauten <a href="/inbox">Posteingang</a>');
      await project.write('.env', 'SMTP_URL=smtp://127.0.0.1:2600\n');
      expect(await viewer()).toContain('Gesendet über <code>smtp://127.0.0.1:2600</code>');
      await project.write('.env', 'SMTP_URL=smtp://127.0.0.1:2601\n'); // same size
      expect(await viewer()).toContain('Gesendet über <code>smtp://127.0.0.1:2601</code>');
      await rm(path.join(project.root, '.env'));
      expect(await viewer()).toContain('der Test geht an den eingebauten <a href="/inbox">Posteingang</a>');
    } finally {
      await preview.close();
      await project.remove();
      vi.unstubAllEnvs();
    }
  });
});

describe('preview start-up', () => {
  it('says which port is taken and how to pick another', async () => {
    const project = await makeProject({ samples: false, articles: {} });
    const first = await startPreview({ root: project.root, port: 0, smtpPort: 0 });
    try {
      await expect(startPreview({ root: project.root, port: first.port, smtpPort: 0 })).rejects.toThrow(/port \d+: it is already in use.*--port/);
      await expect(startPreview({ root: project.root, port: 0, smtpPort: first.smtpPort })).rejects.toThrow(/SMTP inbox cannot use port \d+.*--smtp-port/);
    } finally {
      await first.close();
      await project.remove();
    }
  });
});
