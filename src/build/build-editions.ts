import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentResult } from '../build.js';
import { removeOutputs } from './remove-outputs.js';
import { documentFailure } from './disk-faults.js';
import type { runChecks } from '../check/run-checks.js';
import type { CheckFinding } from '../check/types.js';
import { findingKey } from '../check/report.js';
import type { ResolvedConfig } from '../config/config.js';
import { ArticleError, EditionError, TemplateError } from '../errors.js';
import { hashText } from '../io/build-cache.js';
import { fallbackText } from '../pipeline/personalise.js';
import { isMarkdownFile, listArticleFiles } from '../io/load-articles.js';
import { TEMPLATE_EXTENSION } from '../io/load-templates.js';
import { writeFileAtomic } from '../io/write-output.js';
import type { ArticleSource } from '../pipeline/build-article.js';
import type { CompiledTemplates, TemplateSources } from '../pipeline/compile-templates.js';
import type { NewsletterView } from '../pipeline/render-view.js';
import type { Article } from '../pipeline/validate-article.js';
import { editionCacheFile, emptyEditionCache, loadEditionCache, writeEditionCache, type EditionCache, type EditionEntry, type StoryShare } from '../edition/edition-cache.js';
import type { Edition } from '../edition/parse-edition.js';
import { resolveStories, type IndexedArticle, type ResolvedStory } from '../edition/validate-edition.js';

/** The edition layout in the templates folder; the partials are the articles'. */
export const EDITION_LAYOUT_FILE = `edition${TEMPLATE_EXTENSION}`;
/** Editions are written here, inside the output folder. */
export const EDITIONS_OUT_DIR = 'editions';
/** Why editions are compiled with MJML: reported with each built edition. */
export const EDITION_RENDER_NOTE = 'editions are compiled with MJML: the fast path fills single-article layouts only, and an edition is one of a kind';

/** An edition in the output folder, built now or unchanged from an earlier build. */
export interface BuiltEdition {
  file: string;
  slug: string;
  subject: string;
  /** The inbox preview text: the edition's `preheader`, else the first story's teaser. */
  preheader: string;
  date: string;
  draft: boolean;
  htmlFile: string;
  textFile: string;
  htmlBytes: number;
  textBytes: number;
  /** Each story, in order, with its share of the HTML. */
  stories: StoryShare[];
  /** Built only: always `full` (see `EDITION_RENDER_NOTE`). */
  renderPath?: 'full';
  fallbackReason?: string;
  /** The checks' findings about this edition; those about a template or the config are in `projectFindings`. */
  findings: CheckFinding[];
}

export type EditionResult = DocumentResult<BuiltEdition>;

export interface EditionBuildOptions {
  config: ResolvedConfig;
  drafts: boolean;
  force: boolean;
  /** Edition files named on the command line (absolute); undefined builds every edition. */
  named?: readonly string[];
  /**
   * A partial build of articles: every edition is looked at (one whose story
   * changed is rebuilt), but only the named and rebuilt ones are reported.
   */
  partial: boolean;
  /** The article templates (partials and layout) and the article build's inputs key (templates, config, code, packages). */
  templates: TemplateSources;
  inputsKey: string;
  checks(): Promise<{ runChecks: typeof runChecks }>;
}

export interface EditionsBuild {
  editions: EditionResult[];
  /** Outputs deleted because their edition is gone or builds under another slug (project-relative). */
  removed: string[];
  /** Findings about a template or the config, once. */
  projectFindings: CheckFinding[];
}

/**
 * The editions a build makes after its articles: every edition in a full
 * build; with named files, the named editions (reported even when
 * unchanged) and, when articles were named too, every edition one of them
 * is a story of (reported when rebuilt).
 */
export async function editionsAfterArticles(
  options: Omit<EditionBuildOptions, 'named' | 'partial'> & { partial: boolean; named: { articles: readonly string[]; editions: readonly string[] } },
): Promise<EditionsBuild> {
  const { partial, named, ...rest } = options;
  if (partial && named.articles.length === 0) return buildEditions({ ...rest, named: named.editions, partial: false });
  const built = await buildEditions({ ...rest, partial });
  if (partial && named.editions.length > 0) {
    const extra = await buildEditions({ ...rest, force: false, named: named.editions, partial: false });
    const reported = new Set(built.editions.map((edition) => edition.file));
    built.editions.push(...extra.editions.filter((edition) => !reported.has(edition.file)));
  }
  return built;
}

/** Every `*.md` in the editions folder, sorted by name; none when the folder does not exist. */
export async function listEditionFiles(editionsDir: string): Promise<string[]> {
  try {
    return (await readdir(editionsDir))
      .filter(isMarkdownFile)
      .sort()
      .map((name) => path.join(editionsDir, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/** Named files that are editions (in the editions folder) and the others (articles, or mistakes the article build reports). */
export function splitNamedFiles(files: readonly string[], config: ResolvedConfig): { articles: string[]; editions: string[] } {
  const editionsDir = path.resolve(config.paths.editions);
  const articles: string[] = [];
  const editions: string[] = [];
  for (const file of files) {
    const absolute = path.resolve(config.root, file);
    if (path.dirname(absolute) === editionsDir) editions.push(absolute);
    else articles.push(file);
  }
  return { articles, editions: [...new Set(editions)] };
}

export function editionOutputFiles(config: ResolvedConfig, slug: string): { htmlFile: string; textFile: string } {
  const dir = path.join(config.paths.out, EDITIONS_OUT_DIR);
  return { htmlFile: path.join(dir, `${slug}.html`), textFile: path.join(dir, `${slug}.txt`) };
}

/**
 * Build the editions (after the articles, in the same build). Per edition:
 *   1. read      the file; parse it unless the cache has it under the same hash
 *   2. claim     its slug among the editions
 *   3. resolve   its stories against the article index (see resolveStories)
 *   4. skip      same key (edition, stories, templates, config, drafts) and outputs in place
 *   5. render    stories read from their articles, view, Handlebars, MJML, plain text
 *   6. check     the quality rules, and no active content
 *   7. write     out/editions/<slug>.html and .txt, atomically
 * Each edition is built inside one boundary: whatever goes wrong fails that
 * edition with one line, never the build. A project without editions costs
 * one directory listing.
 */
export async function buildEditions(options: EditionBuildOptions): Promise<EditionsBuild> {
  const { config } = options;
  const files = await listEditionFiles(config.paths.editions);
  const named = new Set(options.named ?? []);
  for (const file of named) {
    if (!files.includes(file)) {
      const shown = path.relative(config.root, file) || file;
      return { editions: [{ status: 'failed', file: shown, error: new EditionError('no such edition: name a .md file in the editions folder', { file: shown }) }], removed: [], projectFindings: [] };
    }
  }
  const cacheFile = editionCacheFile(config);
  const cache = options.force ? emptyEditionCache() : await loadEditionCache(cacheFile);
  const before = JSON.stringify(cache);
  const previousSlugs = Object.fromEntries(Object.entries(cache.entries).map(([file, entry]) => [file, entry.edition.slug]));
  if (files.length === 0 && Object.keys(cache.entries).length === 0) return { editions: [], removed: [], projectFindings: [] };

  const shown = (file: string) => path.relative(config.root, file) || file;
  const index = await indexArticles(config, cache, options.drafts);
  const layout = await loadEditionLayout(config);
  const templatesKey = hashText(JSON.stringify({ inputs: options.inputsKey, layout }));
  let compiled: Promise<CompiledTemplates> | undefined;
  const compile = () =>
    (compiled ??= import('../pipeline/compile-templates.js').then(({ compileTemplates }) => {
      if (!layout.source) throw layout.error;
      return compileTemplates({ layout: { file: layout.file, source: layout.source }, partials: options.templates.partials });
    }));

  const results: EditionResult[] = [];
  const projectFindings = new Map<string, CheckFinding>();
  const slugOwners = new Map<string, string>();
  const wanted = options.named ? files.filter((file) => named.has(file)) : files;
  for (const absolute of wanted) {
    const file = shown(absolute);
    const previous = cache.entries[file];
    try {
      // 1. read
      const source = await readEditionSource(absolute, file);
      const hash = hashText(source);
      let edition: Edition;
      if (previous && previous.hash === hash) {
        edition = previous.edition;
      } else {
        const { parseEdition } = await import('../edition/parse-edition.js');
        edition = parseEdition({ file, source });
      }
      if (edition.draft && !options.drafts) {
        results.push({ status: 'draft-skipped', file, slug: edition.slug });
        continue;
      }
      // 2. claim
      const owner = slugOwners.get(edition.slug);
      if (owner !== undefined) throw new EditionError(`the slug "${edition.slug}" is already used by ${owner}: set a different "slug" in one of them`, { file });
      slugOwners.set(edition.slug, file);
      // 3. resolve
      const stories = resolveStories(edition, index, { drafts: options.drafts, webBaseUrl: config.webBaseUrl });
      // 4. skip
      const key = hashText(JSON.stringify({ templatesKey, drafts: options.drafts, hash, stories }));
      const outputs = editionOutputFiles(config, edition.slug);
      if (!options.force && previous && previous.key === key && (await isFile(outputs.htmlFile)) && (await isFile(outputs.textFile))) {
        if (!options.partial || named.has(absolute)) {
          results.push({ status: 'cached', ...reported(previous, edition, outputs, projectFindings, config) });
        }
        continue;
      }
      // 5. render, 6. check, 7. write
      const entry = await renderAndWrite(edition, stories, { hash, key, compile, options, layout: { file: layout.file, source: layout.source ?? '' } });
      cache.entries[file] = entry;
      results.push({ status: 'built', ...reported(entry, edition, outputs, projectFindings, config), renderPath: 'full', fallbackReason: EDITION_RENDER_NOTE });
    } catch (error) {
      delete cache.entries[file]; // built again next time; its last good outputs stay
      if (previous) cache.entries[file] = { ...previous, key: '0'.repeat(64) };
      results.push({ status: 'failed', file, error: documentFailure(file, error) });
    }
  }

  // Outputs no edition owns any more: of editions now under another slug, and (full builds) of deleted editions.
  const removed: string[] = [];
  const present = new Set(files.map(shown));
  const owned = new Set(results.flatMap((result) => (result.status === 'failed' ? [] : [result.slug])));
  const freed = new Set<string>();
  for (const [file, slug] of Object.entries(previousSlugs)) {
    const result = results.find((candidate) => candidate.file === file);
    if (!present.has(file)) {
      if (options.named || options.partial) continue;
      delete cache.entries[file];
      freed.add(slug);
    } else if (result && result.status !== 'failed' && result.slug !== slug) {
      freed.add(slug);
    }
  }
  for (const slug of freed) {
    if (owned.has(slug) || [...slugOwners.keys()].includes(slug)) continue;
    removed.push(...(await removeOutputs(path.join(config.paths.out, EDITIONS_OUT_DIR), slug, config.root)));
  }
  if (JSON.stringify(cache) !== before) await writeEditionCache(cacheFile, cache);
  return { editions: results, removed, projectFindings: [...projectFindings.values()] };
}

/**
 * The result fields of a built or cached edition; findings about a template or
 * the config go to `projectFindings`, once. The subject as a reader without
 * the ESP sees it (personal fields as their fallback): the ESP gets it from
 * esp-upload with its tags.
 */
function reported(entry: EditionEntry, edition: Edition, outputs: { htmlFile: string; textFile: string }, projectFindings: Map<string, CheckFinding>, config: ResolvedConfig): BuiltEdition {
  const findings = entry.findings.filter((finding) => {
    if (finding.slug !== null) return true;
    projectFindings.set(findingKey(finding), finding);
    return false;
  });
  return {
    file: edition.file,
    slug: edition.slug,
    subject: fallbackText(edition.subject, config.esp.fields),
    preheader: entry.preheader,
    date: edition.date,
    draft: edition.draft,
    ...outputs,
    htmlBytes: entry.htmlBytes,
    textBytes: entry.textBytes,
    stories: entry.stories,
    findings,
  };
}

interface RenderContext {
  hash: string;
  key: string;
  compile: () => Promise<CompiledTemplates>;
  options: EditionBuildOptions;
  layout: { file: string; source: string };
}

async function renderAndWrite(edition: Edition, stories: readonly ResolvedStory[], context: RenderContext): Promise<EditionEntry> {
  const { config } = context.options;
  const [{ readArticle }, { renderEditionView, hyphenateEditionView }, { renderEditionText }, { compileMjml }, { checkEdition, editionCheckInput, measureStories }, { limitFindings }, { findActiveContent }] =
    await Promise.all([
      import('../pipeline/build-article.js'),
      import('../edition/edition-view.js'),
      import('../edition/render-edition-text.js'),
      import('../pipeline/compile-mjml.js'),
      import('../edition/check-edition.js'),
      import('../check/limit-findings.js'),
      import('../check/active-content.js'),
    ]);
  const { assertNoTokens, espStage, personaliseArticle } = await import('../pipeline/personalise.js');
  // The stories' articles, read again: the index only knows that they parse.
  const articles: Article[] = stories.map((story) => {
    let input: ArticleSource;
    try {
      input = { file: story.file, source: readFileSync(path.join(config.root, story.file), 'utf8') };
    } catch (error) {
      throw new EditionError(`story "${story.slug}": ${story.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): build again`, { file: edition.file });
    }
    return readArticle(input);
  });
  // Personal fields, ESP tags and UTM parameters as for an article (personalise.ts): one tag table for the whole edition.
  assertNoTokens(`${edition.subject}${edition.intro}${edition.preheader ?? ''}`, edition.file);
  for (const article of articles) assertNoTokens(`${article.body}${article.teaser}${article.preheader ?? ''}${article.check ?? ''}${(article.faq ?? []).map((entry) => entry.answer).join('')}`, article.file);
  const esp = espStage(config, { slug: edition.slug, date: edition.date, edition: edition.slug });
  const own = (text: string) => {
    try {
      return esp.personalise(text);
    } catch (error) {
      if (error instanceof ArticleError) throw new EditionError(error.message, { file: edition.file, cause: error });
      throw error;
    }
  };
  const storyArticle = (article: Article) => {
    try {
      return personaliseArticle(article, esp.personalise);
    } catch (error) {
      if (error instanceof ArticleError) throw new EditionError(`story "${article.slug}": ${article.file}: ${error.message}`, { file: edition.file, cause: error });
      throw error;
    }
  };
  const personalised: Edition = {
    ...edition,
    subject: own(edition.subject),
    intro: own(edition.intro),
    ...(edition.preheader === undefined ? {} : { preheader: own(edition.preheader) }),
  };
  const view = renderEditionView(personalised, stories.map((story, index) => ({ ...story, article: storyArticle(articles[index] as Article) })), config);
  const templates = await context.compile();
  const { mjml, spans } = templates.render(hyphenateEditionView(view, config) as unknown as NewsletterView);
  const { html, text } = esp.finish({ html: await compileMjml(mjml, spans, context.layout.file), text: renderEditionText(view) }, view.webVersionUrl);
  // as the build reports it: fallbacks, never tags
  const preheader = fallbackText(edition.preheader ?? articles[0]?.teaser ?? edition.subject, config.esp.fields);

  const shares = measureStories(html, view).map((share, index) => ({ ...share, file: stories[index]?.file ?? '' }));
  const sources: TemplateSources = { layout: context.layout, partials: context.options.templates.partials };
  const input = editionCheckInput(edition, { html, text }, config, sources);
  const { runChecks } = await context.options.checks();
  const findings = limitFindings(checkEdition(input, shares, runChecks));
  const active = findActiveContent(input);
  if (active !== undefined) throw new TemplateError(`the email would contain ${active}, which no email may carry: remove it from the templates (articles cannot add it)`, { file: edition.file });

  const outputs = editionOutputFiles(config, edition.slug);
  await writeFileAtomic(outputs.htmlFile, html);
  await writeFileAtomic(outputs.textFile, text);
  return { hash: context.hash, edition, key: context.key, preheader, htmlBytes: Buffer.byteLength(html), textBytes: Buffer.byteLength(text), stories: shares, findings };
}

async function readEditionSource(absolute: string, file: string): Promise<string> {
  try {
    const info = await stat(absolute);
    if (info.size > 1024 * 1024) throw new EditionError('the edition file is larger than 1 MB: an edition lists stories, it does not hold them', { file });
    return await readFile(absolute, 'utf8');
  } catch (error) {
    if (error instanceof EditionError) throw error;
    throw new EditionError(`cannot read the edition (${(error as NodeJS.ErrnoException).code ?? String(error)}): check that it is a readable file`, { file, cause: error });
  }
}

/** `templates/edition.mjml.hbs`; when it is missing, every edition fails with one line that says to create it. */
async function loadEditionLayout(config: ResolvedConfig): Promise<{ file: string; source?: string; error?: TemplateError }> {
  const absolute = path.join(config.paths.templates, EDITION_LAYOUT_FILE);
  const file = path.relative(config.root, absolute) || absolute;
  try {
    return { file, source: await readFile(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? `create ${EDITION_LAYOUT_FILE} in the templates folder (the project's example is a starting point)` : `check its permissions (${code ?? String(error)})`;
    return { file, error: new TemplateError(`cannot read the edition layout: ${reason}`, { file, cause: error }) };
  }
}

/**
 * What each article is, for resolving stories: read and hashed every build,
 * parsed only when its hash is not in the cache. An article whose slug an
 * earlier file (by name) already has does not build, as in the article build.
 */
async function indexArticles(config: ResolvedConfig, cache: EditionCache, drafts: boolean): Promise<IndexedArticle[]> {
  let files: string[];
  try {
    files = await listArticleFiles(config.paths.articles);
  } catch {
    files = []; // the article build reports the folder
  }
  const index: IndexedArticle[] = [];
  const seen = new Set<string>();
  let readArticle: ((input: ArticleSource) => Article) | undefined;
  for (const absolute of files) {
    const file = path.relative(config.root, absolute) || absolute;
    const baseName = path.basename(absolute).replace(/\.md$/i, '');
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(absolute, 'utf8');
    } catch (error) {
      index.push({ file, baseName, hash: '0'.repeat(64), slug: null, draft: false, url: null, problem: { file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` } });
      continue;
    }
    const hash = hashText(source);
    const cached = cache.articles[file];
    if (cached && cached.hash === hash) {
      index.push(cached);
      continue;
    }
    readArticle ??= (await import('../pipeline/build-article.js')).readArticle;
    let entry: IndexedArticle;
    try {
      const article = readArticle({ file, source });
      entry = { file, baseName, hash, slug: article.slug, draft: article.draft, url: article.url ?? null };
    } catch (error) {
      const failure = documentFailure(file, error);
      const first = failure.problems[0] ?? { message: failure.message };
      entry = { file, baseName, hash, slug: null, draft: false, url: null, problem: { ...first } };
    }
    cache.articles[file] = entry;
    index.push(entry);
  }
  for (const file of Object.keys(cache.articles)) if (!seen.has(file)) delete cache.articles[file];
  // One article per slug: the first by file name has it (drafts only when they are built).
  const owners = new Map<string, string>();
  return index.map((entry) => {
    if (entry.slug === null || (entry.draft && !drafts)) return entry;
    const owner = owners.get(entry.slug);
    if (owner === undefined) {
      owners.set(entry.slug, entry.file);
      return entry;
    }
    return { ...entry, slug: null, problem: { file: entry.file, message: `the slug "${entry.slug}" is already used by ${owner}` } };
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
