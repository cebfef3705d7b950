/**
 * Rendered pages and loaded files, kept in memory per version: a page is
 * rendered once for each build (and inbox, and send-settings) version and
 * then served as the same bytes until something it shows changes. Requests
 * that arrive while a page renders wait for that one render.
 */
export interface PageCache {
  /**
   * The body for `key` at `version`: from memory, or from `render` (once)
   * when the key is new or its version moved on. A render that throws is not
   * kept; its error goes to every request that waited for it.
   */
  get(key: string, version: string, render: () => Promise<Buffer | string> | Buffer | string): Promise<Buffer>;
  readonly size: number;
}

/** Far more than the pages of a preview (routes × views × newsletters); only keys of stale pages go. */
const MAX_CACHED_PAGES = 2000;

export function createPageCache(maxEntries = MAX_CACHED_PAGES): PageCache {
  const entries = new Map<string, { version: string; body: Promise<Buffer> }>();
  return {
    get(key, version, render) {
      const cached = entries.get(key);
      if (cached && cached.version === version) return cached.body;
      const body = (async () => {
        const rendered = await render();
        return typeof rendered === 'string' ? Buffer.from(rendered, 'utf8') : rendered;
      })();
      entries.delete(key); // re-inserted last: the Map's order is the order of use
      entries.set(key, { version, body });
      body.catch(() => {
        if (entries.get(key)?.body === body) entries.delete(key);
      });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return body;
    },
    get size() {
      return entries.size;
    },
  };
}
