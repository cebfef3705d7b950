import { newestFirst, type SiteEntry } from './site-entry.js';
import { archiveUrl } from '../pipeline/web-urls.js';
import { escapeXml } from './xml.js';

/**
 * `sitemap.xml` (https://www.sitemaps.org/protocol.html): the archive and
 * every page, absolute and entity-escaped `loc`, `lastmod` as W3C date.
 */
export function renderSitemap(webBaseUrl: string, entries: readonly SiteEntry[]): string {
  const sorted = newestFirst(entries);
  const newest = sorted[0]?.date;
  const url = (loc: string, lastmod: string | undefined) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(archiveUrl(webBaseUrl), newest),
    ...sorted.map((entry) => url(entry.url, entry.date)),
    '</urlset>',
    '',
  ].join('\n');
}
