import { load, type CheerioAPI } from 'cheerio/slim';
import { parseDocument } from 'htmlparser2';
import type { CheckInput } from './types.js';

const parsed = new WeakMap<CheckInput, CheerioAPI>();

/**
 * The final HTML of `input`, parsed once and shared by every rule (htmlparser2,
 * as forgiving as a mail client). Outlook's conditional comments stay
 * comments: rules see what every other client sees.
 */
export function htmlOf(input: CheckInput): CheerioAPI {
  let $ = parsed.get(input);
  if (!$) {
    $ = load(parseDocument(input.html, { withStartIndices: true, withEndIndices: true }));
    parsed.set(input, $);
  }
  return $;
}

/** Parse an HTML fragment (e.g. a Markdown field of the view). */
export function parseFragment(html: string): CheerioAPI {
  return load(html, null, false);
}

/** Text of an HTML fragment with whitespace collapsed; `&nbsp;` counts as whitespace. */
export function textOf(html: string): string {
  return collapse(parseFragment(html).root().text());
}

/** Whitespace collapsed; control characters dropped, so article text cannot drive the terminal a message is printed on. */
export function collapse(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Quote a value for a message, shortened so one finding stays one line. */
export function quote(value: string, max = 80): string {
  const oneLine = collapse(value);
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
