import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { ArticleSource } from '../pipeline/build-article.js';

/** Every `*.md` in the articles folder, sorted by name (absolute paths). */
export async function listArticleFiles(articlesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(articlesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(`the articles folder ${articlesDir} does not exist: create it and add a Markdown article, or set "paths.articles" in newsletter.config.json`);
    }
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
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
