import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { isNewsletterError } from '../errors.js';
import { inputsKey, loadManifest, manifestFile, type Manifest } from '../io/build-cache.js';
import { inspectArticleFile } from '../io/inspect-article.js';
import { listArticleFiles, loadArticle } from '../io/load-articles.js';
import { loadTemplateSources } from '../io/load-templates.js';
import { slugFromFile } from '../pipeline/build-article.js';
import { parseFrontmatter } from '../pipeline/parse-frontmatter.js';

/**
 * The slug every article in the articles folder builds under, drafts
 * included, for naming one by its slug (`send-test <slug>`): an unchanged
 * article's from the last build, any other's from its frontmatter `slug`,
 * else its file name (also when the frontmatter does not parse: building it
 * then reports the problem with its line).
 */
export async function articleSlugs(config: ResolvedConfig): Promise<{ file: string; slug: string }[]> {
  const files = await listArticleFiles(config.paths.articles);
  let manifest: Manifest | undefined;
  try {
    const key = inputsKey(await loadTemplateSources(config.paths.templates, config.root), config);
    manifest = await loadManifest(manifestFile(config), key);
  } catch {
    // no templates to key the cache with: every slug is read from its article
  }
  const slugs: { file: string; slug: string }[] = [];
  for (const absolute of files) {
    const shown = path.relative(config.root, absolute) || absolute;
    const entry = manifest?.entries[shown];
    if (entry && !entry.stale && entry.stat !== undefined) {
      try {
        const info = inspectArticleFile(absolute, shown, { root: config.root, articlesDir: config.paths.articles, maxArticleBytes: config.maxArticleBytes });
        if (entry.stat === info.fingerprint) {
          slugs.push({ file: absolute, slug: entry.slug });
          continue;
        }
      } catch {
        // read below, as any changed article
      }
    }
    slugs.push({ file: absolute, slug: await frontmatterSlug(absolute, config.root) });
  }
  return slugs;
}

/** The frontmatter `slug`, else the file name's. */
async function frontmatterSlug(file: string, root: string): Promise<string> {
  const input = await loadArticle(file, root);
  try {
    const { data } = parseFrontmatter(input.source, input.file);
    const slug = (data as { slug?: unknown } | null)?.slug;
    return typeof slug === 'string' ? slug : slugFromFile(file);
  } catch (error) {
    if (isNewsletterError(error)) return slugFromFile(file);
    throw error;
  }
}
