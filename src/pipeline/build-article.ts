import type { ResolvedConfig } from '../config/config.js';
import { prepareEspRender } from './personalise.js';
import { compileMjml } from './compile-mjml.js';
import { hyphenateView } from './hyphenate.js';
import { loadHyphenator } from './load-hyphenator.js';
import type { CompiledTemplates } from './compile-templates.js';
import { parseFrontmatter } from './parse-frontmatter.js';
import { renderText } from './render-text.js';
import { renderView, type NewsletterView } from './render-view.js';
import { validateArticle, type Article } from './validate-article.js';
import { validateImages } from './validate-images.js';

export interface ArticleSource {
  /** Project-relative path, used in every message about this article. */
  file: string;
  /** The file's text. */
  source: string;
}

export interface RenderedNewsletter {
  article: Article;
  view: NewsletterView;
  mjml: string;
  html: string;
  text: string;
}

/**
 * Stages 1–2: frontmatter → validated article (its keys, then the images in
 * its Markdown). Cheap; no templates needed.
 */
export function readArticle(input: ArticleSource): Article {
  const parsed = parseFrontmatter(input.source, input.file);
  const article = validateArticle(parsed, input.file, slugFromFile(input.file));
  validateImages(article, parsed);
  return article;
}

/**
 * Stages 3–6 for one article:
 *      prepareEsp     personal fields → tokens for the ESP's tags (or their fallback)
 *   3. renderView     Markdown → safe HTML fragments, all fields for the templates
 *      hyphenateView  soft hyphens in long words of the text the email shows
 *   4. render         Handlebars layout + partials → MJML
 *   5. compileMjml    MJML → responsive email HTML (strict validation)
 *   6. renderText     the plain-text part, from the unhyphenated view
 *      finish         UTM parameters on the links, the ESP's tags in place of the tokens
 */
export async function renderNewsletter(article: Article, config: ResolvedConfig, templates: CompiledTemplates): Promise<RenderedNewsletter> {
  const esp = prepareEspRender(article, config);
  const view = renderView(esp.article, config);
  const { mjml, spans } = templates.render(emailView(view, config));
  const compiled = await compileMjml(mjml, spans, templates.files[0]);
  const { html, text } = esp.finish({ html: compiled, text: renderText(view) }, view.webVersionUrl);
  return { article, view, mjml, html, text };
}

/** The view the templates get: `view` with soft hyphens for the config's language. */
export function emailView(view: NewsletterView, config: Pick<ResolvedConfig, 'locale'>): NewsletterView {
  return hyphenateView(view, loadHyphenator(config.locale));
}

/** `articles/Über Geld.md` → `ueber-geld`, whether the name is stored composed (NFC, Linux) or decomposed (NFD, macOS). */
export function slugFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base
    .normalize('NFC')
    .replace(/\.md$/i, '')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
