import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ArticleError, UsageError } from '../errors.js';
import { formatKB } from '../format-bytes.js';
import { statFingerprint } from './build-cache.js';

export interface ArticleFileInfo {
  /** See `ManifestEntry.stat`. */
  fingerprint: string;
  size: number;
}

export interface InspectOptions {
  root: string;
  articlesDir: string;
  maxArticleBytes: number;
}

/**
 * What the build may know about an article file before reading it, and the
 * refusals that need no reading: a symbolic link that leads outside the
 * project (or the articles folder), a file over the size limit. Blocking
 * calls, like the reads (see output-writer.ts).
 */
export function inspectArticleFile(file: string, shown: string, options: InspectOptions): ArticleFileInfo {
  let info: Stats;
  try {
    info = lstatSync(file);
    if (info.isSymbolicLink()) {
      const target = realpathSync(file);
      if (!isInside(target, realRoots(options))) {
        throw new ArticleError(`is a symbolic link to ${target}, outside the project: copy the article into ${path.relative(options.root, options.articlesDir) || '.'}/ instead`, { file: shown });
      }
      info = statSync(file);
    }
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${shown}: ${code === 'ENOENT' ? 'no such file: check the path' : (error as Error).message}`, error);
  }
  if (info.isDirectory()) throw new UsageError(`${shown}: is a folder: name a Markdown file`);
  if (!info.isFile()) throw new ArticleError('is not a regular file: articles are Markdown files', { file: shown });
  if (info.size > options.maxArticleBytes) {
    throw new ArticleError(`is ${formatSize(info.size)}, more than the ${formatSize(options.maxArticleBytes)} an article may have: split it, or raise "maxArticleBytes" in newsletter.config.json`, { file: shown });
  }
  return { fingerprint: statFingerprint(info), size: info.size };
}

/** `1.0 MB`, `512.0 KB` */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : formatKB(bytes);
}

/** The project root and the articles folder with every link resolved (asked only when an article is a link). */
function realRoots(options: InspectOptions): string[] {
  return [options.root, options.articlesDir].map((dir) => {
    try {
      return realpathSync(dir);
    } catch {
      return path.resolve(dir);
    }
  });
}

function isInside(file: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const relative = path.relative(folder, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  });
}
