import path from 'node:path';
import type { ArticleResult } from '../build.js';
import { findingKey } from '../check/report.js';
import type { runChecks } from '../check/run-checks.js';
import type { CheckFinding } from '../check/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { ArticleError, TemplateError } from '../errors.js';
import { hashText, type Manifest, type ManifestEntry } from '../io/build-cache.js';
import { formatSize, inspectArticleFile, type ArticleFileInfo } from '../io/inspect-article.js';
import { loadArticleSync } from '../io/load-articles.js';
import type { OutputWriter } from '../io/output-writer.js';
import type { ArticleSource } from '../pipeline/build-article.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';
import type { Article } from '../pipeline/validate-article.js';
import { documentFailure } from './disk-faults.js';
import type { Rendered, Renderer } from './renderer.js';
import type { SlugClaims } from './slug-claims.js';

/** What one document needs from the build it is part of. */
export interface DocumentContext {
  config: ResolvedConfig;
  drafts: boolean;
  templates: TemplateSources;
  /** Updated as documents are built: a built article's entry is replaced, a failed one's is marked stale. */
  manifest: Manifest;
  claims: SlugClaims;
  renderer(): Promise<Renderer>;
  /** The quality checks, loaded with the first document rendered. */
  checks(): Promise<{ runChecks: typeof runChecks }>;
  /** Findings about a template or the config: they hold for every document and are collected here once. */
  projectFindings: Map<string, CheckFinding>;
  /** Names in the output folder (read once per build, when first needed). */
  outputNames(): Promise<Set<string>>;
  writer: OutputWriter;
}

export interface DocumentOutcome {
  result: ArticleResult;
  /** Resolves once the output files are in place (built articles only). */
  written?: Promise<void>;
  /** The slug the article asks for, when its frontmatter could be read (also when the slug was refused). */
  slug?: string;
  /** The parsed article, when it was built now (the web version makes its page from it). */
  article?: Article;
}

/**
 * One article, stage by stage:
 *   1. inspect   size, links that leave the project, the stat fingerprint
 *   2. skip      unchanged since the last build, outputs in place: reported as cached
 *   3. read      the file's text
 *   4. parse     frontmatter → validated article
 *   5. claim     its slug: one output per slug (and, for a large article, the size it renders to)
 *   6. render    fast path or MJML
 *   7. check     the quality rules (at most 20 findings per rule), and no active content
 *   8. write     both files atomically (queued; the caller reports write failures)
 * Every stage runs inside one boundary: whatever goes wrong fails this
 * document with one line and never the build.
 */
export async function buildDocument(context: DocumentContext, absolute: string): Promise<DocumentOutcome> {
  const { config, manifest } = context;
  let shown = path.relative(config.root, absolute) || absolute;
  const previous = manifest.entries[shown];
  let slug: string | undefined;
  try {
    // 1. inspect
    const file: ArticleFileInfo = inspectArticleFile(absolute, shown, { root: config.root, articlesDir: config.paths.articles, maxArticleBytes: config.maxArticleBytes });

    // 2. skip (read only when the fingerprint says the file may have changed)
    let input: ArticleSource | undefined;
    let hash: string;
    if (previous && !previous.stale && previous.stat === file.fingerprint) {
      hash = previous.hash;
    } else {
      input = loadArticleSync(absolute, config.root); // 3. read
      shown = input.file;
      hash = hashText(input.source);
      if (previous && !previous.stale && previous.hash === hash) previous.stat = file.fingerprint; // touched, not changed
    }
    if (previous && !previous.stale && previous.hash === hash) {
      slug = previous.slug;
      if (previous.draft && !context.drafts) return { result: { status: 'draft-skipped', file: shown, slug: previous.slug }, slug };
      context.claims.claim(previous.slug, shown);
      const outputs = await context.outputNames();
      if (outputs.has(`${previous.slug}.html`) && outputs.has(`${previous.slug}.txt`)) {
        const { stat: _stat, stale: _stale, hash: _hash, ...entry } = previous;
        return { result: { status: 'cached', file: shown, ...entry, findings: ownFindings(entry.findings, context), ...outputFiles(config, previous.slug) }, slug };
      }
    }
    input ??= loadArticleSync(absolute, config.root); // 3. read

    // 4. parse
    const renderer = await context.renderer();
    const article = renderer.readArticle(input);
    slug = article.slug;
    if (article.draft && !context.drafts) return { result: { status: 'draft-skipped', file: shown, slug: article.slug }, slug };

    // 5. claim
    context.claims.claim(article.slug, shown);
    if (file.size > RENDERED_SIZE_CHECK_FROM) await assertRenderedSize(article, config, shown);

    // 6. render, 7. check
    let rendered = await renderer.render(article);
    let checked = await checkNewsletter(rendered, context, shown);
    if (checked.activeContent !== undefined && rendered.renderPath === 'fast') {
      // Only a tampered layout cache can put active content into the fast path's output: forget the cache and compile.
      renderer.forgetLayouts();
      rendered = { ...(await renderer.renderFull(article)), fallbackReason: 'the cached layout did not pass the safety check' };
      checked = await checkNewsletter(rendered, context, shown);
    }
    if (checked.activeContent !== undefined) {
      throw new TemplateError(`the email would contain ${checked.activeContent}, which no email may carry: remove it from the templates (articles cannot add it)`, { file: shown });
    }

    // 8. write
    const written = context.writer.write([
      { file: outputFiles(config, article.slug).htmlFile, content: rendered.html },
      { file: outputFiles(config, article.slug).textFile, content: rendered.text },
    ]);
    written.catch(() => undefined); // reported by the caller, in file order
    const entry: ManifestEntry = {
      hash,
      slug: article.slug,
      title: article.title,
      subject: article.subject ?? article.title,
      preheader: article.preheader ?? article.teaser,
      category: article.category,
      date: article.date,
      draft: article.draft,
      htmlBytes: Buffer.byteLength(rendered.html),
      textBytes: Buffer.byteLength(rendered.text),
      findings: checked.findings,
      stat: file.fingerprint,
    };
    manifest.entries[shown] = entry;
    const { stat: _stat, hash: _hash, ...reported } = entry;
    reported.findings = ownFindings(entry.findings, context);
    const how = { renderPath: rendered.renderPath, ...(rendered.fallbackReason === undefined ? {} : { fallbackReason: rendered.fallbackReason }) };
    return { result: { status: 'built', file: shown, ...reported, ...outputFiles(config, article.slug), ...how }, written, slug, article };
  } catch (error) {
    markFailed(manifest, shown, previous);
    return { result: { status: 'failed', file: shown, error: documentFailure(shown, error) }, slug };
  }
}

/** Articles above this size have what their Markdown renders to measured before the email is made. */
const RENDERED_SIZE_CHECK_FROM = 64 * 1024;

/**
 * What a large article's Markdown renders to must stay within
 * `maxArticleBytes` too: a table renders to several times its source, and the
 * email layout, inline CSS and plain-text tables multiply that again (1 MB of
 * table rows made 29 MB of HTML in about three minutes).
 */
async function assertRenderedSize(article: Article, config: ResolvedConfig, file: string): Promise<void> {
  const { renderView } = await import('../pipeline/render-view.js');
  const view = renderView(article, config);
  const bytes = [view.bodyHtml, view.checkHtml ?? '', ...(view.faq ?? []).map((entry) => entry.answerHtml)].reduce((sum, html) => sum + Buffer.byteLength(html), 0);
  if (bytes <= config.maxArticleBytes) return;
  throw new ArticleError(
    `its Markdown renders to ${formatSize(bytes)} of HTML, more than the ${formatSize(config.maxArticleBytes)} an article may have (long tables grow the most): shorten it, or raise "maxArticleBytes" in newsletter.config.json`,
    { file },
  );
}

/**
 * A failed article is built again next time, whatever the cache says; its
 * last good outputs stay, and its entry remembers their slug (so that they
 * are removed once the article is gone or builds under another slug).
 */
export function markFailed(manifest: Manifest, file: string, previous: ManifestEntry | undefined): void {
  if (previous) {
    const { stat: _stat, ...rest } = previous;
    manifest.entries[file] = { ...rest, stale: true };
  } else {
    delete manifest.entries[file];
  }
}

export function outputFiles(config: ResolvedConfig, slug: string): { htmlFile: string; textFile: string } {
  return { htmlFile: path.join(config.paths.out, `${slug}.html`), textFile: path.join(config.paths.out, `${slug}.txt`) };
}

/** A document's own findings; those about a template or the config go to the build's `projectFindings`, once. */
function ownFindings(findings: readonly CheckFinding[], context: DocumentContext): CheckFinding[] {
  return findings.filter((finding) => {
    if (finding.slug !== null) return true;
    context.projectFindings.set(findingKey(finding), finding);
    return false;
  });
}

/** The quality checks, at most 20 findings per rule, and the search for active content, over one parsed copy of the HTML. */
async function checkNewsletter(rendered: Rendered, context: DocumentContext, file: string) {
  // the HTML parser loads only when something is rendered
  const [{ runChecks }, { limitFindings }, { findActiveContent }] = await Promise.all([
    context.checks(),
    import('../check/limit-findings.js'),
    import('../check/active-content.js'),
  ]);
  const input = { ...rendered, config: context.config, file, templates: context.templates };
  return { findings: limitFindings(runChecks(input)), activeContent: findActiveContent(input) };
}
