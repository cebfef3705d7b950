import { createRequire } from 'node:module';
import { structureKey } from './structure-key.js';
import { HAS_TOKEN } from './layout-shape.js';

/**
 * MJML components whose content MJML keeps as written (`endingTag` in mjml 5).
 * A test checks this list against the components mjml registers.
 */
export const MJML_ENDING_TAGS: ReadonlySet<string> = new Set([
  'mj-breakpoint',
  'mj-preview',
  'mj-style',
  'mj-title',
  'mj-button',
  'mj-raw',
  'mj-text',
  'mj-table',
  'mj-social-element',
  'mj-navbar-link',
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-carousel-image',
]);

/** Ending tags whose content MJML puts into the HTML unchanged (trimmed), so an article's content can go into a slot. */
const SLOT_TAGS: ReadonlySet<string> = new Set(['mj-text', 'mj-button', 'mj-table', 'mj-raw', 'mj-title', 'mj-preview']);

/** Components whose output depends on the text of the whole email: a layout using them always takes the full path. */
const CONTENT_DEPENDENT = /<mj-(?:font|html-attributes|include)\b/;

/**
 * A layout's MJML cut at the contents that hold article text. `parts` are
 * the MJML between those contents (with tokens for per-article values in
 * attributes); an article of this structure renders MJML equal to
 * `parts[0] + content0 + parts[1] + …` with the tokens replaced.
 */
export interface LayoutStructure {
  /** Hash of parts and tags: equal structures compile to the same skeleton. */
  key: string;
  parts: string[];
  /** Component of each content (`mj-text`, `mj-button`, …). */
  tags: string[];
  /** CSS of `<mj-style inline="inline">`, in order, as MJML joins it for juice. */
  inlineCss: string;
}

export type SplitResult = { ok: true; structure: LayoutStructure } | { ok: false; reason: string };

export interface Tokenizer {
  new (
    handlers: { onopentag(name: string, attributes: Record<string, string>): void; onclosetag(name: string): void },
    options: Record<string, boolean>,
  ): { startIndex: number; endIndex: number; write(text: string): void; end(): void };
}

let tokenizer: Tokenizer | undefined;

/** The htmlparser2 that mjml-parser-xml uses, found through mjml's own dependencies so both parse alike. */
function mjmlTokenizer(): Tokenizer {
  if (tokenizer) return tokenizer;
  let require = createRequire(import.meta.url);
  for (const name of ['mjml', 'mjml-core', 'mjml-parser-xml']) require = createRequire(require.resolve(name));
  tokenizer = (require('htmlparser2') as { Parser: Tokenizer }).Parser;
  return tokenizer;
}

/**
 * Cut rendered MJML (rendered from a shape view, so per-article text shows
 * as tokens) into structure and contents, finding ending tags exactly as
 * mjml-parser-xml does. Contents without tokens stay part of the structure.
 */
export function splitLayout(mjml: string): SplitResult {
  const Parser = mjmlTokenizer();
  const contents: { tag: string; from: number; to: number }[] = [];
  const inlineCss: string[] = [];
  let depth = 0;
  let open = { tag: '', startIndex: 0, endIndex: 0, inline: false };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!MJML_ENDING_TAGS.has(name)) return;
        depth += 1;
        if (depth === 1) open = { tag: name, startIndex: parser.startIndex, endIndex: parser.endIndex, inline: attributes.inline === 'inline' };
      },
      onclosetag(name) {
        if (!MJML_ENDING_TAGS.has(name)) return;
        depth -= 1;
        if (depth !== 0) return;
        const selfClosing = open.startIndex === parser.startIndex && open.endIndex === parser.endIndex;
        if (selfClosing) return;
        const from = open.endIndex + 1;
        const partial = mjml.slice(from, parser.endIndex);
        const to = from + partial.lastIndexOf(`</${name}`);
        if (name === 'mj-style' && open.inline) inlineCss.push(mjml.slice(from, to).trim());
        contents.push({ tag: name, from, to });
      },
    },
    { recognizeCDATA: true, decodeEntities: false, recognizeSelfClosing: true, lowerCaseAttributeNames: false },
  );
  parser.write(mjml);
  parser.end();

  const parts: string[] = [];
  const tags: string[] = [];
  let last = 0;
  for (const content of contents) {
    const text = mjml.slice(content.from, content.to);
    if (!hasToken(text)) continue; // the same for every article of this shape
    if (!SLOT_TAGS.has(content.tag)) return { ok: false, reason: `article text inside <${content.tag}>` };
    parts.push(mjml.slice(last, content.from));
    tags.push(content.tag);
    last = content.to;
  }
  parts.push(mjml.slice(last));

  const structureText = parts.join('\u0000');
  if (CONTENT_DEPENDENT.test(structureText)) return { ok: false, reason: 'the layout uses mj-font, mj-html-attributes or mj-include' };
  const css = inlineCss.join('');
  if (hasToken(css)) return { ok: false, reason: 'article text inside inline CSS' };
  return { ok: true, structure: { key: structureKey(parts, tags), parts, tags, inlineCss: css } };
}

function hasToken(text: string): boolean {
  return HAS_TOKEN.test(text);
}

/**
 * Where each child of `<mj-body>` starts and ends in the MJML, in order,
 * found as mjml-parser-xml reads it: with the same htmlparser2 (which closes
 * what is left open), the contents of ending tags read as text.
 */
export function bodyBlocks(mjml: string): { start: number; end: number }[] {
  const Parser = mjmlTokenizer();
  const blocks: { start: number; end: number }[] = [];
  const open: string[] = [];
  let start = 0;
  let ending: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        if (ending !== undefined) return;
        if (open[open.length - 1] === 'mj-body') start = parser.startIndex;
        open.push(name);
        if (MJML_ENDING_TAGS.has(name)) ending = name;
      },
      onclosetag(name) {
        if (ending !== undefined && name !== ending) return;
        ending = undefined;
        open.pop();
        if (open[open.length - 1] === 'mj-body') blocks.push({ start, end: parser.endIndex + 1 });
      },
    },
    { recognizeCDATA: true, decodeEntities: false, recognizeSelfClosing: true, lowerCaseAttributeNames: false },
  );
  parser.write(mjml);
  parser.end();
  return blocks;
}
