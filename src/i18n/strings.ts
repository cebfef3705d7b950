/**
 * Every fixed string of the newsletter, one table per language. Templates and
 * the plain-text part read them from here; nothing else hard-codes copy.
 */
export type Locale = 'de' | 'en';

export interface Strings {
  checkHeading: string;
  faqHeading: string;
  sourcesLabel: string;
  readOnWeb: string;
  byline: string;
  unsubscribe: string;
  footerReason: string;
  newsletterLabel: string;
  /** Editions: the table of contents above the stories. */
  contentsHeading: string;
  /** Editions: the link under a story shown as a teaser. */
  readMore: string;
  /** Editions: the link under a story shown in full, to the article on the web. */
  storyOnWeb: string;
  /** In the plain-text part: `[Bild: <alt>] <url>` for an image. */
  imageLabel: string;
  /** Typographic quotes around a source name. */
  quoteOpen: string;
  quoteClose: string;
  /** "View in browser": the link to the email's page on the web (`webBaseUrl`) or the ESP's web version. */
  viewInBrowser: string;
  /** The web version: the archive's title and the links to it and to the feed. */
  archiveTitle: string;
  archiveIntro: string;
  feedLink: string;
  /** Kicker of an edition in the archive. */
  editionLabel: string;
  /** BCP 47 tag for dates and `<html lang>`. */
  languageTag: string;
}

export const STRINGS: Readonly<Record<Locale, Readonly<Strings>>> = Object.freeze({
  de: Object.freeze({
    checkHeading: 'Business Punk Check',
    faqHeading: 'Häufig gestellte Fragen',
    sourcesLabel: 'Quellen',
    readOnWeb: 'Artikel im Web lesen',
    byline: 'Von',
    unsubscribe: 'Newsletter abbestellen',
    footerReason: 'Sie erhalten diese E-Mail, weil Sie den Newsletter abonniert haben.',
    newsletterLabel: 'Der Newsletter',
    contentsHeading: 'Die Themen heute',
    readMore: 'Weiterlesen',
    storyOnWeb: 'Im Web lesen',
    imageLabel: 'Bild',
    quoteOpen: '„',
    quoteClose: '“',
    viewInBrowser: 'Im Browser ansehen',
    archiveTitle: 'Newsletter-Archiv',
    archiveIntro: 'Alle Ausgaben und Artikel des Newsletters, die neuesten zuerst.',
    feedLink: 'Feed abonnieren',
    editionLabel: 'Ausgabe',
    languageTag: 'de',
  }),
  en: Object.freeze({
    checkHeading: 'Business Punk Check',
    faqHeading: 'Frequently asked questions',
    sourcesLabel: 'Sources',
    readOnWeb: 'Read the article on the web',
    byline: 'By',
    unsubscribe: 'Unsubscribe',
    footerReason: 'You are receiving this email because you subscribed to the newsletter.',
    newsletterLabel: 'The newsletter',
    contentsHeading: 'Today’s stories',
    readMore: 'Read more',
    storyOnWeb: 'Read on the web',
    imageLabel: 'Image',
    quoteOpen: '“',
    quoteClose: '”',
    viewInBrowser: 'View in browser',
    archiveTitle: 'Newsletter archive',
    archiveIntro: 'Every edition and article of the newsletter, newest first.',
    feedLink: 'Subscribe to the feed',
    editionLabel: 'Edition',
    languageTag: 'en',
  }),
});

/** The strings a project may change in `newsletter.config.json` (`strings`): all but the language tag, which `locale` sets. */
export const OVERRIDABLE_STRINGS = Object.keys(STRINGS.de).filter((name): name is Exclude<keyof Strings, 'languageTag'> => name !== 'languageTag');

export function stringsFor(locale: Locale): Readonly<Strings> {
  return STRINGS[locale];
}
