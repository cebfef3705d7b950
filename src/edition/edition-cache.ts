import path from 'node:path';
import type { CheckFinding } from '../check/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { hashText } from '../io/build-cache.js';
import { isCount, isFindings, isRecord, isSlug, isString } from '../io/cache-schema.js';
import { fileEntries, readCacheJson } from '../io/read-cache.js';
import { writeFileAtomic } from '../io/write-output.js';
import type { Edition } from './parse-edition.js';
import type { IndexedArticle, ResolvedStory } from './validate-edition.js';

const EDITION_CACHE_VERSION = 2;

/** A story's part of a built edition. */
export interface StoryShare extends Pick<ResolvedStory, 'file' | 'slug' | 'presentation'> {
  title: string;
  /** UTF-8 bytes of the story's part of the email HTML (from its anchor to the next story's). */
  htmlBytes: number;
}

/** What the last build made of one edition, enough to skip it next time. */
export interface EditionEntry {
  /** sha256 of the edition file. */
  hash: string;
  /** The edition as parsed from that file (so an unchanged edition is not parsed again). */
  edition: Edition;
  /** Hash of everything the outputs were made from: edition, stories, templates, config, drafts. */
  key: string;
  /** The inbox preview text as sent (the edition's preheader, else its first story's teaser). */
  preheader: string;
  htmlBytes: number;
  textBytes: number;
  stories: StoryShare[];
  findings: CheckFinding[];
}

/** The edition cache: the article index (so unchanged articles are not parsed again) and one entry per edition file. */
export interface EditionCache {
  version: number;
  /** Keyed by project-relative article path. */
  articles: Record<string, IndexedArticle>;
  /** Keyed by project-relative edition path. */
  entries: Record<string, EditionEntry>;
}

export function emptyEditionCache(): EditionCache {
  return { version: EDITION_CACHE_VERSION, articles: {}, entries: {} };
}

/** One per output folder, next to the article manifest. */
export function editionCacheFile(config: Pick<ResolvedConfig, 'root' | 'cacheDir' | 'paths'>): string {
  const outputId = hashText(path.relative(config.root, config.paths.out) || '.').slice(0, 12);
  return path.join(config.cacheDir, `edition-manifest-${outputId}.json`);
}

/**
 * The cache of the last build; an empty one when missing or unreadable. The
 * cache folder is untrusted input: every entry is checked and dropped when it
 * does not match (that edition is built again, that article parsed again).
 */
export async function loadEditionCache(file: string): Promise<EditionCache> {
  const cache = emptyEditionCache();
  const data = await readCacheJson(file);
  if (!isRecord(data) || data.version !== EDITION_CACHE_VERSION || !isRecord(data.articles) || !isRecord(data.entries)) return cache;
  cache.articles = fileEntries<IndexedArticle>(data.articles, (value, key) => isIndexedArticle(value) && value.file === key);
  cache.entries = fileEntries<EditionEntry>(data.entries, (value, key) => isEditionEntry(value) && value.edition.file === key);
  return cache;
}

export async function writeEditionCache(file: string, cache: EditionCache): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(cache, null, 1)}\n`);
}

const isLine = (value: unknown) => value === undefined || (isCount(value) && value > 0);
const isHash = (value: unknown) => isString(value) && /^[0-9a-f]{64}$/.test(value);
const isPresentation = (value: unknown) => value === 'full' || value === 'teaser';

function isIndexedArticle(value: unknown): value is IndexedArticle {
  if (!isRecord(value)) return false;
  const { file, baseName, hash, slug, draft, url, problem } = value;
  const problemOk = problem === undefined || (isRecord(problem) && isString(problem.message) && (problem.file === undefined || isString(problem.file)) && isLine(problem.line));
  return isString(file) && isString(baseName) && isHash(hash) && (slug === null || isSlug(slug)) && typeof draft === 'boolean' && (url === null || isString(url)) && problemOk;
}

function isEdition(value: unknown): value is Edition {
  if (!isRecord(value)) return false;
  const { file, slug, subject, date, preheader, draft, intro, stories } = value;
  return (
    isString(file) &&
    isSlug(slug) &&
    isString(subject) &&
    isString(date) &&
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    (preheader === undefined || isString(preheader)) &&
    typeof draft === 'boolean' &&
    isString(intro) &&
    Array.isArray(stories) &&
    stories.length > 0 &&
    stories.every((story) => isRecord(story) && isString(story.name) && isPresentation(story.presentation) && isLine(story.line))
  );
}

function isEditionEntry(value: unknown): value is EditionEntry {
  if (!isRecord(value)) return false;
  const { hash, edition, key, preheader, htmlBytes, textBytes, stories, findings } = value;
  return (
    isHash(hash) &&
    isEdition(edition) &&
    isHash(key) &&
    isString(preheader) &&
    isCount(htmlBytes) &&
    isCount(textBytes) &&
    Array.isArray(stories) &&
    stories.every((story) => isRecord(story) && isString(story.file) && isSlug(story.slug) && isPresentation(story.presentation) && isString(story.title) && isCount(story.htmlBytes)) &&
    isFindings(findings)
  );
}
