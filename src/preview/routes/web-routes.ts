import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { EMAIL_CSP, redirect, send } from '../http.js';
import type { Route } from '../router.js';
import { archiveUrl, EDITIONS_FOLDER, WEB_FOLDER } from '../../pipeline/web-urls.js';
import { sendErrorPage, wordsOf, type PreviewContext } from './preview-context.js';
import { SLUG_PATTERN } from './slug.js';

const TYPES = { html: 'text/html; charset=utf-8', 'feed.xml': 'application/atom+xml; charset=utf-8', 'sitemap.xml': 'application/xml; charset=utf-8' } as const;

/**
 * `GET /web/`: the web version as the build wrote it to `out/web/` (archive,
 * `<slug>/`, `editions/<slug>/`, `feed.xml`, `sitemap.xml`). Links to the
 * site's own address (`webBaseUrl`) point into the preview instead, so the
 * site can be browsed here; everything else is served byte for byte. Only
 * slug-shaped paths are served, each file read once per build.
 */
export function webRoutes(context: PreviewContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/web((?:/${EDITIONS_FOLDER})?/${SLUG_PATTERN})?$`),
      handle({ response, params: [page = ''] }) {
        redirect(response, `/web${page}/`); // a page's address ends in "/", as on the site (its relative links depend on it)
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/web/(?:(${EDITIONS_FOLDER})/${SLUG_PATTERN}/|${SLUG_PATTERN}/)?$`),
      async handle({ response, params: [editions = '', edition = '', slug = ''] }) {
        const parts = editions ? [EDITIONS_FOLDER, edition, 'index.html'] : slug ? [slug, 'index.html'] : ['index.html'];
        await serve(context, response, parts, 'html');
      },
    },
    {
      method: 'GET',
      pattern: /^\/web\/(feed\.xml|sitemap\.xml)$/,
      async handle({ response, params: [name = ''] }) {
        await serve(context, response, [name], name === 'feed.xml' ? 'feed.xml' : 'sitemap.xml');
      },
    },
  ];
}

async function serve(context: PreviewContext, response: ServerResponse, parts: string[], kind: keyof typeof TYPES): Promise<void> {
  const { config, version } = context.builder.state;
  if (!config.webBaseUrl) {
    sendErrorPage(context, response, 404, (words) => words.webOff);
    return;
  }
  const folder = path.join(config.paths.out, WEB_FOLDER);
  const file = path.join(folder, ...parts);
  if (path.relative(folder, file).startsWith('..')) return sendErrorPage(context, response, 404, (words) => [words.webNotFound, words.webNoSuchPage]);
  const base = archiveUrl(config.webBaseUrl);
  try {
    const body = await context.pages.get(`/web/${parts.join('/')}`, `${version}:${base}`, async () => {
      const content = await readFile(file, 'utf8');
      // links only (<a href>): the canonical address, social cards and structured data keep the site's own
      return kind === 'html' ? content.replace(new RegExp(`(<a\\b[^>]*?\\bhref=")${escapeRegExp(base)}`, 'g'), '$1/web/') : content;
    });
    send(response, 200, TYPES[kind], body, EMAIL_CSP);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    const words = wordsOf(context);
    sendErrorPage(context, response, 404, () => [words.webNotFound, words.webMissing(parts.join('/'))], { href: '/web/', label: words.webArchive });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
