import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { SiteEntry } from '../web/site-entry.js';
import { hashText } from './build-cache.js';
import { isRecord, isSiteCacheEntry } from './cache-schema.js';
import { fileEntries, readCacheJson } from './read-cache.js';
import { writeFileAtomic } from './write-output.js';

export const SITE_CACHE_VERSION = 1;

/** What the last build wrote to the web version for one article. */
export interface SiteCacheEntry {
  /** sha256 of the article file the page was made from (the manifest's `hash`). */
  hash: string;
  /** How the archive, feed and sitemap list it. */
  entry: SiteEntry & { kind: 'article' };
}

export interface SiteCache {
  version: number;
  /** The build's inputs key plus the web address: when either changes, every page is written again. */
  key: string;
  /** Keyed by project-relative article path. */
  entries: Record<string, SiteCacheEntry>;
  /** Hash of what the archive, feed and sitemap list: while it is the same (and they exist), they are not made again. */
  lists?: string;
}

export function siteCacheFile(config: Pick<ResolvedConfig, 'root' | 'cacheDir' | 'paths'>): string {
  const outputId = hashText(path.relative(config.root, config.paths.out) || '.').slice(0, 12);
  return path.join(config.cacheDir, `web-site-${outputId}.json`);
}

/**
 * The site cache of the last build; an empty one when missing, unreadable or
 * made from other inputs. Every entry is checked against its schema
 * (cache-schema.ts) and dropped when it does not match: that page is made
 * again from its article.
 */
export async function loadSiteCache(file: string, key: string): Promise<SiteCache> {
  const cache: SiteCache = { version: SITE_CACHE_VERSION, key, entries: {} };
  const data = await readCacheJson(file);
  if (!isRecord(data) || data.version !== SITE_CACHE_VERSION || data.key !== key || !isRecord(data.entries)) return cache;
  if (typeof data.lists === 'string' && /^[0-9a-f]{64}$/.test(data.lists)) cache.lists = data.lists;
  cache.entries = fileEntries<SiteCacheEntry>(data.entries, isSiteCacheEntry);
  return cache;
}

export async function writeSiteCache(file: string, cache: SiteCache): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(cache, null, 1)}\n`);
}
