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
  /** Parse HTML the way juice does, hand the document to `callback`, and return it serialised. */
  parse(html: string, options: { xmlMode?: boolean }, callback: ($: JuiceRoot) => unknown): string;
  /** The rules juice would inline, one per selector. */
  parseCss(css: string): [string, unknown[]][];
}

type CheerioLoad = (html: string, options: Record<string, unknown>) => JuiceRoot & { html(): string; xml(): string };
type JuiceClient = typeof juiceFunction & { juiceDocument($: unknown, options: unknown): unknown };

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
  const utils = fromJuice('./lib/utils.js') as { parseCSS(css: string): [string, unknown[]][] };

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
  juice = { inline: client, parse, parseCss: (css) => utils.parseCSS(css) };
  return juice;
}

/** juice's `codeBlocks` (EJS, then HBS), each taken out in its own pass as juice does. */
const CODE_BLOCKS = [/<%([\S\s]*?)%>/g, /\{\{([\S\s]*?)\}\}/g];

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
