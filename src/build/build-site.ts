import path from 'node:path';
import type { ArticleResult } from '../build.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Manifest } from '../io/build-cache.js';
import { loadArticleSync } from '../io/load-articles.js';
import type { Article } from '../pipeline/validate-article.js';
import type { SiteArticle, SiteResult } from './write-site.js';
import { documentFailure } from './disk-faults.js';
import type { KnownArticle } from './slug-claims.js';
import type { EditionResult } from './build-editions.js';

export interface SiteBuildInput {
  config: ResolvedConfig;
  key: string;
  force: boolean;
  /** This build's results, in file order. */
  results: readonly ArticleResult[];
  /** The manifest after this build. */
  manifest: Manifest;
  /** The articles built now, parsed (their pages need not be parsed again). */
  built: ReadonlyMap<string, Article>;
  /** A partial build: the articles it did not build (they keep their pages). */
  partial: boolean;
  others: readonly KnownArticle[];
  /** This build's edition results (src/build/build-editions.ts): their pages are made with the articles'. */
  editions?: readonly EditionResult[];
}

/**
 * The web version from this build's per-article results (src/web/write-site.ts):
 * built and unchanged articles are on the site, drafts never, failed
 * articles keep their last good page. A partial build also lists every
 * article it did not build, so the archive stays complete; a deleted article
 * leaves the site with the next full build, as its email leaves `out/`.
 */
export async function buildSite(input: SiteBuildInput): Promise<SiteResult> {
  const { config, manifest } = input;
  const sources: SiteArticle[] = [];
  const seen = new Set<string>();
  for (const result of input.results) {
    seen.add(result.file);
    if (result.status === 'draft-skipped') continue;
    if (result.status === 'failed') {
      sources.push({ file: result.file, slug: '', hash: null, keepLastGood: true });
      continue;
    }
    if (result.draft) continue; // built with --drafts: an email to look at, never a page
    sources.push({ file: result.file, slug: result.slug, hash: manifest.entries[result.file]?.hash ?? null, article: input.built.get(result.file) });
  }
  if (input.partial) {
    const present = new Set(input.others.map((other) => other.file));
    for (const [file, entry] of Object.entries(manifest.entries)) {
      if (seen.has(file) || entry.draft) continue;
      seen.add(file);
      sources.push({ file, slug: entry.slug, hash: entry.hash, keepLastGood: entry.stale === true || !present.has(file) });
    }
    for (const other of input.others) if (!seen.has(other.file)) sources.push({ file: other.file, slug: other.slug, hash: null });
  }
  // The edition pages first (src/build/write-edition-pages.ts): the archive, feed and sitemap list them with the articles.
  const { writeEditionPages } = await import('./write-edition-pages.js');
  const editionPages = await writeEditionPages({
    config,
    key: input.key,
    force: input.force,
    results: input.editions ?? [],
    fail: documentFailure,
  });
  const { writeSite } = await import('./write-site.js');
  const site = await writeSite({
    config,
    key: input.key,
    force: input.force,
    articles: sources,
    editions: editionPages.entries,
    // parsing loads zod, yaml and markdown-it: only when a page has to be made from an article not built now
    readArticle: async (file) => (await import('../pipeline/build-article.js')).readArticle(loadArticleSync(path.resolve(config.root, file), config.root)),
    fail: documentFailure,
  });
  return {
    ...site,
    editionPages: editionPages.entries.length,
    written: [...editionPages.written, ...site.written],
    removed: [...editionPages.removed, ...site.removed],
    failures: [...editionPages.failures, ...site.failures],
  };
}
