import { didYouMean, EditionError, formatProblem, type Problem } from '../errors.js';
import type { Edition, StoryPresentation } from './parse-edition.js';

/**
 * One article of the project as an edition sees it: what resolving a story
 * needs, without the article's text (kept between builds, so an unchanged
 * article is not parsed again).
 */
export interface IndexedArticle {
  /** Project-relative path. */
  file: string;
  /** The file name without `.md`, as an edition may name it. */
  baseName: string;
  /** sha256 of the file: part of the cache key of every edition that contains it. */
  hash: string;
  /** Null when the article does not build; `problem` says why. */
  slug: string | null;
  draft: boolean;
  /** Its `url` frontmatter key, or null. */
  url: string | null;
  /** Why it does not build (frontmatter, contract, a slug an earlier file has): its first problem. */
  problem?: Problem;
}

/** A story of an edition, found. */
export interface ResolvedStory {
  /** Project-relative path of the article. */
  file: string;
  slug: string;
  hash: string;
  presentation: StoryPresentation;
  /** Where a teaser's "Weiterlesen" (and a full story's web link) goes; null for a full story without one. */
  webUrl: string | null;
}

/** The web address of an article: its `url`, else `<webBaseUrl>/<slug>`, else null. */
export function articleWebUrl(article: { url: string | null; slug: string }, webBaseUrl: string | null): string | null {
  return article.url ?? (webBaseUrl ? `${webBaseUrl.replace(/\/+$/, '')}/${article.slug}` : null);
}

/**
 * Find each story's article and check that it can go into the edition. Every
 * problem of the edition is reported at once, each with the edition file, the
 * line of the story and its name: a story no article answers to (with a
 * did-you-mean), the same article twice, a draft (unless `drafts`), an article
 * that does not build, a teaser with nowhere to link. Pure.
 */
export function resolveStories(edition: Edition, index: readonly IndexedArticle[], options: { drafts: boolean; webBaseUrl: string | null }): ResolvedStory[] {
  const bySlug = new Map<string, IndexedArticle>();
  const byName = new Map<string, IndexedArticle>();
  for (const entry of index) {
    if (entry.slug !== null && !bySlug.has(entry.slug)) bySlug.set(entry.slug, entry);
    if (!byName.has(entry.baseName)) byName.set(entry.baseName, entry);
  }
  const problems: Problem[] = [];
  const resolved: ResolvedStory[] = [];
  const seen = new Map<string, number | undefined>();
  const { file } = edition;
  for (const story of edition.stories) {
    const problem = (message: string) => problems.push({ file, line: story.line, message: `story "${story.name}": ${message}` });
    const entry = bySlug.get(story.name) ?? byName.get(story.name);
    if (!entry) {
      const suggestion = didYouMean(story.name, [...bySlug.keys(), ...byName.keys()]);
      problem(`no article has this slug or file name${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: write the slug of an article in the articles folder`);
      continue;
    }
    if (seen.has(entry.file)) {
      const earlier = seen.get(entry.file);
      problem(`${entry.file} is already in this edition${earlier === undefined ? '' : ` (line ${earlier})`}: name each article once`);
      continue;
    }
    seen.set(entry.file, story.line);
    if (entry.slug === null) {
      const where = entry.problem ? formatProblem({ file: entry.problem.file ?? entry.file, line: entry.problem.line, message: '' }).replace(/: $/, '') : entry.file;
      problem(`the article does not build (${where}: ${entry.problem?.message ?? 'unknown error'}): fix the article first`);
      continue;
    }
    const slug = entry.slug;
    if (entry.draft && !options.drafts) {
      problem(`${entry.file} is a draft: publish it (draft: false), take it out of the edition, or build with --drafts`);
      continue;
    }
    const webUrl = articleWebUrl({ url: entry.url, slug }, options.webBaseUrl);
    if (story.presentation === 'teaser' && webUrl === null) {
      problem(`a teaser needs somewhere to link: give ${entry.file} a "url", set "webBaseUrl" in newsletter.config.json, or show the story in full ({article: ${story.name}, as: full})`);
      continue;
    }
    resolved.push({ file: entry.file, slug, hash: entry.hash, presentation: story.presentation, webUrl });
  }
  if (problems.length > 0) {
    const [first] = problems;
    throw new EditionError(first?.message ?? 'invalid stories', { file, line: first?.line, problems });
  }
  return resolved;
}
