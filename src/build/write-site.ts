import { lstatSync } from 'node:fs';
import { lstat, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { cacheFault, folderFault } from './disk-faults.js';
import type { ResolvedConfig } from '../config/config.js';
import { OutputError, type NewsletterError } from '../errors.js';
import { isSlug } from '../io/cache-schema.js';
import { loadSiteCache, SITE_CACHE_VERSION, siteCacheFile, writeSiteCache, type SiteCache, type SiteCacheEntry } from '../io/site-cache.js';
import { hashText } from '../io/build-cache.js';
import { writeFileAtomicSync } from '../io/write-output.js';
import type { Article } from '../pipeline/validate-article.js';
import type * as SiteRenderers from '../web/site-renderers.js';
import type { SiteEntry } from '../web/site-entry.js';
import { articleUrl, EDITIONS_FOLDER, WEB_FOLDER } from '../pipeline/web-urls.js';

/** An article the site may show: every non-draft article the build knows, built now or earlier. */
export interface SiteArticle {
  /** Project-relative path. */
  file: string;
  slug: string;
  /** sha256 of the article file (the manifest's `hash`); null when not known. */
  hash: string | null;
  /** The parsed article, when this build has it at hand (built now). */
  article?: Article;
  /**
   * The article failed in this build, or is not built and its file is gone
   * (a partial build): its last good page stays, as its email does, and
   * nothing new is made for it.
   */
  keepLastGood?: boolean;
}

export interface SiteInput {
  config: ResolvedConfig;
  /** The build's inputs key: a new one makes every page again. */
  key: string;
  /** Ignore the site cache: every page is made again. */
  force?: boolean;
  articles: readonly SiteArticle[];
  /**
   * The edition pages to list in the archive, feed and sitemap
   * (`kind: 'edition'`, `url` from `editionUrl()`). This module lists them;
   * their pages (`out/web/editions/<slug>/index.html`) are written by
   * write-edition-pages.ts.
   */
  editions: readonly SiteEntry[];
  /** Parses an article that was not built in this build (its page is missing or out of date). */
  readArticle(file: string): Promise<Article>;
  /** A failure of one article's page, reported like the article's own failures. */
  fail(file: string, error: unknown): NewsletterError;
}

export interface SiteResult {
  /** `out/web`, absolute. */
  folder: string;
  /** Article pages on the site after this build. */
  pages: number;
  /** Edition pages on the site after this build (set by buildSite). */
  editionPages?: number;
  /** Files written in this build (project-relative). */
  written: string[];
  /** Pages removed because their article is gone, became a draft or moved to another slug (project-relative). */
  removed: string[];
  /** Articles whose page could not be made; their last good page stays. */
  failures: NewsletterError[];
}

/**
 * Write the web version into `out/web/`: one page per published article
 * (`<slug>/index.html`), the archive (`index.html`), `feed.xml` and
 * `sitemap.xml`. Incremental like the emails: a page is made again only when
 * its article or the build's inputs changed or the page is missing; the
 * archive, feed and sitemap are written only when their content changed.
 * Pages whose article is gone, is a draft or took another slug are removed.
 * Deleting is confined to `out/web`: only `<slug>/index.html` of folders named
 * by the slug rule, then the folder when it is empty.
 */
export async function writeSite(input: SiteInput): Promise<SiteResult> {
  const { config } = input;
  const webBaseUrl = config.webBaseUrl;
  if (!webBaseUrl) throw new Error('writeSite needs webBaseUrl');
  const folder = path.join(config.paths.out, WEB_FOLDER);
  const shown = (file: string) => path.relative(config.root, file) || file;
  const cacheFile = siteCacheFile(config);
  const previous = input.force ? { version: 0, key: input.key, entries: {} } : await loadSiteCache(cacheFile, input.key);
  const next: SiteCache = { version: SITE_CACHE_VERSION, key: input.key, entries: {} };
  const written: string[] = [];
  const failures: NewsletterError[] = [];
  const pageFile = (slug: string) => path.join(folder, slug, 'index.html');
  const pageConfig = { ...config, webBaseUrl };
  let renderers: Promise<typeof SiteRenderers> | undefined;
  const load = () => (renderers ??= import('../web/site-renderers.js'));

  const slugs = new Set<string>();
  for (const source of input.articles) {
    const known = previous.entries[source.file];
    if (source.keepLastGood) {
      if (known && !slugs.has(known.entry.slug)) keep(source.file, known);
      continue;
    }
    if (slugs.has(source.slug) || !isSlug(source.slug)) continue;
    if (known && source.hash !== null && known.hash === source.hash && known.entry.slug === source.slug && (isFile(pageFile(source.slug)))) {
      keep(source.file, known);
      continue;
    }
    try {
      const article = source.article ?? (await input.readArticle(source.file));
      if (article.draft) continue; // drafts never appear, not even in a build with --drafts
      assertPageFolder(folder, article.slug, config.root);
      const { renderView, renderArticlePage, articleStructuredData } = await load();
      const view = renderView(article, config);
      const url = articleUrl(webBaseUrl, article.slug);
      const page = renderArticlePage({ view, config: pageConfig, url, structuredData: articleStructuredData({ view, url, webBaseUrl }) });
      writeFileAtomicSync(pageFile(article.slug), page);
      written.push(shown(pageFile(article.slug)));
      const entry: SiteCacheEntry['entry'] = {
        kind: 'article',
        slug: article.slug,
        url,
        title: article.title,
        category: article.category,
        date: article.date,
        teaser: article.teaser,
        author: article.author ?? null,
        image: article.image?.src ?? null,
      };
      keep(source.file, { hash: source.hash ?? '', entry });
    } catch (error) {
      const fault = folderFault(error, 'out', config);
      if (fault) throw fault; // the whole folder: one line for the build
      failures.push(input.fail(source.file, error));
      if (known && !slugs.has(known.entry.slug)) keep(source.file, known); // the last good page stays
    }
  }

  const removed = (await removeStalePages(folder, slugs, EDITIONS_FOLDER)).map(shown);

  // The archive, feed and sitemap: made again when what they list changed or one of them is missing.
  const entries: SiteEntry[] = [...Object.values(next.entries).map((cached) => cached.entry), ...input.editions];
  const lists = { archive: path.join(folder, 'index.html'), feed: path.join(folder, 'feed.xml'), sitemap: path.join(folder, 'sitemap.xml') };
  next.lists = hashText(JSON.stringify([...entries].sort((a, b) => `${a.kind}/${a.slug}`.localeCompare(`${b.kind}/${b.slug}`))));
  const listsMissing = !(isFile(lists.archive)) || !(isFile(lists.feed)) || !(isFile(lists.sitemap));
  if (next.lists !== previous.lists || listsMissing) {
    const { renderArchive, renderFeed, renderSitemap } = await load();
    const strings = config.strings;
    const shared: [string, string][] = [
      [lists.archive, renderArchive({ config: pageConfig, strings, entries })],
      [lists.feed, renderFeed({ brand: config.brand, webBaseUrl, strings, entries })],
      [lists.sitemap, renderSitemap(webBaseUrl, entries)],
    ];
    for (const [file, content] of shared) {
      if ((await readFile(file, 'utf8').catch(() => undefined)) === content) continue;
      try {
        writeFileAtomicSync(file, content);
      } catch (error) {
        throw folderFault(error, 'out', config) ?? error;
      }
      written.push(shown(file));
    }
  }
  // a page's hash is only kept when it is known; an entry without one is made again next time
  for (const [file, cached] of Object.entries(next.entries)) if (!/^[0-9a-f]{64}$/.test(cached.hash)) delete next.entries[file];
  if (JSON.stringify(next) !== JSON.stringify(previous)) {
    await writeSiteCache(cacheFile, next).catch((error: unknown) => {
      throw cacheFault(error, config) ?? error;
    });
  }
  return { folder, pages: slugs.size, written, removed, failures };

  function keep(file: string, cached: SiteCacheEntry): void {
    next.entries[file] = cached;
    slugs.add(cached.entry.slug);
  }
}

/**
 * Remove the pages of slugs the site no longer has: `<slug>/index.html`
 * directly inside `folder` (`out/web`, or its editions folder) for folder
 * names that follow the slug rule, and the folder once empty. A `folder` that
 * is not a real folder, symbolic links, other files and the folder named
 * `keep` are never touched.
 */
export async function removeStalePages(folder: string, current: ReadonlySet<string>, keep?: string): Promise<string[]> {
  const removed: string[] = [];
  try {
    if (!(await lstat(folder)).isDirectory()) return removed;
  } catch {
    return removed;
  }
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!isSlug(name) || current.has(name)) continue;
    const directory = path.join(folder, name);
    try {
      if (!(await lstat(directory)).isDirectory()) continue;
      const page = path.join(directory, 'index.html');
      if ((await lstat(page)).isFile()) {
        await rm(page);
        removed.push(page);
      }
    } catch {
      continue; // no page in it
    }
    if (name === keep) continue;
    await rmdir(directory).catch(() => undefined); // only when empty
  }
  return removed;
}

/**
 * A page goes into a real folder inside `out/web`: a symbolic link (or a
 * file) in its place would take the write elsewhere, so that page fails with
 * one line instead.
 */
export function assertPageFolder(folder: string, slug: string, root: string): void {
  const directory = path.join(folder, slug);
  let info;
  try {
    info = lstatSync(directory);
  } catch {
    return; // created with the page
  }
  if (info.isDirectory()) return;
  const shown = path.relative(root, directory) || directory;
  throw new OutputError(`cannot write the web page: ${shown} is ${info.isSymbolicLink() ? 'a symbolic link' : 'a file'}, not a folder: remove it and build again`, { file: shown });
}

/**
 * Blocking on purpose, as the page writes: on a 2-core machine each hand-over
 * to libuv's thread pool costs more than the call (see write-output.ts).
 */
export function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
