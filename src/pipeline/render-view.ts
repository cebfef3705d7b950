import type { Colors, ResolvedConfig } from '../config/config.js';
import { stringsFor, type Strings } from '../i18n/strings.js';
import { renderMarkdown } from './render-markdown.js';
import type { Article } from './validate-article.js';

/**
 * Everything the templates may use. Every key is always present (null when
 * the article leaves it out) because Handlebars runs in strict mode. Fields
 * ending in `Html` hold Markdown rendered by `renderMarkdown`; all other
 * strings are plain text that the templates escape.
 */
export interface NewsletterView {
  lang: string;
  brand: string;
  brandUpper: string;
  colors: Colors;
  strings: Strings;
  slug: string;
  title: string;
  category: string;
  /** YYYY-MM-DD */
  date: string;
  /** e.g. "4. November 2025" */
  dateLabel: string;
  teaser: string;
  preheader: string;
  author: string | null;
  image: { src: string; alt: string; caption: string | null } | null;
  bodyHtml: string;
  checkHtml: string | null;
  faq: { question: string; answerHtml: string }[] | null;
  sources: { name: string; url: string | null }[] | null;
  webUrl: string | null;
  unsubscribeUrl: string;
}

export function renderView(article: Article, config: ResolvedConfig): NewsletterView {
  const strings = stringsFor(config.locale);
  const md = (text: string) => renderMarkdown(text, config.locale);
  return {
    lang: strings.languageTag,
    brand: config.brand,
    brandUpper: config.brand.toLocaleUpperCase(strings.languageTag),
    colors: { ...config.colors },
    strings: { ...strings },
    slug: article.slug,
    title: article.title,
    category: article.category,
    date: article.date,
    dateLabel: formatDate(article.date, strings.languageTag),
    teaser: article.teaser,
    preheader: article.preheader ?? article.teaser,
    author: article.author ?? null,
    image: article.image ? { src: article.image.src, alt: article.image.alt, caption: article.image.caption ?? null } : null,
    bodyHtml: md(article.body),
    checkHtml: article.check === undefined ? null : md(article.check),
    faq: article.faq ? article.faq.map((entry) => ({ question: entry.question, answerHtml: md(entry.answer) })) : null,
    sources: article.sources.length > 0 ? article.sources : null,
    webUrl: article.url ?? (config.webBaseUrl ? `${config.webBaseUrl.replace(/\/+$/, '')}/${article.slug}` : null),
    unsubscribeUrl: config.unsubscribeUrl,
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

const MONTHS: Record<string, readonly string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Long dates, as Intl.DateTimeFormat writes them ("4. November 2025",
 * "November 4, 2025"). For the languages in src/i18n/strings.ts they are
 * written here: the first DateTimeFormat of a run loads ICU's locale data,
 * about 15-30 ms, more than rendering an article. A test compares both for
 * every day of many years. Other languages go to Intl.
 */
export function formatDate(isoDate: string, languageTag: string): string {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) ?? [];
  const name = MONTHS[languageTag]?.[Number(month) - 1];
  if (year !== undefined && day !== undefined && name !== undefined) {
    if (languageTag === 'de') return `${Number(day)}. ${name} ${Number(year)}`;
    if (languageTag === 'en') return `${name} ${Number(day)}, ${Number(year)}`;
  }
  let format = dateFormats.get(languageTag);
  if (!format) {
    format = new Intl.DateTimeFormat(languageTag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(languageTag, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}
