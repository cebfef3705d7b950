import { statSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dedupeFindings, errorProblems, findingKey } from './check/report.js';
import type { CheckFinding } from './check/types.js';
import type { ResolvedConfig } from './config/config.js';
import type { NewsletterError} from './errors.js';
import { isNewsletterError, OutputError, UsageError, type Problem } from './errors.js';
import { emptyManifest, hashText, inputsKey, loadManifest, statFingerprint, writeManifest, type Manifest } from './io/build-cache.js';
import { keepClientSupport, restoreClientSupport } from './io/check-cache.js';
import type { runChecks as runChecksFunction } from './check/run-checks.js';
import { listArticleFiles, loadArticleSync } from './io/load-articles.js';
import { loadConfig } from './io/load-config.js';
import { loadTemplateSources } from './io/load-templates.js';
import { loadSkeletonStore, writeSkeletonStore } from './io/skeleton-cache.js';
import { createOutputWriter } from './io/output-writer.js';
import type { ArticleSource, RenderedNewsletter } from './pipeline/build-article.js';
import type { TemplateSources } from './pipeline/compile-templates.js';
import { emptySkeletonStore, type SkeletonStore } from './pipeline/skeleton-store.js';
import type { Article } from './pipeline/validate-article.js';

/** Articles whose files may still be being written while later ones render. */
const WRITES_IN_FLIGHT = 32;

/** What is known about an article file before it is built: its stat fingerprint, and its text unless it is unchanged. */
interface Probe {
  fingerprint: string | undefined;
  input?: ArticleSource;
}

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
  category: string;
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

export type ArticleResult =
  | ({ status: 'built' | 'cached' } & BuiltNewsletter)
  | { status: 'draft-skipped'; file: string; slug: string }
  | { status: 'failed'; file: string; error: NewsletterError };

export interface BuildResult {
  config: ResolvedConfig;
  /** One entry per article considered, in file order. */
  articles: ArticleResult[];
  /** Outputs deleted because their article is gone (project-relative). */
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
  durationMs: number;
}

export interface FastPathSummary {
  /** False with `fastPath: false`. */
  enabled: boolean;
  /** Articles filled into a compiled layout. */
  filled: number;
  /** Articles compiled with MJML although the fast path was on (shape or content it cannot render identically). */
  fallbacks: number;
  /** Layout skeletons compiled with MJML in this build; the others came from the cache under out/. */
  compiledSkeletons: number;
}

/**
 * Build newsletters into the output folder and return what was written. Per
 * article: skip when unchanged since the last build, else read, render,
 * write atomically. One article's failure is reported and the others go on.
 * Config and template errors stop the whole build (they affect every article).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const config = options.config ?? (await loadConfig({ root: options.root, configFile: options.configFile }));
  const sources = await loadTemplateSources(config.paths.templates, config.root);
  const key = inputsKey(sources, config);
  const manifest: Manifest = options.force ? emptyManifest(key) : await loadManifest(config.paths.out, key);
  const previous = { ...manifest.entries };
  const previousManifest = JSON.stringify(manifest);
  const useFastPath = options.fastPath ?? true;
  // Rendering is set up on first use: a build with nothing to do loads none of it.
  let renderer: Promise<Renderer> | undefined;
  const loadStore = !useFastPath ? undefined : options.force ? async () => emptySkeletonStore() : () => loadSkeletonStore(config.paths.out, key);
  const rendererFor = () => (renderer ??= createRenderer(sources, config, loadStore));

  // The checks load with the first article rendered, with the client-support verdicts of earlier builds.
  let checks: Promise<{ runChecks: typeof runChecksFunction }> | undefined;
  const loadChecks = () => (checks ??= restoreClientSupport(config.paths.out).then(() => import('./check/run-checks.js')));

  // One listing of the output folder instead of two stats per unchanged article.
  let outputListing: Promise<Set<string>> | undefined;
  const outputNames = () => (outputListing ??= readdir(config.paths.out).then((names) => new Set(names), () => new Set<string>()));

  const allFiles = await listArticleFiles(config.paths.articles);
  const files = options.files?.length ? options.files.map((file) => path.resolve(config.root, file)) : allFiles;
  if (options.files?.length) assertMarkdownFiles(files, config.root);

  const results: ArticleResult[] = [];
  const slugs = new Map<string, string>();
  const projectFindings = new Map<string, CheckFinding>();
  /** An article's own findings; those about a template or the config go to `projectFindings`, once. */
  const ownFindings = (findings: readonly CheckFinding[]): CheckFinding[] =>
    findings.filter((finding) => {
      if (finding.slug !== null) return true;
      projectFindings.set(findingKey(finding), finding);
      return false;
    });
  // Files are written while the next articles render; results are still
  // reported in file order, each once its files are in place.
  const writer = createOutputWriter();
  const writes = new WeakMap<ArticleResult, Promise<void>>();
  const unreported: { index: number; result: ArticleResult }[] = [];
  const reportOldest = async () => {
    const oldest = unreported.shift();
    if (!oldest) return;
    let { result } = oldest;
    try {
      await writes.get(result);
    } catch (error) {
      delete manifest.entries[result.file];
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      result = { status: 'failed', file: result.file, error: new OutputError(`cannot write the output (${reason}): check that ${config.paths.out} is writable`, { file: result.file, cause: error }) };
    }
    results.push(result);
    options.onArticle?.(result, oldest.index, files.length);
  };
  try {
    for (const [index, absolute] of files.entries()) {
      unreported.push({ index, result: await buildOne(absolute) });
      if (unreported.length > WRITES_IN_FLIGHT) await reportOldest();
    }
    while (unreported.length > 0) await reportOldest();
  } finally {
    await writer.close();
  }

  /**
   * What is known about an article file before it is built: its stat
   * fingerprint, and its text unless the fingerprint says it is unchanged
   * since it was last hashed. Reads block: on this kind of machine that costs
   * less than handing each one to libuv's thread pool (see output-writer.ts).
   */
  function probe(file: string): Probe {
    const shown = path.relative(config.root, file) || file;
    let fingerprint: string | undefined;
    try {
      fingerprint = statFingerprint(statSync(file));
    } catch {
      // reported by loadArticleSync below
    }
    if (fingerprint !== undefined && manifest.entries[shown]?.stat === fingerprint) return { fingerprint };
    return { fingerprint, input: loadArticleSync(file, config.root) };
  }

  async function buildOne(absolute: string): Promise<ArticleResult> {
    let shownFile = path.relative(config.root, absolute);
    try {
      const { fingerprint, input: probed } = probe(absolute);
      const unchanged = probed === undefined ? manifest.entries[shownFile] : undefined;
      const htmlFile = (slug: string) => path.join(config.paths.out, `${slug}.html`);
      const textFile = (slug: string) => path.join(config.paths.out, `${slug}.txt`);
      let hash = unchanged?.hash ?? '';
      let cached = unchanged;
      if (probed) {
        shownFile = probed.file;
        hash = hashText(probed.source);
        cached = manifest.entries[probed.file];
        if (cached?.hash === hash && fingerprint !== undefined) cached.stat = fingerprint; // touched, not changed
      }

      if (cached && cached.hash === hash) {
        if (cached.draft && !options.drafts) return { status: 'draft-skipped', file: shownFile, slug: cached.slug };
        claimSlug(cached.slug, shownFile);
        const outputs = await outputNames();
        if (outputs.has(`${cached.slug}.html`) && outputs.has(`${cached.slug}.txt`)) {
          const { stat: _stat, ...entry } = cached;
          return { status: 'cached', file: shownFile, ...entry, findings: ownFindings(entry.findings), htmlFile: htmlFile(cached.slug), textFile: textFile(cached.slug) };
        }
      }

      const input = probed ?? loadArticleSync(absolute, config.root);
      const { readArticle, render } = await rendererFor();
      const article = readArticle(input);
      if (article.draft && !options.drafts) {
        return { status: 'draft-skipped', file: input.file, slug: article.slug };
      }
      claimSlug(article.slug, input.file);
      const rendered = await render(article);
      const written = writer.write([
        { file: htmlFile(article.slug), content: rendered.html },
        { file: textFile(article.slug), content: rendered.text },
      ]);
      written.catch(() => undefined); // reported in file order
      const { runChecks } = await loadChecks(); // the HTML parser loads only when something is rendered
      const findings = runChecks({ ...rendered, config, file: input.file, templates: sources });
      const entry = {
        hash,
        slug: article.slug,
        title: article.title,
        category: article.category,
        date: article.date,
        draft: article.draft,
        htmlBytes: Buffer.byteLength(rendered.html),
        textBytes: Buffer.byteLength(rendered.text),
        findings,
      };
      manifest.entries[input.file] = fingerprint === undefined ? entry : { ...entry, stat: fingerprint };
      const how = { renderPath: rendered.renderPath, ...(rendered.fallbackReason === undefined ? {} : { fallbackReason: rendered.fallbackReason }) };
      const result: ArticleResult = { status: 'built', file: input.file, ...entry, findings: ownFindings(findings), htmlFile: htmlFile(article.slug), textFile: textFile(article.slug), ...how };
      writes.set(result, written);
      return result;
    } catch (error) {
      if (!isNewsletterError(error)) throw error;
      delete manifest.entries[shownFile]; // rebuilt next time, whatever the cache says
      return { status: 'failed', file: shownFile, error };
    }
  }

  function claimSlug(slug: string, file: string) {
    const owner = slugs.get(slug);
    if (owner !== undefined && owner !== file) {
      throw new UsageError(`${file}: the slug "${slug}" is already used by ${owner}: set a different "slug" in one of them`);
    }
    slugs.set(slug, file);
  }

  // Outputs of articles that no longer exist are removed, on full builds only.
  const removed: string[] = [];
  if (!options.files?.length) {
    const present = new Set(allFiles.map((file) => path.relative(config.root, file)));
    for (const [file, entry] of Object.entries(previous)) {
      if (present.has(file)) continue;
      delete manifest.entries[file];
      if (slugs.has(entry.slug)) continue;
      for (const extension of ['.html', '.txt']) {
        const output = path.join(config.paths.out, `${entry.slug}${extension}`);
        if (await exists(output)) {
          await rm(output, { force: true });
          removed.push(path.relative(config.root, output));
        }
      }
    }
  }
  if (JSON.stringify(manifest) !== previousManifest) await writeManifest(config.paths.out, manifest);
  if (checks) await keepClientSupport(config.paths.out);
  const summary: FastPathSummary = { enabled: useFastPath, filled: 0, fallbacks: 0, compiledSkeletons: 0 };
  const fastPath = renderer && (await renderer.catch(() => undefined))?.fastPath; // a failed set-up was reported per article
  if (fastPath?.changed) await writeSkeletonStore(config.paths.out, key, fastPath.store);
  summary.compiledSkeletons = fastPath?.compiledSkeletons ?? 0;
  for (const result of results) {
    if (result.status !== 'built' || !useFastPath) continue;
    if (result.renderPath === 'fast') summary.filled += 1;
    else summary.fallbacks += 1;
  }

  const problems = results.flatMap((result) => (result.status === 'failed' ? [...result.error.problems] : []));
  const shared = [...projectFindings.values()];
  problems.push(...errorProblems([...dedupeFindings(results.flatMap((result) => ('findings' in result ? result.findings : []))), ...shared]));
  return { config, articles: results, removed, problems, projectFindings: shared, fastPath: summary, durationMs: performance.now() - started };
}

interface Renderer {
  readArticle(input: { file: string; source: string }): Article;
  render(article: Article): Promise<RenderedNewsletter & { renderPath: 'fast' | 'full'; fallbackReason?: string }>;
  fastPath: { store: SkeletonStore; readonly changed: boolean; readonly compiledSkeletons: number } | undefined;
}

/**
 * Load the rendering stages (Handlebars, markdown-it, html-to-text, zod, …)
 * and compile the templates. With a skeleton store, articles go through the
 * fast path; without, each is compiled with MJML.
 */
async function createRenderer(sources: TemplateSources, config: ResolvedConfig, loadStore: (() => Promise<SkeletonStore>) | undefined): Promise<Renderer> {
  const [{ readArticle, renderNewsletter }, { compileTemplates }, { createFastPath }] = await Promise.all([
    import('./pipeline/build-article.js'),
    import('./pipeline/compile-templates.js'),
    import('./pipeline/fast-path.js'),
  ]);
  const templates = compileTemplates(sources);
  if (!loadStore) {
    return { readArticle, fastPath: undefined, render: async (article) => ({ ...(await renderNewsletter(article, config, templates)), renderPath: 'full' }) };
  }
  const loaded = await loadStore();
  const fastPath = createFastPath(templates, config, loaded);
  return {
    readArticle,
    render: (article) => fastPath.render(article),
    fastPath: {
      store: loaded,
      get changed() {
        return fastPath.changed;
      },
      get compiledSkeletons() {
        return fastPath.compiledSkeletons;
      },
    },
  };
}

function assertMarkdownFiles(files: readonly string[], root: string): void {
  for (const file of files) {
    if (!file.endsWith('.md')) throw new UsageError(`${path.relative(root, file)}: not a Markdown article: name a .md file in the articles folder`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
