import type { NewsletterView } from './render-view.js';

/** Soft hyphen: invisible unless the line breaks there, then a hyphen. */
export const SOFT_HYPHEN = '\u00ad';
/** Words shorter than this fit any line of the email, even a phone's headline: they are left alone. */
export const MIN_WORD_LENGTH = 12;

/** A word (letters only) → the same word with soft hyphens where it may break. */
export type WordHyphenator = (word: string) => string;

/**
 * Runs of Latin letters (the locales are German and English) long enough to
 * need breaks. Explicit ranges: `\p{L}` makes this scan several times slower.
 */
const LONG_WORD = new RegExp(`[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]{${MIN_WORD_LENGTH},}`, 'g');
const HAS_LONG_WORD = new RegExp(LONG_WORD.source);
const WHITESPACE = /\s/;
/** Whitespace-separated tokens that are addresses, not words: URLs, domains, e-mail addresses, paths. */
const ADDRESS_LIKE = /:\/\/|^www\.|@|[\p{L}\d]\.[\p{L}]{2,}\b|[\\/_]/u;
/** Elements whose text is never hyphenated: code keeps its characters exactly. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp']);

/**
 * Hyphenate plain text: long words get soft hyphens, tokens that look like
 * addresses (URLs, domains, e-mail) and everything else stay as they are.
 */
export function hyphenateText(text: string, hyphenateWord: WordHyphenator): string {
  if (!HAS_LONG_WORD.test(text)) return text;
  return text.replace(LONG_WORD, (word: string, offset: number) => {
    let start = offset;
    while (start > 0 && !WHITESPACE.test(text.charAt(start - 1))) start -= 1;
    let end = offset + word.length;
    while (end < text.length && !WHITESPACE.test(text.charAt(end))) end += 1;
    return ADDRESS_LIKE.test(text.slice(start, end)) ? word : hyphenateWord(word);
  });
}

/**
 * Hyphenate the text of an HTML fragment made by renderMarkdown: tags,
 * attribute values and entities stay untouched, and so does the text inside
 * code. (markdown-it escapes `<` and `>` in text and attributes, so a tag is
 * always `<…>`.)
 */
export function hyphenateHtml(html: string, hyphenateWord: WordHyphenator): string {
  let verbatim = 0;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (match, tag: string | undefined) => {
    if (tag) {
      const name = /^<(\/?)([a-z0-9]+)/i.exec(tag);
      if (name?.[2] && VERBATIM.has(name[2].toLowerCase())) verbatim = Math.max(0, verbatim + (name[1] ? -1 : 1));
      return tag;
    }
    if (verbatim > 0) return match;
    // entities (&amp;, &#8594;) are never split
    return match.replace(/(&[#\w]+;)|([^&]+)/g, (part, entity: string | undefined) => (entity ? part : hyphenateText(part, hyphenateWord)));
  });
}

/**
 * Stage: the view as the email shows it, with soft hyphens in long words of
 * the headline, teaser, body, check box and FAQ (email clients mostly ignore
 * CSS `hyphens`). Subject, `<title>`, preheader and the plain-text part keep
 * the unhyphenated view.
 */
export function hyphenateView(view: NewsletterView, hyphenateWord: WordHyphenator): NewsletterView {
  const text = (value: string) => hyphenateText(value, hyphenateWord);
  const html = (value: string) => hyphenateHtml(value, hyphenateWord);
  return {
    ...view,
    headline: text(view.headline),
    teaser: text(view.teaser),
    bodyHtml: html(view.bodyHtml),
    checkHtml: view.checkHtml === null ? null : html(view.checkHtml),
    faq: view.faq ? view.faq.map((entry) => ({ question: text(entry.question), answerHtml: html(entry.answerHtml) })) : null,
  };
}
