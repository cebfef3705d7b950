import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check-project.js';
import { defaultAddressPolicy, probeLinks, type ProbeOptions } from '../../src/io/probe-links.js';
import { makeProject } from '../helpers/project.js';

/*
 * Every server here listens on 127.0.0.1, and nothing is ever sent anywhere else: names are
 * resolved by the tests' own resolver, and addresses the checker must refuse are never requested.
 * `site` stands in for a public web server: the tests allow exactly its port on 127.0.0.1.
 * `internal` stands in for a service on the checker's own machine: no test may reach it.
 */
let site: Server;
let internal: Server;
let sitePort: number;
let internalPort: number;
let base: string;
const requests: string[] = [];
const internalRequests: string[] = [];
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
  if (url === '/host') return done(request.headers.host === `site.test:${sitePort}` ? 200 : 400);
  if (url === '/no-head') return done(request.method === 'HEAD' ? 405 : 200);
  if (url === '/missing') return done(404);
  if (url === '/moved') return done(301, { location: '/ok' });
  if (url === '/loop') return done(302, { location: '/loop' });
  if (url.startsWith('/to?')) return done(302, { location: decodeURIComponent(url.slice(4)) });
  if (url.startsWith('/chain/')) {
    const step = Number(url.slice(7));
    return void setTimeout(() => done(302, { location: `/chain/${step + 1}` }), 120);
  }
  if (url === '/slow') return void setTimeout(() => done(200), 1_500);
  if (url.startsWith('/busy')) return void setTimeout(() => done(200), 50);
  if (url === '/endless') {
    // A body that never ends: the check must stop reading after the headers.
    if (request.method === 'HEAD') return done(405); // so that the check tries GET
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 120);
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) endlessBytes += chunk.length;
      if (!response.destroyed) response.once('drain', pump);
    };
    response.on('close', () => (endlessClosed = true));
    return pump();
  }
  done(500);
}
let endlessBytes = 0;
let endlessClosed = false;

/** Allow the `site` server only, as if it were a public address. */
const onlySite: ProbeOptions = { isAllowedAddress: (address, port) => address === '127.0.0.1' && port === sitePort };

beforeAll(async () => {
  site = createServer(handle);
  internal = createServer((request, response) => {
    internalRequests.push(`${request.method} ${request.url}`);
    response.end('internal');
  });
  await Promise.all([site, internal].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  sitePort = (site.address() as AddressInfo).port;
  internalPort = (internal.address() as AddressInfo).port;
  base = `http://127.0.0.1:${sitePort}`;
});
afterAll(async () => {
  expect(internalRequests, 'the internal service must never be reached').toEqual([]);
  await Promise.all([site, internal].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('probeLinks', () => {
  it('asks HEAD first and falls back to GET', async () => {
    requests.length = 0;
    const [ok, noHead] = await probeLinks([`${base}/ok`, `${base}/no-head`], onlySite);
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(noHead).toMatchObject({ ok: true, status: 200 });
    expect(requests.sort()).toEqual(['GET /no-head', 'HEAD /no-head', 'HEAD /ok']);
  });

  it('follows redirects and reports statuses of 400 and above', async () => {
    const [moved, missing, broken] = await probeLinks([`${base}/moved`, `${base}/missing`, `${base}/error`], onlySite);
    expect(moved).toMatchObject({ ok: true, status: 200 });
    expect(missing).toMatchObject({ ok: false, status: 404, reason: 'answers 404 Not Found' });
    expect(broken).toMatchObject({ ok: false, status: 500 });
  });

  it('gives up after the timeout', async () => {
    const [slow] = await probeLinks([`${base}/slow`], { ...onlySite, timeoutMs: 200 });
    expect(slow).toMatchObject({ ok: false, reason: 'gave no answer within 0.2 s' });
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [refused] = await probeLinks([`http://127.0.0.1:${port}/`], { isAllowedAddress: (_address, allowed) => allowed === port });
    expect(refused).toMatchObject({ ok: false, reason: 'could not be reached (ECONNREFUSED)' });
  });

  it('keeps at most `concurrency` requests in flight and asks each address once', async () => {
    maxInFlight = 0;
    requests.length = 0;
    const urls = Array.from({ length: 12 }, (_, index) => `${base}/busy/${index % 9}`);
    const results = await probeLinks(urls, { ...onlySite, concurrency: 3 });
    expect(results).toHaveLength(9);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(requests).toHaveLength(9);
    expect(maxInFlight).toBe(3);
  });
});

describe('probeLinks stays bounded', () => {
  it('follows at most 5 redirects, and does not try GET after a redirect loop', async () => {
    requests.length = 0;
    const [loop] = await probeLinks([`${base}/loop`], onlySite);
    expect(loop).toMatchObject({ ok: false, status: 302, reason: 'redirects more than 5 times' });
    expect(requests).toEqual(Array.from({ length: 6 }, () => 'HEAD /loop'));
    expect((await probeLinks([`${base}/loop`], { ...onlySite, maxRedirects: 1 }))[0]?.reason).toBe('redirects more than 1 times');
  });

  it('counts the time limit for the whole link, redirects included', async () => {
    const started = performance.now();
    // Each hop takes 120 ms, each well within the limit; together they are not.
    const [chain] = await probeLinks([`${base}/chain/0`], { ...onlySite, timeoutMs: 400, maxRedirects: 20 });
    const elapsed = performance.now() - started;
    expect(chain).toMatchObject({ ok: false, reason: 'gave no answer within 0.4 s' });
    expect(elapsed).toBeLessThan(1_500);
  });

  it('reads the status and headers only: an endless body is not read', async () => {
    endlessBytes = 0;
    endlessClosed = false;
    const [endless] = await probeLinks([`${base}/endless`], onlySite);
    expect(endless).toMatchObject({ ok: true, status: 200 });
    await expect.poll(() => endlessClosed).toBe(true);
    // What the server managed to write before the connection closed: socket buffers, not the body.
    expect(endlessBytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('reports names without an address, and counts a slow lookup against the time limit', async () => {
    const resolve = async (hostname: string): Promise<string[]> => {
      if (hostname === 'slow.test') return new Promise(() => undefined); // never answers
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    const [missing, redirected, slow] = await probeLinks([`http://missing.test/`, `${base}/to?${encodeURIComponent('http://gone.test/x')}`, 'http://slow.test/'], { ...onlySite, resolve, timeoutMs: 300 });
    expect(missing).toMatchObject({ ok: false, reason: 'could not be reached (ENOTFOUND)' });
    expect(redirected).toMatchObject({ ok: false, reason: 'redirects to http://gone.test/x, which could not be reached (ENOTFOUND)' });
    expect(slow).toMatchObject({ ok: false, reason: 'gave no answer within 0.3 s' });
  });

  it('refuses more than 16 KB of headers', async () => {
    const flood = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write(`HTTP/1.1 200 OK\r\nX-Filler: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    });
    await new Promise<void>((resolve) => flood.listen(0, '127.0.0.1', resolve));
    const port = (flood.address() as AddressInfo).port;
    try {
      const [result] = await probeLinks([`http://127.0.0.1:${port}/`], { isAllowedAddress: (_address, allowed) => allowed === port, timeoutMs: 2_000 });
      expect(result).toMatchObject({ ok: false, reason: 'answers with more than 16 KB of headers' });
    } finally {
      await new Promise<void>((resolve) => flood.close(() => resolve()));
    }
  });
});

describe('probeLinks cannot be turned against this machine', () => {
  it.each([
    [`http://127.0.0.1:PORT/x`, 'it points to 127.0.0.1, a loopback address (this machine)'],
    [`http://[::ffff:127.0.0.1]:PORT/x`, 'it points to ::ffff:7f00:1 (127.0.0.1), a loopback address (this machine)'],
    [`http://[::127.0.0.1]:PORT/x`, 'it points to ::7f00:1 (127.0.0.1), a loopback address (this machine)'],
    [`http://[64:ff9b::7f00:1]:PORT/x`, 'it points to 64:ff9b::7f00:1 (127.0.0.1), a loopback address (this machine)'],
    [`http://2130706433:PORT/x`, 'it points to 127.0.0.1, a loopback address (this machine)'],
    [`http://0177.0.0.1:PORT/x`, 'it points to 127.0.0.1, a loopback address (this machine)'],
    [`http://0x7f.1:PORT/x`, 'it points to 127.0.0.1, a loopback address (this machine)'],
    [`http://127.0.0.1.:PORT/x`, 'it points to 127.0.0.1, a loopback address (this machine)'],
    [`http://[::1]:PORT/x`, 'it points to ::1, a loopback address (this machine)'],
    [`http://localhost.:PORT/x`, '"localhost" is this machine'],
    [`http://0.0.0.0:PORT/x`, 'it points to 0.0.0.0, the unspecified address'],
  ])('%s is not requested', async (template, why) => {
    const url = template.replace('PORT', String(internalPort));
    const [result] = await probeLinks([url]);
    expect(result).toEqual({ url, ok: false, reason: `was not requested: ${why}` });
  });

  it('judges the addresses a name resolves to, every one of them', async () => {
    const names: Record<string, string[]> = {
      'loopback.test': ['127.0.0.1'],
      'mapped.test': ['::ffff:127.0.0.1'],
      'metadata.test': ['169.254.169.254'],
      'intranet.test': ['10.0.0.7'],
      'ula.test': ['fd00::7'],
      'multicast.test': ['239.255.255.250'],
      'mixed.test': ['93.184.215.14', '127.0.0.1'],
    };
    const resolve = async (hostname: string) => names[hostname] ?? [];
    const urls = Object.keys(names).map((name) => `http://${name}:${internalPort}/`);
    const results = await probeLinks(urls, { resolve });
    expect(results.map((result) => result.reason)).toEqual([
      'was not requested: "loopback.test" resolves to 127.0.0.1, a loopback address (this machine)',
      'was not requested: "mapped.test" resolves to ::ffff:7f00:1 (127.0.0.1), a loopback address (this machine)',
      'was not requested: "metadata.test" resolves to 169.254.169.254, a link-local address',
      'was not requested: "intranet.test" resolves to 10.0.0.7, a private network address',
      'was not requested: "ula.test" resolves to fd00::7, a unique-local address',
      'was not requested: "multicast.test" resolves to 239.255.255.250, a multicast address',
      'was not requested: "mixed.test" resolves to 127.0.0.1, a loopback address (this machine)',
    ]);
  });

  it('re-checks every redirect before following it', async () => {
    const resolve = async (hostname: string) => (hostname === 'internal.test' ? ['127.0.0.1'] : []);
    const targets = [`http://127.0.0.1:${internalPort}/admin`, `http://[::ffff:7f00:1]:${internalPort}/admin`, `http://internal.test:${internalPort}/admin`, `http://0x7f000001:${internalPort}/admin`];
    const results = await probeLinks(
      targets.map((target) => `${base}/to?${encodeURIComponent(target)}`),
      { ...onlySite, resolve },
    );
    for (const [index, result] of results.entries()) {
      expect(result.ok).toBe(false);
      expect(result.reason).toMatch(/^redirects to http:\/\/.*\/admin, which was not requested: /);
      expect(result.reason, targets[index]).toMatch(/127\.0\.0\.1, a loopback address|7f00:1/);
    }
    expect(internalRequests).toEqual([]);
  });

  it('connects to the address it checked: one lookup per host, no second one by the HTTP client', async () => {
    const lookups: string[] = [];
    // site.test exists only for this resolver: were the request to look the name up again, it would fail.
    const resolve = async (hostname: string) => {
      lookups.push(hostname);
      return hostname === 'site.test' ? ['127.0.0.1'] : [];
    };
    const [result] = await probeLinks([`http://site.test:${sitePort}/host`], { ...onlySite, resolve });
    expect(result).toMatchObject({ ok: true, status: 200 }); // and the server saw "Host: site.test:<port>"
    expect(lookups).toEqual(['site.test']);
  });

  it('with links/private-host off (an intranet newsletter) allows private networks, never loopback, link-local or multicast', () => {
    const intranet = defaultAddressPolicy(true);
    const internet = defaultAddressPolicy(false);
    for (const address of ['10.0.0.1', '192.168.1.1', 'fd00::1', '::ffff:10.0.0.1']) {
      expect(intranet(address), address).toBe(true);
      expect(internet(address), address).toBe(false);
    }
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '169.254.169.254', 'fe80::1', '224.0.0.1', '0.0.0.0', '255.255.255.255']) {
      expect(intranet(address), address).toBe(false);
    }
    expect(internet('93.184.215.14')).toBe(true);
  });
});

describe('npm run check -- --online', () => {
  const layout = '<mjml lang="de"><mj-body><mj-section><mj-column><mj-text><h1>{{title}}</h1>{{{bodyHtml}}}</mj-text></mj-column></mj-section></mj-body></mjml>';
  const article = (body: string) => ['---', 'title: Ein Test der Links', 'category: Test', 'date: 2025-11-10', 'teaser: Links.', '---', '', body].join('\n');

  it('reports each link that does not answer once, on the article, as links/unreachable', async () => {
    const body = `Hier geht es zur [Startseite](${base}/ok), hier zum [Archiv](${base}/missing) und noch einmal zum [Archiv](${base}/missing).`;
    // No other links: the layout leaves out the unsubscribe link so that nothing leaves this machine.
    const project = await makeProject({ articles: { 'links.md': article(body) }, templates: { layout }, config: { checks: { rules: { 'links/private-host': 'off', 'clients/unsupported-feature': 'off' } } } });
    try {
      requests.length = 0;
      const report = await checkProject({ root: project.root, online: { timeoutMs: 2_000, ...onlySite } });
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

  it('a disguised loopback link fails links/private-host and is never requested', async () => {
    const body = `Das [Dashboard](http://[::ffff:127.0.0.1]:${internalPort}/x) und die [Konsole](http://0x7f.1:${internalPort}/y).`;
    const project = await makeProject({ articles: { 'intranet.md': article(body) }, templates: { layout }, config: { checks: { rules: { 'clients/unsupported-feature': 'off' } } } });
    try {
      const report = await checkProject({ root: project.root, online: true });
      const messages = report.findings.filter((finding) => finding.rule === 'links/private-host').map((finding) => finding.message);
      expect(messages).toEqual([
        expect.stringContaining('points to "[::ffff:7f00:1]" (127.0.0.1, a loopback address (this machine)), which readers cannot reach'),
        expect.stringContaining('points to "127.0.0.1" (a loopback address (this machine)), which readers cannot reach'),
      ]);
      expect(report.findings.map((finding) => finding.rule)).not.toContain('links/unreachable');
      expect(internalRequests).toEqual([]);
    } finally {
      await project.remove();
    }
  });

  it('with links/private-host off, a loopback link is still not requested, and says why', async () => {
    const url = `http://[::ffff:127.0.0.1]:${internalPort}/x`;
    const project = await makeProject({
      articles: { 'intranet.md': article(`Das [Dashboard](${url}).`) },
      templates: { layout },
      config: { checks: { rules: { 'links/private-host': 'off', 'clients/unsupported-feature': 'off' } } },
    });
    try {
      const report = await checkProject({ root: project.root, online: { timeoutMs: 2_000 } });
      expect(report.findings.filter((finding) => finding.rule === 'links/unreachable').map((finding) => finding.message)).toEqual([
        `the link ${url} was not requested: it points to ::ffff:7f00:1 (127.0.0.1), a loopback address (this machine): fix or remove the link`,
      ]);
      expect(internalRequests).toEqual([]);
    } finally {
      await project.remove();
    }
  });
});
