import type { ResolvedConfig, ResolvedEsp } from '../config/config.js';
import { ArticleError, didYouMean, type Problem } from '../errors.js';
import type { Article } from './validate-article.js';
import { espSyntax, FALLBACK_REFUSED } from '../esp/providers.js';
import { addUtm, utmParameters } from './utm.js';

/**
 * Personal fields: editors write `[[vorname|liebe Leserin]]` (field, then the
 * fallback shown where the contact has no value). With an ESP the email
 * carries that ESP's tag; without one, and in every test send and the
 * preview, the fallback text.
 *
 * Tags never go through Markdown, Handlebars, soft hyphens, juice or MJML:
 * each is replaced by a token of plain letters and digits that every stage
 * copies as it is, and the finished HTML and text get the tags in its place.
 */

/** A field name as editors write it in `[[name|fallback]]` and declare it in `esp.fields`. */

/** `[[name|fallback]]` or `[[name]]`; anything else in double brackets is text. */
const REFERENCE = /\[\[([A-Za-z][A-Za-z0-9_]*)(?:\|([^[\]\n]*))?\]\]/g;

/** Tokens stand in for tags on their way through the pipeline: letters and digits only, no run of letters long enough to be hyphenated. */
const TOKEN_PREFIX = 'esp7q3x';
const TOKEN = /esp7q3x(?:\d+|U|W)x/g;
/** The unsubscribe and web-version links' tokens. */
export const UNSUBSCRIBE_TOKEN = `${TOKEN_PREFIX}Ux`;
export const WEB_VERSION_TOKEN = `${TOKEN_PREFIX}Wx`;

export interface PersonalField {
  /** The reference as written, e.g. `[[vorname|liebe Leserin]]`. */
  written: string;
  name: string;
  fallback: string;
  /** Offset in the text. */
  index: number;
}

/**
 * Every personal field in a text, and what is wrong with any of them: an
 * undeclared field (with a suggestion), a missing or empty fallback, a
 * fallback with characters that would break an ESP's tag. `[[x]]` where x is
 * no declared field stays text; `[[x|y]]` is always meant as a field.
 */
export function findPersonalFields(text: string, fields: Readonly<Record<string, string>>): { found: PersonalField[]; problems: { message: string; index: number }[] } {
  const found: PersonalField[] = [];
  const problems: { message: string; index: number }[] = [];
  if (!text.includes('[[')) return { found, problems };
  const declared = Object.keys(fields);
  for (const match of text.matchAll(REFERENCE)) {
    const [written, name = '', fallback] = match;
    const index = match.index;
    if (!Object.hasOwn(fields, name)) {
      if (fallback === undefined) continue; // [[Begriff]]: text, not a field
      const suggestion = didYouMean(name, declared);
      problems.push({
        index,
        message: suggestion
          ? `unknown personal field "${name}" in ${written} (did you mean "${suggestion}"?): correct the name`
          : `unknown personal field "${name}" in ${written}: declare it in "esp.fields" of newsletter.config.json${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ', e.g. { "' + name + '": "FNAME" }'}`,
      });
      continue;
    }
    if (fallback === undefined || fallback.trim() === '') {
      problems.push({ index, message: `the personal field ${written} has no fallback: write the text readers without a "${name}" see, e.g. [[${name}|liebe Leserin]]` });
      continue;
    }
    const refused = FALLBACK_REFUSED.exec(fallback);
    if (refused) {
      problems.push({ index, message: `the fallback of ${written} contains "${refused[0]}", which would break the ESP's tag: write the fallback without it` });
      continue;
    }
    found.push({ written, name, fallback: fallback.trim(), index });
  }
  return { found, problems };
}

/** Tags waiting for the finished HTML and text: token → the tag in each part. */
export type TagTable = Map<string, { html: string; text: string }>;

/**
 * Replace each personal field of a text: by a token for the ESP's tag (with
 * `tags`, when the config names an ESP) or by its fallback text. Fields must
 * have passed `findPersonalFields`; one that did not is an error.
 */
export function personaliseText(text: string, esp: ResolvedEsp, tags: TagTable | null): string {
  if (!text.includes('[[')) return text;
  const { found, problems } = findPersonalFields(text, esp.fields);
  const [problem] = problems;
  if (problem) throw new ArticleError(problem.message);
  const syntax = espSyntax(esp.provider);
  let result = '';
  let from = 0;
  for (const field of found) {
    result += text.slice(from, field.index);
    from = field.index + field.written.length;
    const espName = esp.fields[field.name] ?? field.name;
    if (!syntax || !tags) {
      result += field.fallback;
      continue;
    }
    const token = `${TOKEN_PREFIX}${tags.size}x`;
    tags.set(token, { html: syntax.field(espName, escapeHtml(field.fallback)), text: syntax.field(espName, field.fallback) });
    result += token;
  }
  return result + text.slice(from);
}

/**
 * A text as a reader without the ESP sees it: each declared personal field
 * replaced by its fallback (what the build reports, a test send's subject,
 * the web version). Never fails: anything else stays as written.
 */
export function fallbackText(text: string, fields: Readonly<Record<string, string>>): string {
  if (!text.includes('[[')) return text;
  return text.replace(REFERENCE, (written, name: string, fallback: string | undefined) => (Object.hasOwn(fields, name) && fallback !== undefined && fallback.trim() !== '' ? fallback.trim() : written));
}

/**
 * One line of text (a subject, a preheader) as the ESP gets it: personal
 * fields as its tags (text form), or their fallback without an ESP.
 */
export function renderEspText(text: string, esp: ResolvedEsp): string {
  const tags: TagTable = new Map();
  const tokenised = personaliseText(text, esp, espSyntax(esp.provider) ? tags : null);
  return tokenised.replace(TOKEN, (token) => tags.get(token)?.text ?? token);
}

/** The addresses the footer's unsubscribe link and the web-version link point to, as the view gets them. */
export function espViewLinks(config: Pick<ResolvedConfig, 'esp' | 'unsubscribeUrl'>): { unsubscribeUrl: string; webVersionUrl: string | null } {
  const syntax = espSyntax(config.esp.provider);
  if (!syntax) return { unsubscribeUrl: config.unsubscribeUrl, webVersionUrl: null };
  return { unsubscribeUrl: UNSUBSCRIBE_TOKEN, webVersionUrl: syntax.webVersion === null ? null : WEB_VERSION_TOKEN };
}

/** One article's way through the ESP stage: what the pipeline renders, and how its output is finished. */
export interface EspRender {
  /** The article with every personal field replaced by a token or its fallback. */
  article: Article;
  /**
   * The finished parts: UTM parameters added to the links (`webVersionUrl`:
   * the web-version link, which gets none), then every token replaced by its
   * tag, byte for byte.
   */
  finish(parts: { html: string; text: string }, webVersionUrl?: string | null): { html: string; text: string };
}

/**
 * Stage: personal fields, ESP tags and UTM parameters for one article. Used
 * by both render paths around the same stages, so both write the same bytes.
 */
export function prepareEspRender(article: Article, config: Pick<ResolvedConfig, 'esp' | 'unsubscribeUrl' | 'utm'>): EspRender {
  assertNoTokens(`${article.body}${article.teaser}${article.preheader ?? ''}${article.check ?? ''}${(article.faq ?? []).map((entry) => entry.answer).join('')}`, article.file);
  const stage = espStage(config, { slug: article.slug, date: article.date, edition: article.slug });
  return { article: personaliseArticle(article, stage.personalise), finish: stage.finish };
}

/** An article with every personal field of its texts replaced by `personalise` (a token or the fallback). */
export function personaliseArticle(article: Article, personalise: (text: string) => string): Article {
  return {
    ...article,
    body: personalise(article.body),
    teaser: personalise(article.teaser),
    ...(article.preheader === undefined ? {} : { preheader: personalise(article.preheader) }),
    ...(article.check === undefined ? {} : { check: personalise(article.check) }),
    ...(article.faq === undefined ? {} : { faq: article.faq.map((entry) => ({ ...entry, answer: personalise(entry.answer) })) }),
  };
}

/** Text that already holds a token would be taken for a tag: refused with one line. */
export function assertNoTokens(text: string, file: string): void {
  if (text.includes(TOKEN_PREFIX)) {
    throw new ArticleError(`the text contains "${TOKEN_PREFIX}", which this tool uses internally for ESP tags: write it differently`, { file });
  }
}

/** One email's ESP stage: one tag table for all its texts (an edition's subject, intro and stories share it), one finish. */
export interface EspStage {
  /** A text with its personal fields replaced by tokens (with an ESP) or their fallback. */
  personalise(text: string): string;
  finish: EspRender['finish'];
}

/** The ESP stage of one email; `utmValues` fill the UTM placeholders (`{slug}`, `{date}`, `{edition}`). */
export function espStage(config: Pick<ResolvedConfig, 'esp' | 'unsubscribeUrl' | 'utm'>, utmValues: { slug: string; date: string; edition: string }): EspStage {
  const syntax = espSyntax(config.esp.provider);
  const tags: TagTable | null = syntax ? new Map() : null;
  const utm = config.utm ? utmParameters(config.utm, utmValues) : null;
  return {
    personalise: (text) => personaliseText(text, config.esp, tags),
    finish(parts, webVersionUrl = null) {
      let { html, text } = parts;
      if (utm) {
        // ESP tags are still tokens here: no http(s) address, so they are skipped like the two links below
        const skip = (url: string) => url === config.unsubscribeUrl || url === webVersionUrl || url.includes(TOKEN_PREFIX);
        ({ html, text } = addUtm({ html, text }, utm, skip));
      }
      if (!syntax) return { html, text };
      const tagFor = (token: string, part: 'html' | 'text') => {
        if (token === UNSUBSCRIBE_TOKEN) return syntax.unsubscribe;
        if (token === WEB_VERSION_TOKEN) return syntax.webVersion ?? token;
        return tags?.get(token)?.[part] ?? token;
      };
      // Inside a tag (an image's description) a tag is written attribute-safe, so quotes in it never end the attribute.
      const inHtml = html.replace(/<[^>]*>|[^<]+/g, (segment) =>
        segment.startsWith('<') ? segment.replace(TOKEN, (token) => escapeAttribute(tagFor(token, 'html'))) : segment.replace(TOKEN, (token) => tagFor(token, 'html')),
      );
      return { html: inHtml, text: text.replace(TOKEN, (token) => tagFor(token, 'text')) };
    },
  };
}

/**
 * Check every personal field of an article against `esp.fields`, all
 * problems at once, each with its line in the file. Run when the article is
 * read, so that its mistakes are reported like any other.
 */
export function checkPersonalFields(article: Article, fields: Readonly<Record<string, string>>, source: string): void {
  const texts = [article.body, article.teaser, article.preheader, article.check, ...(article.faq ?? []).map((entry) => entry.answer)];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    if (text === undefined) continue;
    for (const problem of findPersonalFields(text, fields).problems) {
      if (seen.has(problem.message)) continue;
      seen.add(problem.message);
      problems.push({ file: article.file, line: lineOf(source, text, problem.index), message: problem.message });
    }
  }
  const [first] = problems;
  if (first) throw new ArticleError(first.message, { file: article.file, line: first.line, problems });
}

/** The 1-based line in the file of the text at `index` of a field: where the field's text sits in the file, else the first occurrence of the reference. */
function lineOf(source: string, text: string, index: number): number | undefined {
  const normalised = source.replace(/\r\n?/g, '\n');
  const at = normalised.indexOf(text);
  const reference = /^\[\[[^\]]*\]\]/.exec(text.slice(index))?.[0] ?? '';
  const offset = at >= 0 ? at + index : normalised.indexOf(reference);
  return offset < 0 ? undefined : normalised.slice(0, offset).split('\n').length;
}

function escapeAttribute(text: string): string {
  return text.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
