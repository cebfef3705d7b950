import { createRebuildLoop, type Rebuild } from '../build/rebuild-loop.js';
import { testSendConfig, type ResolvedConfig } from '../config/config.js';
import { isNewsletterError, type Problem } from '../errors.js';
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
  onRebuilt?: (report: RebuildReport) => void;
}

export interface PreviewBuilder {
  readonly state: PreviewState;
  /** Build everything once (the start of the preview). */
  initial(): Promise<RebuildReport>;
  /** Queue a rebuild; changes that arrive during a build are merged into the next one. */
  schedule(change: ProjectChange): void;
  /** Watch the project and rebuild on every change; resolves once watching. */
  watch(debounceMs?: number): Promise<void>;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
  /** Stop watching and wait for the running build. */
  close(): Promise<void>;
}

/**
 * The preview's side of the rebuild loop (src/build/rebuild-loop.ts, the
 * same loop as `build-newsletter --watch`): every build is folded into the
 * state the pages show. Errors never escape: they land in the state, and the
 * last good outputs stay in place.
 */
export function createPreviewBuilder(options: PreviewBuilderOptions): PreviewBuilder {
  // The preview shows what a test send delivers: with an ESP set, fallbacks instead of its tags (see testSendConfig).
  const state = createPreviewState(testSendConfig(options.config));
  let lastReport: RebuildReport | undefined;
  const loop = createRebuildLoop({
    config: options.config,
    configFile: options.configFile,
    prepareConfig: testSendConfig,
    build: { drafts: options.drafts },
    onRebuilt(rebuild) {
      lastReport = toReport(state, rebuild);
      options.onRebuilt?.(lastReport);
    },
  });

  return {
    state,
    async initial() {
      await loop.initial();
      return lastReport as RebuildReport;
    },
    schedule: (change) => loop.schedule(change),
    watch: (debounceMs) => loop.watch(debounceMs),
    idle: () => loop.idle(),
    close: () => loop.close(),
  };
}

/** Fold one build of the loop into the state, and say what changed for the pages. */
function toReport(state: PreviewState, rebuild: Rebuild): RebuildReport {
  const problemsBefore = JSON.stringify([state.configProblems, state.buildProblems]);
  state.config = rebuild.config;
  if (rebuild.configReloaded) state.configProblems = rebuild.configProblems;
  let report: RebuildReport;
  if (rebuild.result) {
    const stateChange = applyBuildResult(state, rebuild.result, rebuild.files === undefined, new Date());
    report = { ...stateChange, everything: rebuild.everything, durationMs: rebuild.result.durationMs, problems: rebuild.result.problems, problemsChanged: false };
  } else {
    const { error } = rebuild;
    state.buildProblems = isNewsletterError(error) ? [...error.problems] : [{ message: `the build stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}` }];
    report = { newsletters: [], files: [], everything: true, durationMs: 0, problems: state.buildProblems, problemsChanged: false, ...(isNewsletterError(error) ? {} : { internalError: error }) };
  }
  state.version++; // whatever this run changed, pages render anew
  report.problems = [...state.configProblems, ...report.problems];
  report.problemsChanged = JSON.stringify([state.configProblems, state.buildProblems]) !== problemsBefore;
  return report;
}
