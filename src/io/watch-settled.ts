import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, type ResolvedConfig } from '../config/config.js';
import { watchProject, type ProjectChange, type ProjectWatcher } from './watch-project.js';

const MISSING = 'missing';
/** Longer than chokidar's 50 ms `change` throttle. */
const SETTLE_MS = 70;

/**
 * `watchProject`, plus a second look at every changed file once chokidar's
 * change throttle is over. Chokidar reports only the first `change` of a file
 * within 50 ms and never the later ones (paulmillr/chokidar#1455), so two
 * quick saves would leave the preview showing the first; when a file looks
 * different after the throttle than when its change was reported, it is
 * reported again.
 */
export function watchProjectSettled(config: ResolvedConfig, onChange: (change: ProjectChange) => void, debounceMs?: number): ProjectWatcher {
  const timers = new Set<NodeJS.Timeout>();
  const reported = new Map<string, string>(); // file → how it looked when its change was last reported
  let closed = false;

  const report = (change: ProjectChange) => {
    void (async () => {
      const watched = await filesOf(change, config);
      for (const [file, fingerprint] of await fingerprints(watched)) reported.set(file, fingerprint);
      onChange(change);
      const timer = setTimeout(() => {
        timers.delete(timer);
        void (async () => {
          const now = await fingerprints(watched);
          if (closed) return;
          const moved = watched.filter((file) => reported.get(file) !== now.get(file));
          if (moved.length === 0) return;
          const articles = moved.filter((file) => change.articles.includes(file));
          const present = articles.filter((file) => now.get(file) !== MISSING);
          const gone = articles.filter((file) => now.get(file) === MISSING);
          report({ articles: present, removedArticles: gone, everything: articles.length < moved.length });
        })();
      }, SETTLE_MS);
      timers.add(timer);
    })();
  };

  const watcher = watchProject(config, report, debounceMs);
  return {
    ready: watcher.ready,
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** The files a change is about: its articles, and for a template or config change every template and the config. */
async function filesOf(change: ProjectChange, config: ResolvedConfig): Promise<string[]> {
  const files = [...change.articles];
  if (change.everything) {
    files.push(config.configFile ?? path.join(config.root, CONFIG_FILE_NAME));
    try {
      const entries = await readdir(config.paths.templates, { recursive: true, withFileTypes: true });
      for (const entry of entries) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
    } catch {
      // no templates folder: the build reports that
    }
  }
  return files;
}

async function fingerprints(files: readonly string[]): Promise<Map<string, string>> {
  const entries = await Promise.all(
    files.map(async (file) => {
      try {
        const info = await stat(file);
        return [file, `${info.ino}:${info.size}:${info.mtimeMs}`] as const;
      } catch {
        return [file, MISSING] as const;
      }
    }),
  );
  return new Map(entries);
}
