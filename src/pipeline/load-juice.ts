import type juiceFunction from 'juice';
import juiceClient from 'juice/client.js';
import juiceCheerio from 'juice/lib/cheerio.js';
import juiceUtils from 'juice/lib/utils.js';

/** The part of the DOM (domhandler nodes) that the fast path walks. */
export interface JuiceNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  parent: JuiceNode | null;
  children?: JuiceNode[];
}

/** The part of cheerio's API that the fast path uses. */
export interface JuiceRoot {
  root(): { get(index: number): JuiceNode | undefined };
}

export interface Juice {
  /** juice itself: inline `extraCss` into the HTML. */
  inline: typeof juiceFunction;
  /**
   * juice's inliner (`inlineDocument`, the same code `inline` runs) on HTML
   * whose rule matches are already known: `select(root)` returns, per
   * selector, the elements css-select would select, in document order. Saves
   * juice's per-call work: parsing the CSS, and a css-select query per rule.
   * The HTML must hold no `{{…}}` or `<%…%>` (juice's code blocks).
   */
  inlineSelected(html: string, options: JuiceOptions, select: (root: JuiceNode) => ReadonlyMap<string, readonly JuiceNode[]>): string;
  /** True when juice skips the rule of this selector (`ignoredPseudos` such as `:hover`). */
  ignoresSelector(selector: string): boolean;
  /** Parse HTML the way juice does, hand the document to `callback`, and return it serialised. */
  parse(html: string, options: { xmlMode?: boolean }, callback: ($: JuiceRoot) => unknown): string;
  /** The rules juice would inline, one per selector. */
  parseCss(css: string): [string, unknown[]][];
}

export type JuiceOptions = ReturnType<typeof mjmlJuiceOptions>;
type JuiceClient = typeof juiceFunction & {
  juiceDocument($: unknown, options: unknown): unknown;
  inlineDocument($: unknown, css: string, options: unknown): unknown;
  ignoredPseudos: string[];
};
type ParsedCss = [string, unknown[]][];
interface JuiceUtils {
  parseCSS(css: string): ParsedCss;
  getDefaultOptions(options: unknown): unknown;
  Selector: new (text: string) => { parsed(): ArrayLike<{ pseudos?: ArrayLike<{ name: string }> }> };
}

/** Most parsed CSS juice asks for again: the inline CSS of each layout, and the style attributes the templates write. */
const PARSED_CSS_LIMIT = 2_000;

let juice: Juice | undefined;

/**
 * juice is what MJML runs for `<mj-style inline="inline">` (mjml-core 5
 * depends on juice ^11; this project pins the exact version, and npm
 * installs one copy). Its private files used here are checked by
 * test/pipeline/dependency-internals.test.ts, which fails on any upgrade
 * that changes them.
 * This is juice's own client (`juice/client.js`, what `juice()` is, without
 * the resource inliner of its main entry) and its own cheerio wrapper, so
 * the fast path parses, inlines and serialises with the very code MJML runs.
 * juice always parses with htmlparser2; the bundle in dist/ gives its
 * cheerio the htmlparser2-only build (scripts/build-dist.mjs).
 */
export function loadJuice(): Juice {
  if (juice) return juice;
  const client = juiceClient as JuiceClient;
  const utils = juiceUtils as JuiceUtils;
  // juice/lib/cheerio.js: takes `{{…}}` and `<%…%>` out before parsing, puts them back after
  const parse = (html: string, options: { xmlMode?: boolean }, callback: ($: JuiceRoot) => unknown): string => juiceCheerio(html, { xmlMode: options.xmlMode }, callback);

  // juice reads its parsed CSS and never changes it, so one parse per text serves every article
  const parsedCss = new Map<string, ParsedCss>();
  const parseCss = utils.parseCSS;
  const parseCssOnce = (css: string): ParsedCss => {
    let parsed = parsedCss.get(css);
    if (!parsed) {
      parsed = parseCss(css);
      if (parsedCss.size < PARSED_CSS_LIMIT) parsedCss.set(css, parsed);
    }
    return parsed;
  };

  const inlineSelected: Juice['inlineSelected'] = (html, options, select) =>
    parse(html, {}, ($) => {
      const root = $.root().get(0);
      const selected = root ? select(root) : new Map<string, JuiceNode[]>();
      // the part of cheerio's API that inlineDocument uses: $(selector).each, $(element).attr
      const query = (target: string | JuiceNode) =>
        typeof target === 'string'
          ? {
              each(callback: (this: JuiceNode) => void) {
                for (const element of selected.get(target) ?? []) callback.call(element);
              },
            }
          : {
              attr(name: string, value?: string) {
                const attributes = (target.attribs ??= {});
                if (value === undefined) return attributes[name];
                attributes[name] = String(value);
                return undefined;
              },
            };
      // As juiceDocument: the document has no <style> to take CSS from, so the CSS is "\n" + extraCss.
      // parseCSS is swapped for the cached one only while this synchronous call runs.
      utils.parseCSS = parseCssOnce;
      try {
        client.inlineDocument(query, `\n${options.extraCss}`, utils.getDefaultOptions(options));
      } finally {
        utils.parseCSS = parseCss;
      }
      return $;
    });

  const ignoresSelector = (selector: string) =>
    Array.from(new utils.Selector(selector).parsed()).some((compound) => Array.from(compound.pseudos ?? []).some((pseudo) => client.ignoredPseudos.includes(pseudo.name)));

  juice = { inline: client, inlineSelected, ignoresSelector, parse, parseCss: (css) => parseCss(css) };
  return juice;
}

/**
 * The `juiceOptions` this project gives MJML. juice would copy an image's
 * `height: auto` into its height attribute (`applyHeightAttributes`),
 * overwriting the real height that reserves the image's place.
 */
export const JUICE_OPTIONS = { applyHeightAttributes: false } as const;

/** The options mjml-core 5 passes to juice (mjml-core/lib/index.js), with this project's `juiceOptions`. */
export function mjmlJuiceOptions(inlineCss: string) {
  return { applyStyleTags: false, extraCss: inlineCss, insertPreservedExtraCss: false, removeStyleTags: false, ...JUICE_OPTIONS } as const;
}
