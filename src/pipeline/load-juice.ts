import { createRequire } from 'node:module';
import type juiceFunction from 'juice';

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
type CheerioLoad = (html: string, options: Record<string, unknown>) => JuiceRoot & { html(): string; xml(): string };
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
 * depends on juice ^11; so does this project, and npm installs one copy).
 *
 * juice's own entry loads the full cheerio (parse5, undici, …) although
 * juice always parses with htmlparser2; that costs about 70 ms per build.
 * This builds the same client from juice's inliner (`lib/inline.js`) and
 * cheerio's htmlparser2-only build (`cheerio/slim`, from juice's own
 * dependencies), wrapped exactly as `juice/lib/cheerio.js` does. The
 * equivalence tests compare the result with MJML's own juice run.
 */
export function loadJuice(): Juice {
  if (juice) return juice;
  const fromProject = createRequire(import.meta.url);
  const fromJuice = createRequire(fromProject.resolve('juice'));
  const { load } = fromJuice('cheerio/slim') as { load: CheerioLoad };
  const makeJuiceClient = fromJuice('./lib/inline.js') as (base: (html: string, options?: { xmlMode?: boolean }) => string) => JuiceClient;
  const utils = fromJuice('./lib/utils.js') as JuiceUtils;

  const parse = (html: string, options: { xmlMode?: boolean }, callback: ($: JuiceRoot, ...extra: unknown[]) => unknown, extra: unknown[] = []): string => {
    // As juice/lib/cheerio.js: `{{…}}` and `<%…%>` are taken out before parsing and put back after.
    const blocks: string[] = [];
    let encoded = html;
    for (const pattern of CODE_BLOCKS) {
      encoded = encoded.replace(pattern, (match) => {
        blocks.push(match);
        return `JUICE_CODE_BLOCK_${blocks.length - 1}_`;
      });
    }
    const { xmlMode, ...rest } = options;
    const $ = load(encoded, { xml: { decodeEntities: false, xmlMode }, ...rest });
    const document = (callback($, ...extra) ?? $) as { html(): string; xml(): string };
    let output = xmlMode ? document.xml() : document.html();
    for (const [index, block] of blocks.entries()) output = output.replace(new RegExp(`JUICE_CODE_BLOCK_${index}_(="")?`, 'gi'), () => block);
    return output;
  };

  const client: JuiceClient = makeJuiceClient((html, options) => parse(html, { xmlMode: options?.xmlMode }, ($, juiceOptions) => client.juiceDocument($, juiceOptions), [options]));

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

  const inlineSelected: Juice['inlineSelected'] = (html, options, select) => {
    const $ = load(html, { xml: { decodeEntities: false, xmlMode: false } });
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
    return $.html();
  };

  const ignoresSelector = (selector: string) =>
    Array.from(new utils.Selector(selector).parsed()).some((compound) => Array.from(compound.pseudos ?? []).some((pseudo) => client.ignoredPseudos.includes(pseudo.name)));

  juice = { inline: client, inlineSelected, ignoresSelector, parse, parseCss: (css) => parseCss(css) };
  return juice;
}

/** juice's `codeBlocks` (EJS, then HBS), each taken out in its own pass as juice does. */
const CODE_BLOCKS = [/<%([\S\s]*?)%>/g, /\{\{([\S\s]*?)\}\}/g];

/** The options mjml-core 5 passes to juice (mjml-core/lib/index.js; this project sets no `juiceOptions`). */
export function mjmlJuiceOptions(inlineCss: string) {
  return { applyStyleTags: false, extraCss: inlineCss, insertPreservedExtraCss: false, removeStyleTags: false } as const;
}
