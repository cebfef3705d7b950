import { load, type CheerioAPI } from 'cheerio/slim';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { CheckInput } from './types.js';

const parsed = new WeakMap<CheckInput, CheerioAPI>();
const indexed = new WeakMap<CheckInput, CheerioAPI>();

/**
 * The final HTML of `input`, parsed once and shared by every rule (htmlparser2,
 * as forgiving as a mail client). Outlook's conditional comments stay
 * comments: rules see what every other client sees.
 */
export function htmlOf(input: CheckInput): CheerioAPI {
  return parseOnce(input, parsed, {});
}

/**
 * The same, with each node's `startIndex` and `endIndex` in the HTML, for
 * the rare rule that measures parts of it (a newsletter near Gmail's clipping
 * size): parsing without them costs a fifth less, and every newsletter is parsed.
 */
export function indexedHtmlOf(input: CheckInput): CheerioAPI {
  return parseOnce(input, indexed, { withStartIndices: true, withEndIndices: true });
}

function parseOnce(input: CheckInput, cache: WeakMap<CheckInput, CheerioAPI>, options: { withStartIndices?: boolean; withEndIndices?: boolean }): CheerioAPI {
  let $ = cache.get(input);
  if (!$) {
    $ = byTagName(load(parseDocument(input.html, options)));
    cache.set(input, $);
  }
  return $;
}

/** Selectors made of tag names, each with an optional `[attribute]`, e.g. `img`, `h1, h2`, `a[href]`. */
const TAG_LIST = /^\s*[a-z][a-z0-9]*(?:\[[a-z][a-z-]*\])?\s*(?:,\s*[a-z][a-z0-9]*(?:\[[a-z][a-z-]*\])?\s*)*$/;

/**
 * css-select walks the whole document for every query, and the rules ask
 * each newsletter for a handful of tag names (`img`, `a[href]`, `table`,
 * headings): one walk files the elements by name, and such queries are
 * answered from it, in document order as css-select answers them. Every
 * other call goes to cheerio as it is.
 */
function byTagName($: CheerioAPI): CheerioAPI {
  let elements: Element[] | undefined;
  let named: Map<string, Element[]> | undefined;
  const collect = () => {
    elements = [];
    named = new Map();
    const visit = (nodes: readonly AnyNode[]) => {
      for (const node of nodes) {
        if (!isTag(node)) continue;
        elements?.push(node);
        const list = named?.get(node.name);
        if (list) list.push(node);
        else named?.set(node.name, [node]);
        visit(node.children);
      }
    };
    visit($.root().get(0)?.children ?? []);
  };
  return new Proxy($, {
    apply(target, thisArgument, args: unknown[]) {
      const [selector] = args;
      if (args.length !== 1 || typeof selector !== 'string' || !TAG_LIST.test(selector)) return Reflect.apply(target, thisArgument, args) as unknown;
      if (!elements) collect();
      const parts = selector.split(',').map((part) => {
        const [, name = '', attribute] = /^\s*([a-z0-9]+)(?:\[([a-z-]+)\])?\s*$/.exec(part) ?? [];
        return { name, attribute };
      });
      const matches = (element: Element, part: { name: string; attribute: string | undefined }) =>
        element.name === part.name && (part.attribute === undefined || Object.prototype.hasOwnProperty.call(element.attribs, part.attribute));
      const [only] = parts;
      const found =
        parts.length === 1 && only
          ? (named?.get(only.name) ?? []).filter((element) => matches(element, only))
          : (elements ?? []).filter((element) => parts.some((part) => matches(element, part)));
      return target(found);
    },
  });
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
