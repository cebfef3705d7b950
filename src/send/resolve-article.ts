import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { didYouMean, isNewsletterError, SendError } from '../errors.js';
import { listArticleFiles, loadArticle } from '../io/load-articles.js';
import { slugFromFile } from '../pipeline/build-article.js';
import { parseFrontmatter } from '../pipeline/parse-frontmatter.js';

/**
 * Find the article a test send names: a path like `articles/x.md`, or a slug
 * (the frontmatter `slug`, else the one the file name gives). Returns the
 * absolute path. Unknown names get a did-you-mean.
 */
export async function resolveArticle(config: ResolvedConfig, target: string): Promise<string> {
  const name = target.trim();
  if (name === '') throw new SendError('name the newsletter to send: a slug like "openai-amazon-cloud-deal" or a file like articles/openai-amazon-cloud-deal.md');
  const files = await listArticleFiles(config.paths.articles);
  const shown = (file: string) => path.relative(config.root, file) || file;

  if (name.endsWith('.md') || name.includes('/') || name.includes(path.sep)) {
    const file = path.resolve(config.root, name);
    if (await isFile(file)) return file;
    const suggestion = didYouMean(name, files.map(shown));
    throw new SendError(`${name}: no such article${suggestion ? `: did you mean ${suggestion}?` : `: the articles are in ${shown(config.paths.articles)}/`}`);
  }

  const slugs: { slug: string; file: string }[] = [];
  for (const file of files) {
    slugs.push({ slug: await slugOf(file, config.root), file });
  }
  const found = slugs.find((entry) => entry.slug === name);
  if (found) return found.file;
  const known = slugs.map((entry) => entry.slug);
  const suggestion = didYouMean(name, known);
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : known.length === 0
      ? `${shown(config.paths.articles)}/ has no articles`
      : `known slugs: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}`;
  throw new SendError(`no article with the slug "${name}" (${hint})`);
}

/** The slug an article builds under: its frontmatter `slug`, else the file name's. */
async function slugOf(file: string, root: string): Promise<string> {
  const input = await loadArticle(file, root);
  try {
    const { data } = parseFrontmatter(input.source, input.file);
    const slug = (data as { slug?: unknown } | null)?.slug;
    return typeof slug === 'string' ? slug : slugFromFile(file);
  } catch (error) {
    // A broken frontmatter keeps its file-name slug here; building it then reports the problem with its line.
    if (isNewsletterError(error)) return slugFromFile(file);
    throw error;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
