import { build, type BuildOptions, type BuildResult } from '../build.js';
import type { ResolvedConfig } from '../config/config.js';
import { isNewsletterError, type Problem } from '../errors.js';
import { loadConfig } from '../io/load-config.js';
import type { ProjectChange, ProjectWatcher } from '../io/watch-project.js';

/** One build of the loop and what led to it. */
export interface Rebuild {
  /** The first build, a template or the config changed, or an article was deleted: every article was considered. */
  everything: boolean;
  /** The articles built (absolute paths); undefined when every article was considered. */
  files: string[] | undefined;
  /** The config this build used: the one just read when it changed, else the last good one. */
  config: ResolvedConfig;
  /** The config was read again before this build (it or a template changed). */
  configReloaded: boolean;
  /** Why the config could not be read again (this build used the last good one); empty when it could. */
  configProblems: Problem[];
  /** The config's folders moved: the watcher now watches the new ones. */
  pathsChanged: boolean;
  /** Set when the build ran to its end (articles may still have failed). */
  result?: BuildResult;
  /** The build as a whole stopped: a template, a folder, a disk fault, or a bug. */
  error?: unknown;
}

export interface RebuildLoopOptions {
  config: ResolvedConfig;
  /** Config file as the user named it, to read it again when it changes. */
  configFile?: string;
  /** What every build of the loop is asked for (drafts, force, fast path, progress). */
  build?: Omit<BuildOptions, 'config' | 'files' | 'root' | 'configFile'>;
  /** Called after every build, in order, also when the build stopped. */
  onRebuilt?: (rebuild: Rebuild) => void;
  /** The config each build uses, made from the one read (the preview builds as a test send does). */
  prepareConfig?: (config: ResolvedConfig) => ResolvedConfig;
}

export interface RebuildLoop {
  /** The last good config. */
  readonly config: ResolvedConfig;
  /** Build everything once (at the start). */
  initial(): Promise<Rebuild>;
  /** Queue a rebuild; changes that arrive during a build are merged into the next one. */
  schedule(change: ProjectChange): void;
  /** Watch articles, templates and the config and schedule a rebuild on every change; resolves once watching. */
  watch(debounceMs?: number): Promise<void>;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
  /** Stop watching and wait for the running build. */
  close(): Promise<void>;
}

/**
 * The one rebuild loop of `build-newsletter --watch` and the preview: builds
 * run one at a time, in order; a changed article rebuilds only that
 * newsletter; a template or config change (or a deleted article) rebuilds
 * all, after reading the config again (a config that cannot be read leaves
 * the last good one in use, with its problems reported); when the config
 * moves a folder, the watcher follows. Errors never escape: a build that
 * stops is reported in `Rebuild.error`.
 */
export function createRebuildLoop(options: RebuildLoopOptions): RebuildLoop {
  const prepare = options.prepareConfig ?? ((read: ResolvedConfig) => read);
  let config = prepare(options.config);
  let configProblems: Problem[] = [];
  let pending: ProjectChange | null = null;
  let watcher: ProjectWatcher | undefined;
  let debounce: number | undefined;
  let closed = false;

  async function run(change: ProjectChange | 'initial'): Promise<Rebuild> {
    const everything = change === 'initial' || change.everything || change.removedArticles.length > 0;
    const files = change === 'initial' || everything ? undefined : change.articles;
    const configReloaded = change !== 'initial' && change.everything;
    let pathsChanged = false;
    let rebuild: Rebuild;
    try {
      if (configReloaded) pathsChanged = await reloadConfig();
      const result = await build({ ...options.build, config, files });
      rebuild = { everything, files, config, configReloaded, configProblems, pathsChanged, result };
    } catch (error) {
      rebuild = { everything, files, config, configReloaded, configProblems, pathsChanged, error };
    }
    options.onRebuilt?.(rebuild);
    return rebuild;
  }

  /** Read the config again; true when its folders moved (the watcher has followed). */
  async function reloadConfig(): Promise<boolean> {
    let next: ResolvedConfig;
    try {
      next = prepare(await loadConfig({ root: config.root, configFile: options.configFile }));
    } catch (error) {
      if (!isNewsletterError(error)) throw error;
      configProblems = [...error.problems]; // keep building with the last good config
      return false;
    }
    const moved = JSON.stringify(next.paths) !== JSON.stringify(config.paths);
    config = next;
    configProblems = [];
    if (moved && watcher) await startWatcher();
    return moved;
  }

  async function startWatcher(): Promise<void> {
    await watcher?.close();
    if (closed) return;
    const { watchProjectSettled } = await import('../io/watch-settled.js'); // chokidar only when watching
    watcher = watchProjectSettled(config, schedule, debounce);
    await watcher.ready;
  }

  // `chain` runs builds one at a time; `pending` is the queued change that later changes merge into.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  function schedule(change: ProjectChange): void {
    if (closed) return;
    if (!change.everything && change.articles.length === 0 && change.removedArticles.length === 0) return;
    if (pending) {
      pending = {
        articles: [...new Set([...pending.articles, ...change.articles])],
        removedArticles: [...new Set([...pending.removedArticles, ...change.removedArticles])],
        everything: pending.everything || change.everything,
      };
      return;
    }
    pending = change;
    void serial(async () => {
      const next = pending ?? change;
      pending = null;
      await run(next);
    });
  }

  async function idle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = chain;
      await current;
    } while (current !== chain);
  }

  return {
    get config() {
      return config;
    },
    initial: () => serial(() => run('initial')),
    schedule,
    async watch(debounceMs) {
      debounce = debounceMs;
      await startWatcher();
    },
    idle,
    async close() {
      closed = true;
      await watcher?.close();
      await idle();
    },
  };
}
