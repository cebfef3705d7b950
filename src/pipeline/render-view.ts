import type { Colors, DarkColors, ResolvedConfig } from '../config/config.js';
import { espViewLinks } from './personalise.js';
import type { Strings } from '../i18n/strings.js';
import { articleUrl } from './web-urls.js';
import { CONTENT_WIDTH, renderMarkdown } from './render-markdown.js';
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
  darkColors: DarkColors;
  strings: Strings;
  slug: string;
  /** The headline as written. */
  title: string;
  /** The email subject and `<title>`: the article's `subject`, else its title. */
  subject: string;
  /** The headline as shown in the email: `title`, with soft hyphens once `hyphenateView` ran. */
  headline: string;
  category: string;
  /** YYYY-MM-DD */
  date: string;
  /** e.g. "4. November 2025" */
  dateLabel: string;
  teaser: string;
  preheader: string;
  /**
   * Invisible filler after the preheader (`&#847;&zwnj;&nbsp;` repeated) so
   * that inbox previews end with it instead of running on into the email's
   * first visible text. HTML: entities only.
   */
  preheaderFillerHtml: string;
  author: string | null;
  /** The lead image; `height` is its height in the 536 px column (as text), when the article gives the file's size. */
  image: { src: string; alt: string; caption: string | null; height: string | null } | null;
  bodyHtml: string;
  checkHtml: string | null;
  faq: { question: string; answerHtml: string }[] | null;
  sources: { name: string; url: string | null }[] | null;
  webUrl: string | null;
  /** The footer's unsubscribe link: `unsubscribeUrl` of the config, or the ESP's unsubscribe tag. */
  unsubscribeUrl: string;
  /** "View in browser": the ESP's web-version tag where it has one, else the page in the web version (`webBaseUrl`), else null. */
  webVersionUrl: string | null;
  /** The header's logo image (config `logo`); null: the brand name as text. */
  logo: { src: string; alt: string; width: number } | null;
  /** The footer's imprint (config `footer.imprint`, Markdown rendered) and social links. */
  footer: { imprintHtml: string | null; social: { name: string; url: string }[] | null };
}

export function renderView(article: Article, config: ResolvedConfig): NewsletterView {
  const strings = config.strings;
  const md = (text: string) => renderMarkdown(text, config.locale);
  const preheader = article.preheader ?? article.teaser;
  const links = espViewLinks(config);
  return {
    lang: strings.languageTag,
    brand: config.brand,
    brandUpper: config.brand.toLocaleUpperCase(strings.languageTag),
    colors: { ...config.colors },
    darkColors: { ...config.darkColors },
    strings: { ...strings },
    slug: article.slug,
    title: article.title,
    subject: article.subject ?? article.title,
    headline: article.title,
    category: article.category,
    date: article.date,
    dateLabel: formatDate(article.date, strings.languageTag),
    teaser: article.teaser,
    preheader,
    preheaderFillerHtml: preheaderFiller(preheader),
    author: article.author ?? null,
    image: article.image ? { src: article.image.src, alt: article.image.alt, caption: article.image.caption ?? null, height: displayHeight(article.image) } : null,
    bodyHtml: md(article.body),
    checkHtml: article.check === undefined ? null : md(article.check),
    faq: article.faq ? article.faq.map((entry) => ({ question: entry.question, answerHtml: md(entry.answer) })) : null,
    sources: article.sources.length > 0 ? article.sources : null,
    webUrl: article.url ?? (config.webBaseUrl ? articleUrl(config.webBaseUrl, article.slug) : null),
    webVersionUrl: links.webVersionUrl ?? (config.webBaseUrl ? articleUrl(config.webBaseUrl, article.slug) : null),
    unsubscribeUrl: links.unsubscribeUrl,
    ...brandFrame(config),
  };
}

/** The header's logo and the footer's imprint and social links: the same in every email of the project. */
export function brandFrame(config: ResolvedConfig): Pick<NewsletterView, 'logo' | 'footer'> {
  return {
    logo: config.logo ? { ...config.logo } : null,
    footer: {
      imprintHtml: config.footer.imprint === null ? null : renderMarkdown(config.footer.imprint, config.locale),
      social: config.footer.social.length > 0 ? config.footer.social.map((link) => ({ ...link })) : null,
    },
  };
}

/** The height of an image shown at the column's width, from the file's size; null when not given. */
function displayHeight(image: { width?: number; height?: number }): string | null {
  if (image.width === undefined || image.height === undefined) return null;
  return String(Math.max(1, Math.round((CONTENT_WIDTH * image.height) / image.width)));
}

/** Inbox previews show up to about this many characters; the filler takes the preheader there. */
export const PREVIEW_LENGTH = 150;
/** Combining grapheme joiner, zero-width non-joiner, no-break space: invisible, but previews count them as text. */
const FILLER = '&#847;&zwnj;&nbsp;';

/** One filler group per character the preheader leaves of the preview (none when it fills it). */
export function preheaderFiller(preheader: string): string {
  return FILLER.repeat(Math.max(0, PREVIEW_LENGTH - [...preheader].length));
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
