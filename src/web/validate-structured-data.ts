import type { JsonLd } from './json-ld.js';

/** A problem with a page's structured data, with the frontmatter key it comes from (for the line). */
export interface StructuredDataProblem {
  /** `title`, `teaser`, `date`, `author`, `faq[1].answer`, …; null when it comes from the config. */
  key: string | null;
  message: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** NewsArticle properties this tool always writes, with the frontmatter key that fills them. */
const ARTICLE_PROPERTIES: readonly [property: string, key: string | null, fix: string][] = [
  ['headline', 'title', 'write the "title"'],
  ['description', 'teaser', 'write the "teaser"'],
  ['datePublished', 'date', 'write the "date" as YYYY-MM-DD'],
];

/**
 * Check the structured data of an article's web page (as `articleStructuredData`
 * makes it) against what search engines require:
 * - Google's FAQ guide requires `mainEntity`, and per Question `name` and
 *   `acceptedAnswer` with a non-empty `Answer.text`, the full answer, and each
 *   question only once
 *   (https://developers.google.com/search/docs/appearance/structured-data/faqpage);
 * - the NewsArticle properties this tool promises (headline, description,
 *   datePublished, author and publisher with a name), after Google's Article guide
 *   (https://developers.google.com/search/docs/appearance/structured-data/article).
 * Pure; returns every problem.
 */
export function structuredDataProblems(data: JsonLd): StructuredDataProblem[] {
  const problems: StructuredDataProblem[] = [];
  const graph = (Array.isArray(data['@graph']) ? (data['@graph'] as unknown[]) : []).filter(isNode);
  const article = graph.find((node) => node['@type'] === 'NewsArticle');
  if (data['@context'] !== 'https://schema.org' || !article) return [{ key: null, message: 'the page has no NewsArticle structured data: please report this' }];
  for (const [property, key, fix] of ARTICLE_PROPERTIES) {
    if (text(article[property]) === '') problems.push({ key, message: `NewsArticle "${property}" is empty: ${fix}` });
  }
  if (text(article.datePublished) !== '' && !/^\d{4}-\d{2}-\d{2}/.test(text(article.datePublished))) problems.push({ key: 'date', message: 'NewsArticle "datePublished" is not an ISO 8601 date: write the "date" as YYYY-MM-DD' });
  if (!isNode(article.author) || text(article.author.name) === '') problems.push({ key: 'author', message: 'NewsArticle "author" has no name: write the "author", or set "brand" in newsletter.config.json' });
  if (!isNode(article.publisher) || text(article.publisher.name) === '') problems.push({ key: null, message: 'NewsArticle "publisher" has no name: set "brand" in newsletter.config.json' });

  const faq = graph.find((node) => node['@type'] === 'FAQPage');
  if (!faq) return problems;
  const questions = (Array.isArray(faq.mainEntity) ? (faq.mainEntity as unknown[]) : []).filter(isNode);
  if (questions.length === 0) problems.push({ key: 'faq', message: 'FAQPage has no questions ("mainEntity"): add FAQ entries or remove the key' });
  const seen = new Map<string, number>();
  questions.forEach((question, index) => {
    const name = text(question.name);
    if (name === '') problems.push({ key: `faq[${index}].question`, message: `faq[${index}]: the Question has no "name": write the question` });
    const answer = isNode(question.acceptedAnswer) ? text(question.acceptedAnswer.text) : '';
    if (answer === '') problems.push({ key: `faq[${index}].answer`, message: `faq[${index}] ("${name}"): the "acceptedAnswer" has no text (a rule, an empty link or markup only): write the answer in words` });
    const normalized = name.toLocaleLowerCase();
    const first = seen.get(normalized);
    if (name !== '' && first !== undefined) problems.push({ key: `faq[${index}].question`, message: `faq[${index}] asks "${name}" again (as faq[${first}]): search engines want each question once; merge the two entries` });
    else if (name !== '') seen.set(normalized, index);
  });
  return problems;
}
