import type { Strings } from '../i18n/strings.js';
import { newestFirst, type SiteEntry } from './site-entry.js';
import { archiveUrl, feedUrl } from '../pipeline/web-urls.js';
import { escapeXml } from './xml.js';

export interface FeedInput {
  brand: string;
  webBaseUrl: string;
  strings: Readonly<Strings>;
  entries: readonly SiteEntry[];
}

/**
 * `feed.xml`: an Atom 1.0 feed (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287),
 * one entry per published newsletter, newest first, every link absolute.
 * Atom requires `id`, `title` and `updated` on the feed and on each entry,
 * and an author on the feed or on every entry (sections 4.1.1, 4.1.2): the
 * brand is the feed's author, a byline the entry's. Dates are the
 * publication dates at midnight UTC, so an unchanged site writes the same
 * bytes (no build time in it).
 */
export function renderFeed({ brand, webBaseUrl, strings, entries }: FeedInput): string {
  const sorted = newestFirst(entries);
  const updated = timestamp(sorted[0]?.date ?? '1970-01-01');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(strings.languageTag)}">`,
    `  <title>${escapeXml(`${brand} – ${strings.newsletterLabel}`)}</title>`,
    `  <subtitle>${escapeXml(strings.archiveIntro)}</subtitle>`,
    `  <id>${escapeXml(archiveUrl(webBaseUrl))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl(webBaseUrl))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(archiveUrl(webBaseUrl))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(brand)}</name></author>`,
  ];
  for (const entry of sorted) {
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <published>${timestamp(entry.date)}</published>`,
      `    <updated>${timestamp(entry.date)}</updated>`,
      ...(entry.author ? [`    <author><name>${escapeXml(entry.author)}</name></author>`] : []),
      `    <category term="${escapeXml(entry.kind === 'edition' ? strings.editionLabel : entry.category)}"/>`,
      `    <summary>${escapeXml(entry.teaser)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}
