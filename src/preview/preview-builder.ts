import { build } from '../build.js';
import { testSendConfig, type ResolvedConfig } from '../config/config.js';
import { isNewsletterError, type Problem } from '../errors.js';
import { loadConfig } from '../io/load-config.js';
import type { ProjectChange } from '../io/watch-project.js';
import { applyBuildResult, createPreviewState, type PreviewState, type StateChange } from './preview-state.js';

export interface RebuildReport extends StateChange {
  /** A template or the config changed, or it was the first build. */
  everything: boolean;
  /** Time spent building. */
  durationMs: number;
  /** Problems of this build (articles that failed, or the build as a whole). */
  problems: Problem[];
  /** The config or build-wide problems shown on every page came or went. */
  problemsChanged: boolean;
  /** An unexpected error (a bug, or a disk failure), kept for the CLI to print in full. */
  internalError?: unknown;
}

export interface PreviewBuilderOptions {
  config: ResolvedConfig;
  /** Config file as the user named it, to re-read it when it changes. */
  configFile?: string;
  drafts: boolean;
  /** The config was re-read and its folders moved: the watcher must follow. */
  onPathsChange?: (config: ResolvedConfig) => void;
  onRebuilt?: (report: RebuildReport) => void;
}

export interface PreviewBuilder {
  readonly state: PreviewState;
  /** Build everything once (the start of the preview). */
  initial(): Promise<RebuildReport>;
  /** Queue a rebuild; changes that arrive during a build are merged into the next one. */
  schedule(change: ProjectChange): void;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
}

/**
 * Turns watcher changes into builds: a changed article rebuilds only that
 * newsletter, a template or config change (or a deleted article) rebuilds
 * all, through the same `build()` as `build-newsletter`. Errors never
 * escape: they land in the state for the pages to show, and the last good
 * outputs stay in place.
 */
export function createPreviewBuilder(options: PreviewBuilderOptions): PreviewBuilder {
  // The preview shows what a test send delivers: with an ESP set, fallbacks instead of its tags (see testSendConfig).
  const state = createPreviewState(testSendConfig(options.config));
  let pending: ProjectChange | null = null;

  async function run(change: ProjectChange | 'initial'): Promise<RebuildReport> {
    const everything = change === 'initial' || change.everything || change.removedArticles.length > 0;
    const files = change === 'initial' || everything ? undefined : change.articles;
    const problemsBefore = JSON.stringify([state.configProblems, state.buildProblems]);
    let report: RebuildReport;
    try {
      if (change !== 'initial' && change.everything) await reloadConfig();
      const result = await build({ config: state.config, files, drafts: options.drafts });
      const stateChange = applyBuildResult(state, result, files === undefined, new Date());
      report = { ...stateChange, everything, durationMs: result.durationMs, problems: result.problems, problemsChanged: false };
    } catch (error) {
      state.buildProblems = isNewsletterError(error) ? [...error.problems] : [{ message: `the build stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}` }];
      report = { newsletters: [], files: [], everything: true, durationMs: 0, problems: state.buildProblems, problemsChanged: false, ...(isNewsletterError(error) ? {} : { internalError: error }) };
    }
    state.version++; // whatever this run changed, pages render anew
    report.problems = [...state.configProblems, ...report.problems];
    report.problemsChanged = JSON.stringify([state.configProblems, state.buildProblems]) !== problemsBefore;
    options.onRebuilt?.(report);
    return report;
  }

  async function reloadConfig(): Promise<void> {
    try {
      const next = testSendConfig(await loadConfig({ root: state.config.root, configFile: options.configFile }));
      const previous = state.config;
      state.config = next;
      state.configProblems = [];
      if (JSON.stringify(next.paths) !== JSON.stringify(previous.paths)) options.onPathsChange?.(next);
    } catch (error) {
      if (!isNewsletterError(error)) throw error;
      state.configProblems = [...error.problems]; // keep building with the last good config
    }
  }

  // Builds run one at a time, in order; `pending` is the queued change that later changes merge into.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    state,
    initial: () => serial(() => run('initial')),
    schedule(change) {
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
    },
    async idle() {
      let current: Promise<unknown>;
      do {
        current = chain;
        await current;
      } while (current !== chain);
    },
  };
}
