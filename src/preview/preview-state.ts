import type { BuildResult, BuiltNewsletter } from '../build.js';
import type { StoryShare } from '../edition/edition-cache.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Problem } from '../errors.js';
import { previewText } from './preview-text.js';

/** The last good build of one article or edition: what the preview shows. */
export interface PreviewNewsletter extends Omit<BuiltNewsletter, 'renderPath' | 'fallbackReason'> {
  /** When the preview built it; null when it came unchanged from an earlier build. */
  builtAt: Date | null;
  /** Set for an edition (its `slug` here is `editions.<slug>`, its `title` the subject): its stories, in order. */
  edition?: { preheader: string | null; stories: StoryShare[] };
}

/** The preview's slug of an edition: `editions.<slug>` (no article slug has a dot). */
export const EDITION_SLUG_PREFIX = 'editions.';

export interface PreviewState {
  config: ResolvedConfig;
  /** Last good version per article file. A failing article keeps its entry. */
  newsletters: Map<string, PreviewNewsletter>;
  /** Articles failing right now, by file. */
  articleProblems: Map<string, readonly Problem[]>;
  /** The config cannot be read: the preview goes on with the last good one. */
  configProblems: Problem[];
  /** The build as a whole failed (missing folder or layout, unexpected error). */
  buildProblems: Problem[];
  lastBuild: { finishedAt: Date; durationMs: number } | null;
  /** Goes up with every build and config reload: pages rendered from an older version are stale. */
  version: number;
}

/** What one build changed, for live reload. */
export interface StateChange {
  /** Newsletters whose built files changed (or that failed and now show an error). */
  newsletters: { file: string; slug: string }[];
  /** Article files the build touched, failed or removed. */
  files: string[];
}

export function createPreviewState(config: ResolvedConfig): PreviewState {
  return { config, newsletters: new Map(), articleProblems: new Map(), configProblems: [], buildProblems: [], lastBuild: null, version: 0 };
}

/**
 * Fold a build result into the state. A failed article keeps its last good
 * newsletter; `full` builds also drop articles that no longer exist.
 */
export function applyBuildResult(state: PreviewState, result: BuildResult, full: boolean, now: Date): StateChange {
  const change: StateChange = { newsletters: [], files: [] };
  for (const article of result.articles) {
    switch (article.status) {
      case 'built':
      case 'cached': {
        const { status: _status, ...fields } = article;
        const previous = state.newsletters.get(article.file);
        const builtAt = article.status === 'built' ? now : (previous?.builtAt ?? null);
        state.newsletters.set(article.file, { ...fields, builtAt });
        const wasFailing = state.articleProblems.delete(article.file);
        if (article.status === 'built' || wasFailing || previous?.slug !== article.slug) {
          change.newsletters.push({ file: article.file, slug: article.slug });
          change.files.push(article.file);
        }
        break;
      }
      case 'draft-skipped':
        if (state.newsletters.delete(article.file) || state.articleProblems.delete(article.file)) change.files.push(article.file);
        break;
      case 'failed': {
        state.articleProblems.set(article.file, article.error.problems);
        const lastGood = state.newsletters.get(article.file);
        if (lastGood) change.newsletters.push({ file: article.file, slug: lastGood.slug });
        change.files.push(article.file);
        break;
      }
    }
  }
  applyEditions(state, result, change, now); // edition hook
  if (full) {
    const present = new Set([...result.articles, ...(result.editions ?? [])].map((article) => article.file));
    for (const file of new Set([...state.newsletters.keys(), ...state.articleProblems.keys()])) {
      if (present.has(file)) continue;
      state.newsletters.delete(file);
      state.articleProblems.delete(file);
      change.files.push(file);
    }
  }
  state.buildProblems = [];
  state.lastBuild = { finishedAt: now, durationMs: result.durationMs };
  return change;
}

export function findNewsletter(state: PreviewState, slug: string): PreviewNewsletter | undefined {
  for (const newsletter of state.newsletters.values()) if (newsletter.slug === slug) return newsletter;
  return undefined;
}

/** Newest first; same date by title. */
export function sortNewestFirst(newsletters: Iterable<PreviewNewsletter>): PreviewNewsletter[] {
  return [...newsletters].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

/** Editions go into the same map as articles (keyed by their file), under `editions.<slug>`. */
function applyEditions(state: PreviewState, result: BuildResult, change: StateChange, now: Date): void {
  for (const edition of result.editions ?? []) {
    if (edition.status === 'failed') {
      state.articleProblems.set(edition.file, edition.error.problems);
      const lastGood = state.newsletters.get(edition.file);
      if (lastGood) change.newsletters.push({ file: edition.file, slug: lastGood.slug });
      change.files.push(edition.file);
      continue;
    }
    if (edition.status === 'draft-skipped') {
      if (state.newsletters.delete(edition.file) || state.articleProblems.delete(edition.file)) change.files.push(edition.file);
      continue;
    }
    const previous = state.newsletters.get(edition.file);
    const slug = `${EDITION_SLUG_PREFIX}${edition.slug}`;
    state.newsletters.set(edition.file, {
      file: edition.file,
      slug,
      title: edition.subject,
      subject: edition.subject,
      preheader: edition.preheader,
      category: previewText(state.config.locale).storyCount(edition.stories.length),
      date: edition.date,
      draft: edition.draft,
      htmlFile: edition.htmlFile,
      textFile: edition.textFile,
      htmlBytes: edition.htmlBytes,
      textBytes: edition.textBytes,
      findings: edition.findings,
      builtAt: edition.status === 'built' ? now : (previous?.builtAt ?? null),
      edition: { preheader: edition.preheader, stories: edition.stories },
    });
    const wasFailing = state.articleProblems.delete(edition.file);
    if (edition.status === 'built' || wasFailing || previous?.slug !== slug) {
      change.newsletters.push({ file: edition.file, slug });
      change.files.push(edition.file);
    }
  }
}
