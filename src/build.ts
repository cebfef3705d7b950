import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dedupeFindings, errorProblems } from './check/report.js';
import type { CheckFinding } from './check/types.js';
import type { ResolvedConfig } from './config/config.js';
import type { NewsletterError} from './errors.js';
import { isNewsletterError, UsageError, type Problem } from './errors.js';
import { emptyManifest, hashText, inputsKey, loadManifest, writeManifest, type Manifest } from './io/build-cache.js';
import { listArticleFiles, loadArticle } from './io/load-articles.js';
import { loadConfig } from './io/load-config.js';
import { loadTemplateSources } from './io/load-templates.js';
import { writeFileAtomic } from './io/write-output.js';
import { readArticle, renderNewsletter } from './pipeline/build-article.js';
import { compileTemplates, type CompiledTemplates } from './pipeline/compile-templates.js';

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
  /** Called as each article is done, for progress output. */
  onArticle?: (result: ArticleResult, index: number, total: number) => void;
}

export type ArticleResult =
  | { status: 'built' | 'cached'; file: string; slug: string; title: string; category: string; date: string; draft: boolean; htmlFile: string; textFile: string; htmlBytes: number; textBytes: number; findings: CheckFinding[] }
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
  durationMs: number;
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
  let templates: CompiledTemplates | undefined; // compiled on first use: a no-op build never needs them
  const key = inputsKey(sources, config);
  const manifest: Manifest = options.force ? emptyManifest(key) : await loadManifest(config.paths.out, key);
  const previous = { ...manifest.entries };

  const allFiles = await listArticleFiles(config.paths.articles);
  const files = options.files?.length ? options.files.map((file) => path.resolve(config.root, file)) : allFiles;
  if (options.files?.length) await assertMarkdownFiles(files, config.root);

  const results: ArticleResult[] = [];
  const slugs = new Map<string, string>();
  for (const [index, absolute] of files.entries()) {
    const result = await buildOne(absolute);
    results.push(result);
    options.onArticle?.(result, index, files.length);
  }

  async function buildOne(absolute: string): Promise<ArticleResult> {
    let shownFile = path.relative(config.root, absolute);
    try {
      const input = await loadArticle(absolute, config.root);
      shownFile = input.file;
      const hash = hashText(input.source);
      const cached = manifest.entries[input.file];
      const htmlFile = (slug: string) => path.join(config.paths.out, `${slug}.html`);
      const textFile = (slug: string) => path.join(config.paths.out, `${slug}.txt`);

      if (cached && cached.hash === hash) {
        if (cached.draft && !options.drafts) return { status: 'draft-skipped', file: input.file, slug: cached.slug };
        claimSlug(cached.slug, input.file);
        if ((await exists(htmlFile(cached.slug))) && (await exists(textFile(cached.slug)))) {
          return { status: 'cached', file: input.file, ...cached, htmlFile: htmlFile(cached.slug), textFile: textFile(cached.slug) };
        }
      }

      const article = readArticle(input);
      if (article.draft && !options.drafts) {
        return { status: 'draft-skipped', file: input.file, slug: article.slug };
      }
      claimSlug(article.slug, input.file);
      templates ??= compileTemplates(sources);
      const rendered = await renderNewsletter(article, config, templates);
      await writeFileAtomic(htmlFile(article.slug), rendered.html);
      await writeFileAtomic(textFile(article.slug), rendered.text);
      const { runChecks } = await import('./check/run-checks.js'); // the HTML parser loads only when something is rendered
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
      manifest.entries[input.file] = entry;
      return { status: 'built', file: input.file, ...entry, htmlFile: htmlFile(article.slug), textFile: textFile(article.slug) };
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
      if ([...slugs.keys()].includes(entry.slug)) continue;
      for (const extension of ['.html', '.txt']) {
        const output = path.join(config.paths.out, `${entry.slug}${extension}`);
        if (await exists(output)) {
          await rm(output, { force: true });
          removed.push(path.relative(config.root, output));
        }
      }
    }
  }
  await writeManifest(config.paths.out, manifest);

  const problems = results.flatMap((result) => (result.status === 'failed' ? [...result.error.problems] : []));
  problems.push(...errorProblems(dedupeFindings(results.flatMap((result) => ('findings' in result ? result.findings : [])))));
  return { config, articles: results, removed, problems, durationMs: performance.now() - started };
}

async function assertMarkdownFiles(files: readonly string[], root: string): Promise<void> {
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
