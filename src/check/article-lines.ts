import { linksOf, type Link } from './links.js';
import type { CheckInput } from './types.js';

/**
 * Where in the article file a place of the email was written: rules find
 * links and headings in the final HTML, and editors need the line of their
 * Markdown. Found by searching the file's text (markdown-it's own source
 * map ends at the HTML it renders), so a place the templates add, such as
 * the unsubscribe link, has no line.
 */

const sourceLines = new WeakMap<CheckInput, readonly string[]>();
const linkLines = new WeakMap<CheckInput, Map<Link, number | undefined>>();

function linesOf(input: CheckInput): readonly string[] {
  let lines = sourceLines.get(input);
  if (!lines) {
    lines = input.article.source.split('\n');
    sourceLines.set(input, lines);
  }
  return lines;
}

/** Ways an address may be written in Markdown for the HTML to carry `href`: as is, or before markdown-it percent-encoded it. */
function spellings(href: string): string[] {
  const written = new Set([href]);
  try {
    written.add(decodeURI(href));
  } catch {
    // not percent-encoded as a URI: the address as it stands is the only spelling
  }
  return [...written].filter((spelling) => spelling.trim() !== '');
}

/** An empty or `#` Markdown link: `[text]()`, `[text](#)`, `[text](<>)`. */
const EMPTY_LINK = /\]\(\s*<?\s*#?\s*>?\s*\)/;

/**
 * 1-based line of the article file that holds `link`, or undefined for a link
 * the article does not contain. The n-th link with the same address and text
 * gets the n-th line that holds it.
 */
export function lineOfLink(input: CheckInput, link: Link): number | undefined {
  let lines = linkLines.get(input);
  if (!lines) {
    lines = new Map();
    const source = linesOf(input);
    const seen = new Map<string, number>();
    for (const each of linksOf(input)) {
      const addresses = spellings(each.href);
      const holds = (line: string) => (addresses.length === 0 ? EMPTY_LINK.test(line) : addresses.some((address) => line.includes(address)));
      const candidates = source.flatMap((line, index) => (holds(line) ? [index] : []));
      const withText = each.text === '' ? [] : candidates.filter((index) => source[index]?.includes(`[${each.text}`));
      const found = withText.length > 0 ? withText : candidates;
      const key = `${each.href}\u0000${each.text}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const index = found[Math.min(occurrence, found.length - 1)];
      lines.set(each, index === undefined ? undefined : index + 1);
    }
    linkLines.set(input, lines);
  }
  return lines.get(link);
}

/** An ATX heading as written: `## Zwischenstand`. */
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Heading text reduced to its letters and digits, so Markdown marks, typographic quotes and soft hyphens do not matter. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/** The body heading with this text: its 1-based line and the `#` marks the editor wrote. */
export function headingInArticle(input: CheckInput, text: string): { line: number; marks: string } | undefined {
  const wanted = comparable(text);
  if (wanted === '') return undefined;
  const source = linesOf(input);
  let inFence = false;
  for (let index = Math.max(0, input.article.bodyLine - 1); index < source.length; index++) {
    const line = source[index] ?? '';
    if (/^ {0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = ATX_HEADING.exec(line);
    if (match && comparable(match[2] ?? '') === wanted) return { line: index + 1, marks: match[1] ?? '#' };
  }
  return undefined;
}

/** `{ line }` of a link for a finding, or nothing when the article does not contain it. */
export function placeOfLink(input: CheckInput, link: Link): { line?: number } {
  const line = lineOfLink(input, link);
  return line === undefined ? {} : { line };
}

/** 1-based line of the n-th (from 0) `- question:` under `faq:` in the frontmatter, where the list is written in block style. */
export function lineOfFaqEntry(input: CheckInput, index: number): number | undefined {
  const source = linesOf(input);
  const start = source.findIndex((line) => /^faq\s*:/.test(line));
  if (start < 0) return undefined;
  let seen = -1;
  for (let line = start + 1; line < input.article.bodyLine - 1 && line < source.length; line++) {
    const text = source[line] ?? '';
    if (/^\S/.test(text)) break; // the next top-level key
    if (/^\s*-\s+question\s*:/.test(text) || /^\s*-\s*$/.test(text)) seen++;
    if (seen === index) return line + 1;
  }
  return undefined;
}
