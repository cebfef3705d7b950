import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.js';
import { probeLinks } from '../../src/io/probe-links.js';
import { makeProject } from '../check/fixture-project.js';

/** A local server on 127.0.0.1, port 0: the only thing these tests ever request. */
let server: Server;
let base: string;
const requests: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '/';
  requests.push(`${request.method} ${url}`);
  const busy = url.startsWith('/busy');
  if (busy) maxInFlight = Math.max(maxInFlight, ++inFlight);
  const done = (status: number, headers: Record<string, string> = {}) => {
    if (busy) inFlight--;
    response.writeHead(status, headers).end(request.method === 'GET' ? 'body' : undefined);
  };
  if (url === '/ok') return done(200);
  if (url === '/no-head') return done(request.method === 'HEAD' ? 405 : 200);
  if (url === '/missing') return done(404);
  if (url === '/moved') return done(301, { location: '/ok' });
  if (url === '/slow') return void setTimeout(() => done(200), 1_500);
  if (url.startsWith('/busy')) return void setTimeout(() => done(200), 50);
  done(500);
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('probeLinks', () => {
  it('asks HEAD first and falls back to GET', async () => {
    requests.length = 0;
    const [ok, noHead] = await probeLinks([`${base}/ok`, `${base}/no-head`]);
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(noHead).toMatchObject({ ok: true, status: 200 });
    expect(requests.sort()).toEqual(['GET /no-head', 'HEAD /no-head', 'HEAD /ok']);
  });

  it('follows redirects and reports statuses of 400 and above', async () => {
    const [moved, missing, broken] = await probeLinks([`${base}/moved`, `${base}/missing`, `${base}/error`]);
    expect(moved).toMatchObject({ ok: true, status: 200 });
    expect(missing).toMatchObject({ ok: false, status: 404, reason: 'answers 404 Not Found' });
    expect(broken).toMatchObject({ ok: false, status: 500 });
  });

  it('gives up after the timeout', async () => {
    const [slow] = await probeLinks([`${base}/slow`], { timeoutMs: 200 });
    expect(slow).toMatchObject({ ok: false, reason: 'gave no answer within 0.2 s' });
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [refused] = await probeLinks([`http://127.0.0.1:${port}/`]);
    expect(refused).toMatchObject({ ok: false, reason: 'could not be reached (ECONNREFUSED)' });
  });

  it('keeps at most `concurrency` requests in flight and asks each address once', async () => {
    maxInFlight = 0;
    requests.length = 0;
    const urls = Array.from({ length: 12 }, (_, index) => `${base}/busy/${index % 9}`);
    const results = await probeLinks(urls, { concurrency: 3 });
    expect(results).toHaveLength(9);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(requests).toHaveLength(9);
    expect(maxInFlight).toBe(3);
  });
});

describe('npm run check -- --online', () => {
  it('reports each link that does not answer once, on the article, as links/unreachable', async () => {
    const article = [
      '---',
      'title: Ein Test der Links',
      'category: Test',
      'date: 2025-11-10',
      'teaser: Zwei Links, einer geht, einer nicht.',
      '---',
      '',
      `Hier geht es zur [Startseite](${base}/ok), hier zum [Archiv](${base}/missing) und noch einmal zum [Archiv](${base}/missing).`,
    ].join('\n');
    // No other links: the layout leaves out the unsubscribe link so that nothing leaves this machine.
    const layout = '<mjml lang="de"><mj-body><mj-section><mj-column><mj-text><h1>{{title}}</h1>{{{bodyHtml}}}</mj-text></mj-column></mj-section></mj-body></mjml>';
    const project = await makeProject({ write: { 'links.md': article }, templates: { layout }, config: { checks: { rules: { 'links/private-host': 'off', 'clients/unsupported-feature': 'off' } } } });
    try {
      requests.length = 0;
      const report = await checkProject({ root: project.root, online: { timeoutMs: 2_000 } });
      const unreachable = report.findings.filter((finding) => finding.rule === 'links/unreachable');
      expect(unreachable).toEqual([
        { file: 'articles/links.md', slug: 'links', rule: 'links/unreachable', severity: 'error', message: `the link ${base}/missing answers 404 Not Found: fix or remove the link` },
      ]);
      expect(requests.sort()).toEqual(['GET /missing', 'HEAD /missing', 'HEAD /ok']);
      expect(report.summary.online).toBe(true);
    } finally {
      await project.remove();
    }
  });

  it('leaves private addresses alone while links/private-host reports them', async () => {
    const article = ['---', 'title: Ein Test', 'category: Test', 'date: 2025-11-10', 'teaser: Ein Link ins Intranet.', '---', '', `Das [Dashboard](${base}/missing).`].join('\n');
    const layout = '<mjml lang="de"><mj-body><mj-section><mj-column><mj-text><h1>{{title}}</h1>{{{bodyHtml}}}</mj-text></mj-column></mj-section></mj-body></mjml>';
    const project = await makeProject({ write: { 'intranet.md': article }, templates: { layout }, config: { checks: { rules: { 'clients/unsupported-feature': 'off' } } } });
    try {
      requests.length = 0;
      const report = await checkProject({ root: project.root, online: true });
      expect(report.findings.map((finding) => finding.rule)).toContain('links/private-host');
      expect(report.findings.map((finding) => finding.rule)).not.toContain('links/unreachable');
      expect(requests).toEqual([]);
    } finally {
      await project.remove();
    }
  });
});
