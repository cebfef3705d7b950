import type { ResolvedConfig } from '../config/config.js';
import type { Strings } from '../i18n/strings.js';
import type { NewsletterView } from '../pipeline/render-view.js';
import { html, SafeHtml, type HtmlValue } from '../html.js';
import { serializeJsonLd, type JsonLd } from './json-ld.js';
import { webStyles } from './web-styles.js';
import { archiveUrl, feedUrl } from '../pipeline/web-urls.js';

/**
 * The pages of the web version, as pure functions (view in, HTML out):
 * semantic HTML (`header`, `main`, `article`, `aside`, `section`, headings,
 * lists), one `h1`, `lang` set, the stylesheet in the page and no script but
 * the structured data. Every value from an article is escaped by `html`; only
 * the `*Html` fields of the view (Markdown rendered safely by
 * render-markdown.ts) go in as they are.
 *
 * The parts are exported so that other pages (an edition: several stories on
 * one page) are made of the same pieces: `renderPage` (the document around
 * the content), `renderStory` (one article, its headline at level 1 or 2).
 */

/** What the `<head>` says about a page besides its title. */
export interface PageMeta {
  /** Absolute canonical address. */
  url: string;
  /** `<title>` (the brand is added after it). */
  title: string;
  /** Meta description and Open Graph / Twitter description. */
  description: string;
  /** Open Graph type: `article` for an article, `website` for the archive and editions. */
  type: 'article' | 'website';
  image?: { src: string; alt: string } | null;
  /** YYYY-MM-DD, for `article:published_time`. */
  published?: string;
  section?: string;
  /** schema.org data, written as one `application/ld+json` script. */
  structuredData?: JsonLd;
}

export interface PageParts {
  config: Pick<ResolvedConfig, 'brand' | 'colors' | 'darkColors' | 'webBaseUrl'> & { webBaseUrl: string };
  strings: Readonly<Strings>;
  meta: PageMeta;
  /** Under the brand in the header, e.g. "Der Newsletter · 4. November 2025". */
  headerLine: string;
  main: SafeHtml;
}

/** A whole page: head with canonical link, social cards and structured data; brand header; content; footer. */
export function renderPage({ config, strings, meta, headerLine, main }: PageParts): string {
  const lang = strings.languageTag;
  const archive = archiveUrl(config.webBaseUrl);
  const feed = feedUrl(config.webBaseUrl);
  const brandUpper = config.brand.toLocaleUpperCase(lang);
  const image = meta.image ?? null;
  // Open Graph: https://ogp.me/ (og:title, og:type, og:image, og:url required; article:* for articles).
  // Twitter/X cards fall back to og:* but read twitter:card itself:
  // https://developer.x.com/en/docs/x-for-websites/cards/overview/markup
  const page = html`<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} – ${config.brand}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${meta.url}">
<link rel="alternate" type="application/atom+xml" title="${config.brand} – ${strings.newsletterLabel}" href="${feed}">
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="${config.brand}">
<meta property="og:locale" content="${ogLocale(lang)}">
<meta property="og:type" content="${meta.type}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${meta.url}">
${image ? html`<meta property="og:image" content="${image.src}">\n<meta property="og:image:alt" content="${image.alt}">\n` : ''}${meta.published ? html`<meta property="article:published_time" content="${meta.published}">\n` : ''}${meta.section ? html`<meta property="article:section" content="${meta.section}">\n` : ''}<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${image ? html`<meta name="twitter:image" content="${image.src}">\n<meta name="twitter:image:alt" content="${image.alt}">\n` : ''}<style>
${new SafeHtml(webStyles(config.colors, config.darkColors))}
</style>
${meta.structuredData ? html`<script type="application/ld+json">${new SafeHtml(serializeJsonLd(meta.structuredData))}</script>\n` : ''}</head>
<body>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${archive}">${brandUpper}</a>
<p class="brand-sub">${headerLine}</p>
</div>
</header>
<main id="content">
${main}
</main>
<footer class="site-footer">
<div class="wrap">
<p class="brand-name">${brandUpper}</p>
<p><a href="${archive}">${strings.archiveTitle}</a> · <a href="${feed}">${strings.feedLink}</a></p>
</div>
</footer>
</body>
</html>
`;
  return page.value;
}

export interface StoryOptions {
  /** 1 on an article's own page; 2 for the stories of an edition (the edition's title is the h1). */
  headingLevel: 1 | 2;
  /** The story's own page: its headline links there when set (e.g. on an edition page). */
  href?: string | null;
  /** Makes the ids of the check and FAQ headings unique on a page with several stories. */
  idPrefix?: string;
  /** Leave the check box, FAQ and sources out (a teaser-only story). */
  teaserOnly?: boolean;
  /** The story's `id`, for a table of contents that links to it. */
  id?: string;
}

/** One article: kicker, headline, teaser, byline and date, image, body, check box, FAQ, sources. */
export function renderStory(view: NewsletterView, options: StoryOptions): SafeHtml {
  const { strings } = view;
  const prefix = options.idPrefix ?? '';
  const headline = options.href ? html`<a href="${options.href}">${view.title}</a>` : html`${view.title}`;
  const heading = options.headingLevel === 1 ? html`<h1>${headline}</h1>` : html`<h2 class="story-title">${headline}</h2>`;
  const header = html`<header>
<p class="kicker">${view.category}</p>
${heading}
<p class="teaser">${view.teaser}</p>
<p class="meta">${view.author ? html`${strings.byline} ${view.author} · ` : ''}<time datetime="${view.date}">${view.dateLabel}</time></p>
</header>`;
  const open = options.id ? html`<article class="story" id="${options.id}">` : html`<article class="story">`;
  if (options.teaserOnly) return html`${open}\n${header}\n${options.href ? html`<p class="more"><a href="${options.href}">${strings.readMore} &#8594;</a></p>\n` : ''}</article>`;
  const image = view.image
    ? html`<figure class="lead">
<img src="${view.image.src}" alt="${view.image.alt}" width="536"${view.image.height ? html` height="${view.image.height}"` : ''} decoding="async">
${view.image.caption ? html`<figcaption>${view.image.caption}</figcaption>\n` : ''}</figure>`
    : '';
  const check = view.checkHtml
    ? html`<aside class="check" aria-labelledby="${prefix}check">
<h2 id="${prefix}check">&#9889; ${strings.checkHeading}</h2>
${new SafeHtml(view.checkHtml)}
</aside>`
    : '';
  const faq = view.faq
    ? html`<section class="faq" aria-labelledby="${prefix}faq">
<h2 id="${prefix}faq">${strings.faqHeading}</h2>
${view.faq.map((entry) => html`<h3>${entry.question}</h3>\n${new SafeHtml(entry.answerHtml)}\n`)}</section>`
    : '';
  const sources = view.sources
    ? html`<footer class="sources">
<p><strong>${strings.sourcesLabel}:</strong> ${joinSources(view)}</p>
</footer>`
    : '';
  return html`${open}
${header}
${image}
<div class="body">
${new SafeHtml(view.bodyHtml)}
</div>
${check}
${faq}
${sources}
</article>`;
}

function joinSources(view: NewsletterView): HtmlValue[] {
  const { quoteOpen, quoteClose } = view.strings;
  return (view.sources ?? []).map((source, index) => {
    const name = `${quoteOpen}${source.name}${quoteClose}`;
    return html`${index > 0 ? ', ' : ''}${source.url ? html`<a href="${source.url}">${name}</a>` : name}`;
  });
}

export interface ArticlePageInput {
  view: NewsletterView;
  config: PageParts['config'];
  /** The page's own address. */
  url: string;
  structuredData: JsonLd;
}

/** An article's page: the story, a link to the article on the magazine's site when it has one, the way back to the archive. */
export function renderArticlePage({ view, config, url, structuredData }: ArticlePageInput): string {
  const { strings } = view;
  const elsewhere = view.webUrl !== null && view.webUrl !== url && !view.webUrl.startsWith(archiveUrl(config.webBaseUrl)) ? view.webUrl : null;
  const main = html`${renderStory(view, { headingLevel: 1 })}
${elsewhere ? html`<p><a class="button" href="${elsewhere}">${strings.readOnWeb} &#8594;</a></p>\n` : ''}<p class="back"><a href="${archiveUrl(config.webBaseUrl)}">&#8592; ${strings.archiveTitle}</a></p>`;
  return renderPage({
    config,
    strings,
    meta: {
      url,
      title: view.title,
      description: view.teaser,
      type: 'article',
      image: view.image ? { src: view.image.src, alt: view.image.alt } : null,
      published: view.date,
      section: view.category,
      structuredData,
    },
    headerLine: `${strings.newsletterLabel} · ${view.dateLabel}`,
    main,
  });
}

/** `de` → `de_DE`, as Open Graph writes locales (language_TERRITORY). */
function ogLocale(languageTag: string): string {
  const territories: Record<string, string> = { de: 'de_DE', en: 'en_US' };
  return territories[languageTag] ?? languageTag.replace('-', '_');
}
