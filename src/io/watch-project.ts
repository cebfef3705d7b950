import path from 'node:path';
import { watch } from 'chokidar';
import { CONFIG_FILE_NAME, type ResolvedConfig } from '../config/config.js';
import { isMarkdownFile } from './load-articles.js';

export interface ProjectChange {
  /** Articles (and edition files, which `build` tells apart) added or changed (absolute paths). */
  articles: string[];
  /** Articles deleted (absolute paths). */
  removedArticles: string[];
  /** A template, partial or the config changed: everything must be rebuilt. */
  everything: boolean;
}

export interface ProjectWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watch articles, templates and the config; report changes in batches
 * (events within `debounceMs` are merged, so an editor's save-and-rename
 * counts once).
 */
export function watchProject(config: ResolvedConfig, onChange: (change: ProjectChange) => void, debounceMs = 40): ProjectWatcher {
  const configFile = config.configFile ?? path.join(config.root, CONFIG_FILE_NAME);
  const watcher = watch([config.paths.articles, config.paths.templates, configFile, config.paths.editions], {
    ignoreInitial: true,
    ignored: (file) => path.basename(file).startsWith('.') && file !== configFile,
  });
  let pending: ProjectChange = { articles: [], removedArticles: [], everything: false };
  let timer: NodeJS.Timeout | undefined;
  // the articles a full build sees: Markdown files (any case of .md) directly in the articles folder
  // edition hook: an edition file counts as a named file too (src/build/build-editions.ts splits them)
  const isArticle = (file: string) => [path.resolve(config.paths.articles), path.resolve(config.paths.editions)].includes(path.dirname(file)) && isMarkdownFile(file);

  const record = (event: string, file: string) => {
    if (isArticle(file)) {
      if (event === 'unlink') pending.removedArticles.push(file);
      else pending.articles.push(file);
    } else if (file === configFile || file.startsWith(config.paths.templates + path.sep)) {
      pending.everything = true;
    } else {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = { ...pending, articles: [...new Set(pending.articles)], removedArticles: [...new Set(pending.removedArticles)] };
      pending = { articles: [], removedArticles: [], everything: false };
      onChange(change);
    }, debounceMs);
  };
  watcher.on('all', (event, file) => record(event, path.resolve(file)));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
