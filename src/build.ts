import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildDocument, markFailed, type DocumentContext, type DocumentOutcome } from './build/build-document.js';
import { cacheFault, folderFault, outputFailure, type FaultyFolder } from './build/disk-faults.js';
import { knownArticles } from './build/known-articles.js';
import { removeOutputs } from './build/remove-outputs.js';
import { createRenderer, type Renderer } from './build/renderer.js';
import { createSlugClaims, type KnownArticle } from './build/slug-claims.js';
import { dedupeFindings, errorProblems, findingKey } from './check/report.js';
import type { runChecks } from './check/run-checks.js';
import type { CheckFinding } from './check/types.js';
import type { ResolvedConfig } from './config/config.js';
import { UsageError, type NewsletterError, type OutputError, type Problem } from './errors.js';
import { emptyManifest, inputsKey, loadManifest, manifestFile, writeManifest, type Manifest } from './io/build-cache.js';
import { keepClientSupport, restoreClientSupport } from './check/client-support-cache.js';
import { checkCacheFile } from './io/check-cache.js';
import { isMarkdownFile, listArticleFiles } from './io/load-articles.js';
import { loadConfig } from './io/load-config.js';
import { loadTemplateSources } from './io/load-templates.js';
import { createOutputWriter } from './io/output-writer.js';
import { skeletonFile, writeSkeletonStore } from './io/skeleton-cache.js';
// Editions (src/edition/): built after the articles, from the same config and templates.
import { editionsAfterArticles, splitNamedFiles, type EditionResult } from './build/build-editions.js';
import type { Article } from './pipeline/validate-article.js';
import type { SiteResult } from './build/write-site.js';

/** Articles whose files may still be being written while later ones render. */
const WRITES_IN_FLIGHT = 32;
/** Where earlier versions kept their caches, inside the output folder; removed on sight. */
const LEGACY_CACHE_FILES = ['.build-manifest.json', '.build-skeletons.json', '.build-checks.json'];

export interface BuildOptions {
  /** Project root; config, articles, templates and out are found from here. @default process.cwd() */
  root?: string;
  /** Config file, relative to root. @default "newsletter.config.json" when present */
  configFile?: string;
  /** An already resolved config; when set, `root` and `configFile` are not read. */
  config?: ResolvedConfig;
  /** Articles to build (paths relative to root or absolute). @default every `*.md` in the articles folder */
  files?: readonly string[];
  /** Build articles with `draft: true` too. @default false */
  drafts?: boolean;
  /** Ignore the incremental cache and rebuild everything. @default false */
  force?: boolean;
  /**
   * Compile each layout shape with MJML once and fill articles into it (see
   * src/pipeline/fast-path.ts); `false` compiles every newsletter with MJML,
   * the reference path. Output is the same either way. @default true
   */
  fastPath?: boolean;
  /** Called as each article is done, for progress output. */
  onArticle?: (result: ArticleResult, index: number, total: number) => void;
}

/** A newsletter that is in the output folder, built now or unchanged from an earlier build. */
export interface BuiltNewsletter {
  file: string;
  slug: string;
  title: string;
  /** The email subject and inbox line: the article's `subject`, else its title; a test send puts the config's `subjectPrefix` before it. */
  subject: string;
  /** The inbox preview line: the article's preheader, else its teaser. */
  preheader: string;
  category: string;
  /** YYYY-MM-DD */
  date: string;
  draft: boolean;
  htmlFile: string;
  textFile: string;
  htmlBytes: number;
  textBytes: number;
  /** Built only: `fast` when filled into a compiled layout, `full` when compiled with MJML. */
  renderPath?: 'fast' | 'full';
  /** Built only: why the full path was taken although the fast path was on. */
  fallbackReason?: string;
  /** The checks' findings about this article; those about a template or the config are in `BuildResult.projectFindings`. */
  findings: CheckFinding[];
}

/** What became of one document of a build, an article or an edition. */
export type DocumentResult<Built> =
  | ({ status: 'built' | 'cached' } & Built)
  | { status: 'draft-skipped'; file: string; slug: string }
  | { status: 'failed'; file: string; error: NewsletterError };

export type ArticleResult = DocumentResult<BuiltNewsletter>;

export interface BuildResult {
  config: ResolvedConfig;
  /** One entry per article considered, in file order. */
  articles: ArticleResult[];
  /** Outputs deleted because their article is gone or builds under another slug (project-relative). */
  removed: string[];
  /** Every problem of the run, one line each. */
  problems: Problem[];
  /**
   * Findings about a template or the config (`slug: null`): they hold for every
   * newsletter and are reported here once per build, not under each article
   * (always set by `build()`).
   */
  projectFindings?: CheckFinding[];
  /** How the built articles were rendered (always set by `build()`). */
  fastPath?: FastPathSummary;
  /**
   * Editions (`editions/*.md`), in file order (always set by `build()`). A
   * build of named articles lists only the editions it rebuilt because one of
   * their stories changed.
   */
  editions?: EditionResult[];
  /** The web version in `out/web/` (README, "The web version"); set when `webBaseUrl` is. */
  web?: SiteResult;
  durationMs: number;
}

export interface FastPathSummary {
  /** False with `fastPath: false`. */
  enabled: boolean;
  /** Articles filled into a compiled layout. */
  filled: number;
  /** Articles compiled with MJML although the fast path was on (shape or content it cannot render identically). */
  fallbacks: number;
  /** Layout skeletons compiled with MJML in this build; the others came from the cache. */
  compiledSkeletons: number;
}

/**
 * Build newsletters into the output folder and return what was written.
 * Each article goes through `buildDocument` (src/build/build-document.ts),
 * whose failures, expected or not, stop only that article. This function
 * orchestrates: it checks the folders, loads the caches, decides which
 * articles to build (a partial build checks slugs against all articles and
 * also builds the ones whose slug it takes or frees), reports results in file
 * order as their files land, removes outputs no article owns any more, and
 * saves the caches. Config and template errors and faults of a whole folder
 * stop the build with one line (they affect every article).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const config = options.config ?? (await loadConfig({ root: options.root, configFile: options.configFile }));
  await assertFolders(config);
  const sources = await loadTemplateSources(config.paths.templates, config.root);
  const key = inputsKey(sources, config);
  const manifestPath = manifestFile(config);
  const manifest: Manifest = options.force ? emptyManifest(key) : await loadManifest(manifestPath, key);
  const previous = { ...manifest.entries };
  const previousManifest = JSON.stringify(manifest);
  const useFastPath = options.fastPath ?? true;
  const drafts = options.drafts ?? false;

  // Rendering is set up on first use: a build with nothing to do loads none of it.
  let renderer: Promise<Renderer> | undefined;
  const storePath = skeletonFile(config.cacheDir);
  const rendererFor = () => (renderer ??= createRenderer(sources, config, { fastPath: useFastPath, force: options.force ?? false, inputsKey: key }));

  // One listing of the output folder instead of two stats per unchanged article.
  let outputListing: Promise<Set<string>> | undefined;
  const outputNames = () => (outputListing ??= readdir(config.paths.out).then((names) => new Set(names), () => new Set<string>()));

  const allFiles = await listArticleFiles(config.paths.articles);
  const partial = Boolean(options.files?.length);
  const named = splitNamedFiles(options.files ?? [], config); // edition hook: named editions are built after the articles
  const queue = partial ? namedArticles(named.articles, config) : [...allFiles];
  const queued = new Set(queue);
  const shown = (file: string) => path.relative(config.root, file) || file;
  let others: KnownArticle[] = [];
  if (partial && queue.length > 0) others = await knownArticles(allFiles.filter((file) => !queued.has(file)), config, manifest, drafts, rendererFor);
  const othersByFile = new Map(others.map((other) => [other.file, other]));
  const claims = createSlugClaims(others);

  // The checks load with the first article rendered, with the client-support verdicts of earlier builds.
  const checkCache = checkCacheFile(config.cacheDir);
  let checks: Promise<{ runChecks: typeof runChecks }> | undefined;
  const checksFor = () => (checks ??= restoreClientSupport(checkCache).then(() => import('./check/run-checks.js')));

  const results: ArticleResult[] = [];
  /** Articles built now, parsed, for the web version. */
  const built = new Map<string, Article>();
  const projectFindings = new Map<string, CheckFinding>();
  const writer = createOutputWriter();
  const context: DocumentContext = { config, drafts, templates: sources, manifest, claims, renderer: rendererFor, checks: checksFor, outputNames, writer, projectFindings };
  // Files are written while the next articles render; results are still
  // reported in file order, each once its files are in place.
  const unreported: { index: number; outcome: DocumentOutcome }[] = [];
  let fault: NewsletterError | undefined;
  const reportOldest = async () => {
    const oldest = unreported.shift();
    if (!oldest) return;
    let { result } = oldest.outcome;
    try {
      await oldest.outcome.written;
    } catch (error) {
      markFailed(manifest, result.file, previous[result.file]);
      fault ??= folderFault(error, 'out', config);
      if (fault) return; // reported once, for the whole folder
      result = { status: 'failed', file: result.file, error: outputFailure(result.file, error, config) };
    }
    results.push(result);
    options.onArticle?.(result, oldest.index, queue.length);
  };
  try {
    for (let index = 0; index < queue.length && !fault; index++) {
      const absolute = queue[index] as string;
      const outcome = await buildDocument(context, absolute);
      if (outcome.article && config.webBaseUrl) built.set(outcome.result.file, outcome.article);
      unreported.push({ index, outcome });
      // A partial build also builds the other articles whose slug this one takes or frees.
      if (partial) {
        const { result } = outcome;
        const before = previous[result.file]?.slug;
        const affected = result.status === 'built' || result.status === 'cached' ? [result.slug, ...(before !== undefined && before !== result.slug ? [before] : [])] : [];
        for (const slug of affected) {
          for (const other of claims.othersWith(slug)) {
            const file = path.resolve(config.root, other.file);
            if (!queued.has(file) && othersByFile.has(other.file)) {
              queued.add(file);
              queue.push(file);
            }
          }
        }
      }
      if (unreported.length > WRITES_IN_FLIGHT) await reportOldest();
    }
    while (unreported.length > 0) await reportOldest();
  } finally {
    await writer.close();
  }

  const removed: string[] = [];
  const layouts = renderer && (await renderer.catch(() => undefined))?.layouts; // a failed set-up was reported per article
  if (fault) {
    // Nothing more can be written there; what was built is remembered, then the build stops with one line.
    await saveCaches().catch(() => undefined);
    throw fault;
  }

  // Outputs whose slug no article has any more: of deleted articles (full builds) and of articles now under another slug.
  const byFile = new Map(results.map((result) => [result.file, result]));
  const present = new Set(allFiles.map(shown));
  const freed = new Set<string>();
  for (const [file, entry] of Object.entries(previous)) {
    const result = byFile.get(file);
    if (!result) {
      if (partial || present.has(file)) continue;
      delete manifest.entries[file]; // the article is gone
      freed.add(entry.slug);
    } else if (result.status !== 'failed' && result.slug !== entry.slug) {
      freed.add(entry.slug);
    }
  }
  const stillUsed = new Set(results.flatMap((result) => (result.status === 'draft-skipped' ? [result.slug] : [])));
  for (const slug of freed) {
    if (claims.ownerOf(slug) !== undefined || stillUsed.has(slug) || claims.othersWith(slug).length > 0) continue;
    removed.push(...(await removeOutputs(config.paths.out, slug, config.root)));
  }
  if (Object.keys(previous).length === 0) await removeLegacyCaches(config.paths.out);
  await saveCaches();

  // Edition hook (src/build/build-editions.ts): the editions, after the articles.
  const editionBuild = await editionsAfterArticles({ config, drafts, force: options.force ?? false, partial, named, templates: sources, inputsKey: key, checks: checksFor }).catch((error: unknown) => {
    throw folderFault(error, 'out', config) ?? error;
  });
  removed.push(...editionBuild.removed);
  for (const finding of editionBuild.projectFindings) projectFindings.set(findingKey(finding), finding);
  if (checks) await keepClientSupport(checkCache).catch(() => undefined);

  // The web version: pages, archive, feed and sitemap from the results (src/build/build-site.ts).
  let web: SiteResult | undefined;
  if (config.webBaseUrl) {
    const { buildSite } = await import('./build/build-site.js');
    web = await buildSite({ config, key, force: options.force ?? false, results, manifest, built, partial, others, editions: editionBuild.editions });
  }

  const summary: FastPathSummary = { enabled: useFastPath, filled: 0, fallbacks: 0, compiledSkeletons: layouts?.compiledSkeletons ?? 0 };
  for (const result of results) {
    if (result.status !== 'built' || !useFastPath) continue;
    if (result.renderPath === 'fast') summary.filled += 1;
    else summary.fallbacks += 1;
  }
  const editions = editionBuild.editions;
  const problems = [...results, ...editions].flatMap((result) => (result.status === 'failed' ? [...result.error.problems] : []));
  const shared = [...projectFindings.values()];
  const ownFindings = [...results, ...editions].flatMap((result) => ('findings' in result ? result.findings : []));
  problems.push(...errorProblems([...dedupeFindings(ownFindings), ...shared]));
  if (web) problems.push(...web.failures.flatMap((failure) => failure.problems));
  return { config, articles: results, removed, problems, projectFindings: shared, fastPath: summary, editions, ...(web ? { web } : {}), durationMs: performance.now() - started };

  /** The manifest and the compiled layouts, when they changed; a disk fault is one line naming the cache folder. */
  async function saveCaches(): Promise<void> {
    try {
      if (JSON.stringify(manifest) !== previousManifest) await writeManifest(manifestPath, manifest);
      if (layouts?.changed) await writeSkeletonStore(storePath, key, layouts.store);
      if (checks) await keepClientSupport(checkCache);
    } catch (error) {
      throw cacheFault(error, config) ?? error;
    }
  }
}

/**
 * The articles named on the command line (or by the watcher), absolute.
 * Only Markdown files directly in the articles folder: the same set a full
 * build sees, so no other file can take an article's output.
 */
function namedArticles(files: readonly string[], config: ResolvedConfig): string[] {
  const articlesDir = path.resolve(config.paths.articles);
  const resolved = files.map((file) => path.resolve(config.root, file));
  for (const file of resolved) {
    const shown = path.relative(config.root, file) || file;
    if (!isMarkdownFile(file)) throw new UsageError(`${shown}: not a Markdown article: name a .md file in the articles folder`);
    if (path.dirname(file) !== articlesDir) throw new UsageError(`${shown}: not in the articles folder: name a .md file in ${path.relative(config.root, articlesDir) || '.'}/`);
  }
  return [...new Set(resolved)];
}

/**
 * The output and cache folders must be folders (or not exist yet): a
 * setting that points at a file is one line, not a failure of every write.
 */
async function assertFolders(config: ResolvedConfig): Promise<void> {
  const checks: [string, FaultyFolder][] = [
    [config.paths.out, 'out'],
    [config.cacheDir, 'cache'],
  ];
  for (const [folder, which] of checks) {
    let isFolder = true;
    try {
      isFolder = (await stat(folder)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // created by the first write
      if (code !== 'ENOTDIR') throw folderFault(error, which, config) ?? error;
      isFolder = false;
    }
    if (!isFolder) throw folderFault(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), which, config) as OutputError;
  }
}

async function removeLegacyCaches(outDir: string): Promise<void> {
  await Promise.all(LEGACY_CACHE_FILES.map((name) => rm(path.join(outDir, name), { force: true }).catch(() => undefined)));
}
