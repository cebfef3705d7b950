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
  /** In the plain-text part: `[Bild: <alt>] <url>` for an image. */
  imageLabel: string;
  /** Typographic quotes around a source name. */
  quoteOpen: string;
  quoteClose: string;
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
    imageLabel: 'Bild',
    quoteOpen: '„',
    quoteClose: '“',
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
    imageLabel: 'Image',
    quoteOpen: '“',
    quoteClose: '”',
    languageTag: 'en',
  }),
});

/** The strings a project may change in `newsletter.config.json` (`strings`): all but the language tag, which `locale` sets. */
export const OVERRIDABLE_STRINGS = Object.keys(STRINGS.de).filter((name): name is Exclude<keyof Strings, 'languageTag'> => name !== 'languageTag');

export function stringsFor(locale: Locale): Readonly<Strings> {
  return STRINGS[locale];
}
