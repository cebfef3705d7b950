import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { ArticleSource } from '../pipeline/build-article.js';

/** `x.md`, also written `x.MD` or `x.Md` (some editors and file systems keep the case they are given). */
export function isMarkdownFile(file: string): boolean {
  return /\.md$/i.test(file) && !path.basename(file).startsWith('.');
}

/** Every `*.md` (any case) in the articles folder, sorted by name (absolute paths). */
export async function listArticleFiles(articlesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(articlesDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(`the articles folder ${articlesDir} does not exist: create it and add a Markdown article, or set "paths.articles" in newsletter.config.json`);
    }
    if (code === 'ENOTDIR') throw new UsageError(`the articles folder ${articlesDir} is a file, not a folder: set "paths.articles" in newsletter.config.json to a folder`, error);
    throw new UsageError(`cannot read the articles folder ${articlesDir} (${code ?? (error as Error).message}): check its permissions`, error);
  }
  return names
    .filter(isMarkdownFile)
    .sort()
    .map((name) => path.join(articlesDir, name));
}

/** Read one article; `file` in the result is relative to `root` for messages. */
export async function loadArticle(file: string, root: string): Promise<ArticleSource> {
  const shown = path.relative(root, file) || file;
  try {
    return { file: shown, source: await readFile(file, 'utf8') };
  } catch (error) {
    throw unreadable(shown, error);
  }
}

/** `loadArticle` without the thread pool, for builds that read many small files (see writeFileAtomicSync). */
export function loadArticleSync(file: string, root: string): ArticleSource {
  const shown = path.relative(root, file) || file;
  try {
    return { file: shown, source: readFileSync(file, 'utf8') };
  } catch (error) {
    throw unreadable(shown, error);
  }
}

function unreadable(shown: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file: check the path' : code === 'EISDIR' ? 'is a folder: name a Markdown file' : (error as Error).message;
  return new UsageError(`${shown}: ${reason}`, error);
}
