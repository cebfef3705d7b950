import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { editionCacheFile, loadEditionCache, type EditionEntry } from '../edition/edition-cache.js';
import { OutputError, type NewsletterError } from '../errors.js';
import { hashText } from '../io/build-cache.js';
import { isEditionPageEntry, isRecord } from '../io/cache-schema.js';
import { fileEntries, readCacheJson } from '../io/read-cache.js';
import { writeFileAtomic, writeFileAtomicSync } from '../io/write-output.js';
import { fallbackText, personaliseArticle } from '../pipeline/personalise.js';
import { articleUrl, EDITIONS_FOLDER, editionUrl, WEB_FOLDER } from '../pipeline/web-urls.js';
import type { SiteEntry } from '../web/site-entry.js';
import type { EditionResult } from './build-editions.js';
import { cacheFault, folderFault } from './disk-faults.js';
import { assertPageFolder, isFile, removeStalePages } from './write-site.js';

const EDITION_PAGES_VERSION = 1;

/** What the last build wrote for one edition's page. */
interface EditionPageEntry {
  /** The edition's build key (its file, stories, templates, config) with the site's: the page is made again when it changes. */
  key: string;
  entry: SiteEntry & { kind: 'edition' };
}

interface EditionPagesCache {
  version: number;
  key: string;
  /** Keyed by project-relative edition path. */
  entries: Record<string, EditionPageEntry>;
}

export interface EditionPagesInput {
  config: ResolvedConfig;
  /** The build's inputs key: a new one makes every page again. */
  key: string;
  force: boolean;
  /** This build's edition results (a partial build reports only some: the others keep their pages). */
  results: readonly EditionResult[];
  fail(file: string, error: unknown): NewsletterError;
}

export interface EditionPagesResult {
  /** How the archive, feed and sitemap list the edition pages. */
  entries: SiteEntry[];
  written: string[];
  removed: string[];
  failures: NewsletterError[];
}

/**
 * The edition pages of the web version: `out/web/editions/<slug>/index.html`
 * for every published edition the edition build knows (built now or
 * unchanged; drafts never, not even with --drafts). Incremental like the
 * article pages: a page is made again only when its edition's build key or
 * the build's inputs changed, or the page is missing. An edition that failed
 * keeps its last good page; pages of editions that are gone, became drafts
 * or took another slug are removed, only inside `out/web/editions`.
 */
export async function writeEditionPages(input: EditionPagesInput): Promise<EditionPagesResult> {
  const { config } = input;
  const webBaseUrl = config.webBaseUrl;
  if (!webBaseUrl) throw new Error('writeEditionPages needs webBaseUrl');
  const folder = path.join(config.paths.out, WEB_FOLDER, EDITIONS_FOLDER);
  const shown = (file: string) => path.relative(config.root, file) || file;
  const cacheFile = editionPagesCacheFile(config);
  const previous: EditionPagesCache = input.force ? { version: 0, key: input.key, entries: {} } : await loadEditionPagesCache(cacheFile, input.key);
  const next: EditionPagesCache = { version: EDITION_PAGES_VERSION, key: input.key, entries: {} };
  const editions = await loadEditionCache(editionCacheFile(config));
  const results = new Map(input.results.map((result) => [result.file, result]));
  const written: string[] = [];
  const failures: NewsletterError[] = [];
  const slugs = new Set<string>();
  const pageFile = (slug: string) => path.join(folder, slug, 'index.html');
  const keep = (file: string, cached: EditionPageEntry) => {
    if (slugs.has(cached.entry.slug)) return;
    next.entries[file] = cached;
    slugs.add(cached.entry.slug);
  };

  for (const file of Object.keys(editions.entries).sort()) {
    const entry = editions.entries[file] as EditionEntry;
    const result = results.get(file);
    const known = previous.entries[file];
    if (result?.status === 'draft-skipped') continue;
    if (result === undefined && !isFile(path.join(config.root, file))) continue; // gone (a partial build keeps its edition entry)
    if (result?.status === 'failed' || /^0+$/.test(entry.key)) {
      if (known) keep(file, known); // the last good page stays, as the email does
      continue;
    }
    if (entry.edition.draft || (result !== undefined && result.draft)) continue;
    const slug = entry.edition.slug;
    if (slugs.has(slug)) continue;
    const key = hashText(JSON.stringify([entry.key, webBaseUrl]));
    if (known && known.key === key && known.entry.slug === slug && isFile(pageFile(slug))) {
      keep(file, known);
      continue;
    }
    try {
      assertPageFolder(path.dirname(folder), EDITIONS_FOLDER, config.root);
      assertPageFolder(folder, slug, config.root);
      const { page, listed } = await renderEntry(entry, config, webBaseUrl);
      writeFileAtomicSync(pageFile(slug), page);
      written.push(shown(pageFile(slug)));
      keep(file, { key, entry: listed });
    } catch (error) {
      const fault = folderFault(error, 'out', config);
      if (fault) throw fault;
      failures.push(input.fail(file, error));
      if (known) keep(file, known);
    }
  }

  const removed = (await removeStalePages(folder, slugs)).map(shown);
  if (JSON.stringify(next) !== JSON.stringify(previous)) {
    await writeFileAtomic(cacheFile, `${JSON.stringify(next, null, 1)}\n`).catch((error: unknown) => {
      throw cacheFault(error, config) ?? error;
    });
  }
  return { entries: Object.values(next.entries).map((cached) => cached.entry), written, removed, failures };
}

/** One edition's page and its entry in the lists; personal fields show their fallback (a web page has no reader to fill them). */
async function renderEntry(
  entry: EditionEntry,
  config: ResolvedConfig,
  webBaseUrl: string,
): Promise<{ page: string; listed: EditionPageEntry['entry'] }> {
  const { edition } = entry;
  const fields = config.esp.fields;
  const fallback = (text: string) => fallbackText(text, fields);
  // parsing loads zod, yaml and markdown-it: only when a page has to be made
  const [{ readArticle }, { renderView, formatDate }, { renderMarkdown }, { renderEditionPage }] = await Promise.all([
    import('../pipeline/build-article.js'),
    import('../pipeline/render-view.js'),
    import('../pipeline/render-markdown.js'),
    import('../web/render-edition-page.js'),
  ]);
  const stories = entry.stories.map((story) => {
    let source: string;
    try {
      source = readFileSync(path.join(config.root, story.file), 'utf8');
    } catch (error) {
      throw new OutputError(`cannot make the web page: story "${story.slug}": ${story.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): build again`, { file: edition.file });
    }
    const article = personaliseArticle(readArticle({ file: story.file, source }), fallback);
    return { view: renderView(article, config), presentation: story.presentation, href: articleUrl(webBaseUrl, article.slug) };
  });
  const url = editionUrl(webBaseUrl, edition.slug);
  const subject = fallback(edition.subject);
  const dateLabel = formatDate(edition.date, config.strings.languageTag);
  const page = renderEditionPage({
    config: { ...config, webBaseUrl },
    strings: config.strings,
    url,
    subject,
    description: entry.preheader,
    date: edition.date,
    dateLabel,
    introHtml: edition.intro === '' ? null : renderMarkdown(fallback(edition.intro), config.locale),
    stories,
  });
  const image = stories.find((story) => story.view.image !== null)?.view.image?.src ?? null;
  return {
    page,
    listed: {
      kind: 'edition',
      slug: edition.slug,
      url,
      title: subject,
      category: config.strings.editionLabel,
      date: edition.date,
      teaser: entry.preheader,
      author: null,
      image: image !== null && /^https:\/\/\S+$/.test(image) ? image : null,
    },
  };
}

function editionPagesCacheFile(config: Pick<ResolvedConfig, 'root' | 'cacheDir' | 'paths'>): string {
  const outputId = hashText(path.relative(config.root, config.paths.out) || '.').slice(0, 12);
  return path.join(config.cacheDir, `web-editions-${outputId}.json`);
}

/** The cache of the last build's edition pages; every entry is checked and dropped when it does not match (that page is made again). */
async function loadEditionPagesCache(file: string, key: string): Promise<EditionPagesCache> {
  const cache: EditionPagesCache = { version: EDITION_PAGES_VERSION, key, entries: {} };
  const data = await readCacheJson(file);
  if (!isRecord(data) || data.version !== EDITION_PAGES_VERSION || data.key !== key || !isRecord(data.entries)) return cache;
  cache.entries = fileEntries<EditionPageEntry>(data.entries, isEditionPageEntry);
  return cache;
}
