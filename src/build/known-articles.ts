import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { hashText, type Manifest } from '../io/build-cache.js';
import { inspectArticleFile } from '../io/inspect-article.js';
import { loadArticleSync } from '../io/load-articles.js';
import type { Renderer } from './renderer.js';
import type { KnownArticle } from './slug-claims.js';

/**
 * The slugs of the articles a partial build does not build, so that it checks
 * against every article, as a full build would. An unchanged article's slug
 * comes from the manifest (its entry was validated on load); any other is
 * read and parsed. Articles that do not parse, drafts (unless built with
 * drafts) and files the build would refuse have no slug to defend, as in a
 * full build.
 */
export async function knownArticles(
  files: readonly string[],
  config: ResolvedConfig,
  manifest: Manifest,
  drafts: boolean,
  renderer: () => Promise<Renderer>,
): Promise<KnownArticle[]> {
  const known: KnownArticle[] = [];
  for (const absolute of files) {
    const shown = path.relative(config.root, absolute) || absolute;
    try {
      const info = inspectArticleFile(absolute, shown, { root: config.root, articlesDir: config.paths.articles, maxArticleBytes: config.maxArticleBytes });
      const entry = manifest.entries[shown];
      if (entry && !entry.stale && entry.stat === info.fingerprint) {
        if (!entry.draft || drafts) known.push({ file: shown, slug: entry.slug });
        continue;
      }
      const input = loadArticleSync(absolute, config.root);
      if (entry && !entry.stale && entry.hash === hashText(input.source)) {
        if (!entry.draft || drafts) known.push({ file: shown, slug: entry.slug });
        continue;
      }
      const article = (await renderer()).readArticle(input);
      if (!article.draft || drafts) known.push({ file: shown, slug: article.slug });
    } catch {
      // it fails when it is built itself; here it claims nothing
    }
  }
  return known;
}

