import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { EMAIL_CSP, send } from '../http.js';
import { EDITION_SLUG_PREFIX, findNewsletter, type PreviewNewsletter } from '../preview-state.js';
import { renderDarkEmail } from '../render-dark-email.js';
import type { Route } from '../router.js';
import { resolveInside } from '../safe-path.js';
import { sendErrorPage, type PreviewContext } from './preview-context.js';
import { SLUG_PATTERN } from './slug.js';

/**
 * `GET /email/<slug>.html|.txt`: exactly the built files, byte for byte.
 * `GET /dark/<slug>.html`: the HTML with its dark-mode styles switched on.
 * Only slugs of newsletters the preview built are served, and only from the
 * output folder; each file is read (and rewritten for dark mode) once per build.
 */
export function emailRoutes(context: PreviewContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/email/${SLUG_PATTERN}\\.(html|txt)$`),
      async handle({ response, params: [slug = '', extension = ''] }) {
        const content = await readBuilt(context, response, slug, extension === 'html' ? 'html' : 'txt', (bytes) => bytes);
        if (content === null) return;
        if (extension === 'html') send(response, 200, 'text/html; charset=utf-8', content, EMAIL_CSP);
        else send(response, 200, 'text/plain; charset=utf-8', content, EMAIL_CSP);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/dark/${SLUG_PATTERN}\\.html$`),
      async handle({ response, params: [slug = ''] }) {
        const content = await readBuilt(context, response, slug, 'dark', (bytes) => renderDarkEmail(bytes.toString('utf8')));
        if (content !== null) send(response, 200, 'text/html; charset=utf-8', content, EMAIL_CSP);
      },
    },
  ];
}

/** The built file of a known newsletter, passed through `transform` (once per build), or null after answering 404. */
async function readBuilt(
  context: PreviewContext,
  response: ServerResponse,
  slug: string,
  variant: 'html' | 'txt' | 'dark',
  transform: (bytes: Buffer) => Buffer | string,
): Promise<Buffer | null> {
  const extension = variant === 'txt' ? 'txt' : 'html';
  const newsletter: PreviewNewsletter | undefined = findNewsletter(context.builder.state, slug);
  // an edition (`editions.<slug>`) is served from out/editions/
  const out = context.builder.state.config.paths.out;
  const edition = slug.startsWith(EDITION_SLUG_PREFIX);
  const expected = resolveInside(edition ? path.join(out, 'editions') : out, `${edition ? slug.slice(EDITION_SLUG_PREFIX.length) : slug}.${extension}`);
  const file = newsletter ? (extension === 'html' ? newsletter.htmlFile : newsletter.textFile) : undefined;
  if (!newsletter || expected === null || file !== expected) {
    sendErrorPage(context, response, 404, (t) => [t.errorPages.notFound, t.errorPages.noBuiltNewsletter(slug)]);
    return null;
  }
  try {
    return await context.pages.get(`/${variant}/${slug}`, `${context.builder.state.version}:${file}`, async () => transform(await readFile(file)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    sendErrorPage(context, response, 404, (t) => [t.errorPages.notFound, t.errorPages.outputGone(extension, slug)]);
    return null;
  }
}
