import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { didYouMean, SendError } from '../errors.js';
import { articleSlugs } from '../build/article-slugs.js';
import { listArticleFiles } from '../io/load-articles.js';

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

  const slugs = await articleSlugs(config);
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
