import Handlebars from 'handlebars';
import type { LayoutSkeleton } from './compile-skeleton.js';
import { TOKEN_PATTERN } from './layout-shape.js';
import { mjmlJuiceOptions, type Juice } from './load-juice.js';
import { uncopyableValue } from './probe-copies.js';
import { inlineCssSelector } from './select-inline-css.js';

export type FillResult = { ok: true; html: string } | { ok: false; reason: string };

/**
 * What in a content would make MJML's parser or juice treat it differently
 * from plain HTML in a slot: comments and conditional comments, MJML tags,
 * and elements whose text htmlparser2 reads raw.
 */
const UNSAFE_CONTENT = /<\/?mj-|<!|<\/?(?:script|style|title|textarea|xmp|iframe|noembed|noframes|plaintext|noscript)\b/i;
/** juice hides `{{…}}` and `<%…%>` from its parser (`juice.codeBlocks`), and restores them by this name. */
const CODE_BLOCKS = /\{\{[\s\S]*?\}\}|<%[\s\S]*?%>/g;
const HAS_CODE_BLOCK = /\{\{[\s\S]*?\}\}|<%[\s\S]*?%>/;

/**
 * Put one article into a skeleton: the email HTML the full path would make
 * for it, or the reason it cannot be made identically (the caller then takes
 * the full path).
 *
 * `mjml` is the article's own MJML, rendered from its real view. It must be
 * the skeleton's structure with the article's values and contents; each
 * content is trimmed (as mjml-parser-xml does), gets the inline CSS applied
 * by juice with the options MJML uses, in the context of the same ancestors,
 * and goes into its slot.
 */
export function fillSkeleton(skeleton: LayoutSkeleton, mjml: string, values: ReadonlyMap<string, string>, juice: Juice): FillResult {
  const fail = (reason: string): FillResult => ({ ok: false, reason });
  const { parts, tags, inlineCss } = skeleton.structure;

  // 1. The article's MJML must be the structure with its values: cut out the contents.
  const expectedParts: string[] = [];
  for (const part of parts) {
    const expected = substitute(part, values);
    if (expected === undefined) return fail('a value in an MJML attribute cannot be copied as it is');
    expectedParts.push(expected);
  }
  const first = expectedParts[0] ?? '';
  if (!mjml.startsWith(first)) return fail('the MJML structure differs from its shape');
  const contents: string[] = [];
  let position = first.length;
  for (let index = 1; index < expectedParts.length; index++) {
    const next = expectedParts[index] ?? '';
    const end = mjml.indexOf(next, position);
    if (end < 0) return fail('the MJML structure differs from its shape');
    const content = mjml.slice(position, end).trim();
    if (content === '') return fail(`an empty <${tags[index - 1]}>`);
    if (UNSAFE_CONTENT.test(content)) return fail(`a comment, MJML tag or raw-text element inside <${tags[index - 1]}>`);
    contents.push(content);
    position = end + next.length;
  }
  if (position !== mjml.length) return fail('the MJML structure differs from its shape');
  const uncopyable = uncopyableValue(skeleton.copies, values, contents);
  if (uncopyable) return fail(uncopyable);

  // 2. Inline the CSS into every content that has elements, in one juice run.
  const filled: string[] = [];
  const batch: string[] = [];
  const batched: number[] = [];
  for (const [index, slot] of skeleton.slots.entries()) {
    const content = contents[slot.content] ?? '';
    filled.push(content);
    if (slot.kind === 'attribute' && /[<"]/.test(content)) return fail('markup or quotes in a content that MJML copies into an attribute');
    if (!content.includes('<')) continue; // text only: juice writes it back as it is
    if (slot.rawText) return fail('markup inside a raw-text element');
    batch.push(`${slot.open}<!--@@S${index}@@-->${content}<!--@@/S${index}@@-->${slot.close}`);
    batched.push(index);
  }
  if (batch.length > 0) {
    const contents = batch.join('');
    const options = mjmlJuiceOptions(inlineCss);
    // juice's own run where its code blocks ({{…}}, <%…%>) are in play; else the rules matched once per layout
    const select = HAS_CODE_BLOCK.test(contents) ? null : inlineCssSelector(inlineCss, juice);
    const inlined = select ? juice.inlineSelected(contents, options, select) : juice.inline(contents, options);
    let from = 0;
    for (const index of batched) {
      const start = `<!--@@S${index}@@-->`;
      const stop = `<!--@@/S${index}@@-->`;
      const begin = inlined.indexOf(start, from);
      const end = inlined.indexOf(stop, begin);
      const slot = skeleton.slots[index];
      if (begin < 0 || end < 0 || !slot || !inlined.startsWith(`</${slot.parent}>`, end + stop.length)) {
        return fail('a content does not stay inside its element');
      }
      filled[index] = inlined.slice(begin + start.length, end);
      from = end;
    }
  }

  // 3. Assemble, with the values in the attributes that hold them.
  let html = '';
  for (const [index, part] of skeleton.html.entries()) {
    const withValues = substitute(part, values);
    if (withValues === undefined) return fail('a value in an HTML attribute cannot be copied as it is');
    html += withValues;
    if (index < filled.length) html += filled[index];
  }

  // juice parses `{{ … }}` spans as opaque text: only spans without markup come out the same.
  for (const match of html.matchAll(CODE_BLOCKS)) {
    if (/[<>]/.test(match[0].slice(2, -2))) return fail('text like {{ … }} spans markup');
  }
  if (/juice_code_block_/i.test(html)) return fail('text that juice uses internally');
  return { ok: true, html };
}

/**
 * Replace tokens with the article's values as the template printed them
 * (escaped for `{{x}}`, as is for `{{{x}}}`). Undefined when a value cannot be
 * copied as it is: MJML reads the attribute values "true" and "false" as
 * booleans, and an unescaped value could change the markup around it.
 */
function substitute(text: string, values: ReadonlyMap<string, string>): string | undefined {
  let copyable = true;
  const result = text.replace(TOKEN_PATTERN, (_token, kind: string, path: string) => {
    const value = values.get(path);
    if (value === undefined) {
      copyable = false;
      return '';
    }
    const escaped = Handlebars.Utils.escapeExpression(value);
    if (kind === 'R' && escaped !== value) copyable = false;
    if (escaped === 'true' || escaped === 'false') copyable = false;
    return escaped;
  });
  return copyable ? result : undefined;
}
