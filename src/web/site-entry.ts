/**
 * One page of the web version as the archive, the feed and the sitemap list
 * it. Articles and editions alike: each renderer takes a list of these.
 */
export interface SiteEntry {
  kind: 'article' | 'edition';
  slug: string;
  /** Absolute address of the page (ends in `/`). */
  url: string;
  title: string;
  /** The kicker: an article's category; for an edition, e.g. "Ausgabe". */
  category: string;
  /** YYYY-MM-DD */
  date: string;
  /** Plain text. */
  teaser: string;
  author: string | null;
  image: string | null;
}

/** Newest first; on the same day editions before articles, then by title, then slug (a stable order). */
export function newestFirst(entries: readonly SiteEntry[]): SiteEntry[] {
  return [...entries].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      (a.kind === b.kind ? 0 : a.kind === 'edition' ? -1 : 1) ||
      a.title.localeCompare(b.title) ||
      a.slug.localeCompare(b.slug),
  );
}
