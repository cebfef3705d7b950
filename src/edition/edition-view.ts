import type { Colors, DarkColors, ResolvedConfig } from '../config/config.js';
import type { Strings } from '../i18n/strings.js';
import { hyphenateHtml, hyphenateText } from '../pipeline/hyphenate.js';
import { loadHyphenator } from '../pipeline/load-hyphenator.js';
import { renderMarkdown } from '../pipeline/render-markdown.js';
import { brandFrame, formatDate, preheaderFiller, renderView, type NewsletterView } from '../pipeline/render-view.js';
import { hyphenateView } from '../pipeline/hyphenate.js';
import type { Article } from '../pipeline/validate-article.js';
import { espViewLinks } from '../pipeline/personalise.js';
import { editionUrl } from '../pipeline/web-urls.js';
import type { Edition } from './parse-edition.js';
import type { ResolvedStory } from './validate-edition.js';

/**
 * What an edition's story adds to the article's own view. A full story is
 * rendered by the article partials with this view, which is how they know to
 * set its headline as an `<h2>` (the edition's `<h1>` is its subject) and where
 * to put the anchor the table of contents links to.
 */
export interface EditionStoryInfo {
  /** `story-<slug>`: the name of the anchor at the start of the story. */
  anchor: string;
  /** "01", "02", … */
  number: string;
  full: boolean;
  teaser: boolean;
  /** Last story of the edition: no rule under it. */
  last: boolean;
}

export type StoryView = NewsletterView & { editionStory: EditionStoryInfo };

/**
 * Everything the edition template (`templates/edition.mjml.hbs`) may use. Like
 * `NewsletterView`, every key is present (null when left out) for Handlebars'
 * strict mode; `*Html` fields hold Markdown rendered by `renderMarkdown`.
 */
export interface EditionView {
  lang: string;
  brand: string;
  brandUpper: string;
  colors: Colors;
  darkColors: DarkColors;
  strings: Strings;
  slug: string;
  /** The subject as written: `<title>` and the email's `<h1>`. */
  title: string;
  /** The subject as shown in the email (soft hyphens once `hyphenateEditionView` ran). */
  headline: string;
  date: string;
  dateLabel: string;
  preheader: string;
  preheaderFillerHtml: string;
  /** The editor's intro, or null. */
  introHtml: string | null;
  /** The header partial links the brand to it; an edition has no web version of its own. */
  webUrl: null;
  /** "Im Browser ansehen": the edition's web page (`<webBaseUrl>/editions/<slug>/`), the ESP's web-version tag, or null. */
  webVersionUrl: string | null;
  /** The email subject and `<title>`. */
  subject: string;
  unsubscribeUrl: string;
  logo: NewsletterView['logo'];
  footer: NewsletterView['footer'];
  /** "Die Themen heute": one entry per story, in order. */
  contents: { number: string; title: string; category: string; anchor: string }[];
  /** The stories in order; each is the article's view plus `editionStory`. */
  stories: StoryView[];
}

/** Stage: edition and its stories → the view of the edition (unhyphenated: the plain-text part is made from it). */
export function renderEditionView(edition: Edition, stories: readonly (ResolvedStory & { article: Article })[], config: ResolvedConfig): EditionView {
  const strings = config.strings;
  const links = espViewLinks(config);
  const preheader = edition.preheader ?? stories[0]?.article.teaser ?? edition.subject;
  const storyViews = stories.map((story, index): StoryView => {
    const view = renderView(story.article, config);
    const info: EditionStoryInfo = {
      anchor: `story-${story.article.slug}`,
      number: String(index + 1).padStart(2, '0'),
      full: story.presentation === 'full',
      teaser: story.presentation === 'teaser',
      last: index === stories.length - 1,
    };
    return { ...view, webUrl: story.webUrl, editionStory: info };
  });
  return {
    lang: strings.languageTag,
    brand: config.brand,
    brandUpper: config.brand.toLocaleUpperCase(strings.languageTag),
    colors: { ...config.colors },
    darkColors: { ...config.darkColors },
    strings: { ...strings },
    slug: edition.slug,
    title: edition.subject,
    headline: edition.subject,
    date: edition.date,
    dateLabel: formatDate(edition.date, strings.languageTag),
    preheader,
    preheaderFillerHtml: preheaderFiller(preheader),
    introHtml: edition.intro === '' ? null : renderMarkdown(edition.intro, config.locale),
    webUrl: null,
    webVersionUrl: links.webVersionUrl ?? (config.webBaseUrl ? editionUrl(config.webBaseUrl, edition.slug) : null),
    subject: edition.subject,
    unsubscribeUrl: links.unsubscribeUrl,
    ...brandFrame(config),
    contents: storyViews.map((story) => ({ number: story.editionStory.number, title: story.title, category: story.category, anchor: story.editionStory.anchor })),
    stories: storyViews,
  };
}

/** The view the edition template gets: soft hyphens in the text the email shows, as for articles (`emailView`). */
export function hyphenateEditionView(view: EditionView, config: Pick<ResolvedConfig, 'locale'>): EditionView {
  const word = loadHyphenator(config.locale);
  return {
    ...view,
    headline: hyphenateText(view.headline, word),
    introHtml: view.introHtml === null ? null : hyphenateHtml(view.introHtml, word),
    contents: view.contents.map((entry) => ({ ...entry, title: hyphenateText(entry.title, word) })),
    stories: view.stories.map((story) => ({ ...hyphenateView(story, word), editionStory: story.editionStory })),
  };
}
