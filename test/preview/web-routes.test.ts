import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { BASE, childrenNamed, parseXml } from '../web/site-helpers.js';
import { rawRequest } from './preview-helpers.js';

describe('preview: the web version under /web/', () => {
  let project: TempProject;
  let preview: PreviewServer;

  beforeAll(async () => {
    project = await makeProject({ samples: true, config: { webBaseUrl: BASE } });
    await project.write('secret.txt', 'TOP-SECRET-MARKER\n');
    preview = await startPreview({ root: project.root, port: 0, smtpPort: 0, debounceMs: 20 });
  });
  afterAll(async () => {
    await preview?.close();
    await project?.remove();
  });

  const get = (rawPath: string) => rawRequest(preview.port, rawPath);

  it('the index links the web version', async () => {
    expect((await get('/')).body).toContain('href="/web/"');
  });

  it('serves the archive and the pages with links into the preview', async () => {
    const archive = await get('/web/');
    expect(archive.status).toBe(200);
    expect(archive.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(archive.body).toContain('href="/web/ki-chips-wettruesten/"');
    expect(archive.body).not.toContain(`href="${BASE}/ki-chips-wettruesten/"`);

    const page = await get('/web/ki-chips-wettruesten/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Schaufeln für den Goldrausch: Wer am KI-Wettrüsten verdient</h1>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    // the canonical address stays the site's own
    expect(page.body).toContain(`<link rel="canonical" href="${BASE}/ki-chips-wettruesten/">`);
  });

  it('redirects a page address without its final slash', async () => {
    const response = await get('/web/ki-chips-wettruesten');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/web/ki-chips-wettruesten/');
    expect((await get('/web')).headers.location).toBe('/web/');
  });

  it('serves the feed and the sitemap as XML', async () => {
    const feed = await get('/web/feed.xml');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(childrenNamed(parseXml(feed.body), 'entry')).toHaveLength(2);
    const sitemap = await get('/web/sitemap.xml');
    expect(childrenNamed(parseXml(sitemap.body), 'url')).toHaveLength(3);
  });

  it('answers 404 for pages the site does not have, and never leaves out/web', async () => {
    expect((await get('/web/gibt-es-nicht/')).status).toBe(404);
    for (const target of ['/web/../secret.txt', '/web/%2e%2e/secret.txt', '/web/..%2fsecret.txt', '/web/editions/../../secret.txt']) {
      const response = await get(target);
      expect(response.status, target).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('TOP-SECRET-MARKER');
    }
  });
});
