import type { NewsletterView } from '../pipeline/render-view.js';
import { plainText } from './plain-text.js';
import { archiveUrl } from '../pipeline/web-urls.js';

/**
 * Structured data (schema.org, as JSON-LD) for a page of the web version.
 *
 * - `NewsArticle`: schema.org has no required properties; Google's Article
 *   guide recommends headline, image, datePublished, dateModified and author
 *   (with name), https://developers.google.com/search/docs/appearance/structured-data/article
 *   and https://schema.org/NewsArticle. `description` and `publisher` follow
 *   schema.org's CreativeWork.
 * - `FAQPage`: Google requires `mainEntity` (the questions), each `Question`
 *   with `name` and `acceptedAnswer`, each `Answer` with `text` (the full
 *   answer), and the FAQ visible on the page,
 *   https://developers.google.com/search/docs/appearance/structured-data/faqpage
 *   and https://schema.org/FAQPage. Google shows FAQ rich results only for
 *   well-known government and health sites (same page, "Feature
 *   availability"); other search engines and assistants read the markup too.
 *
 * Both go into one `@graph`, so a page has one script element.
 */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface StructuredDataInput {
  view: NewsletterView;
  /** Absolute address of the page (its canonical URL). */
  url: string;
  webBaseUrl: string;
}

export function articleStructuredData({ view, url, webBaseUrl }: StructuredDataInput): JsonLd {
  const publisher = { '@type': 'Organization', name: view.brand, url: archiveUrl(webBaseUrl) };
  const newsArticle: JsonLd = {
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: url,
    url,
    headline: view.title,
    description: view.teaser,
    datePublished: view.date,
    inLanguage: view.lang,
    articleSection: view.category,
    // Without a byline, the magazine itself is the author.
    author: view.author === null ? publisher : { '@type': 'Person', name: view.author },
    publisher,
    ...(view.image ? { image: [view.image.src] } : {}),
  };
  const graph: JsonLd[] = [newsArticle];
  if (view.faq && view.faq.length > 0) graph.push(faqPage(view.faq, url));
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** The FAQ as `FAQPage`: each question with its answer as plain text. */
export function faqPage(faq: readonly { question: string; answerHtml: string }[], url: string): JsonLd {
  return {
    '@type': 'FAQPage',
    '@id': `${url}#faq`,
    url,
    mainEntity: faq.map((entry) => ({
      '@type': 'Question',
      name: entry.question,
      acceptedAnswer: { '@type': 'Answer', text: plainText(entry.answerHtml) },
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. Its content ends
 * at the first `</script` whatever the JSON means, and `<!--` changes how the
 * parser reads on (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements):
 * every `<` is written `\u003c`, so no article text can end or bend the
 * element. `>` and `&` go the same way for HTML-aware tools, and U+2028/U+2029
 * for JavaScript parsers older than ES2019. The JSON means exactly the same.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
