import type juiceFunction from 'juice';
import type juiceCheerioFunction from 'juice/lib/cheerio.js';
import type juiceUtils from 'juice/lib/utils.js';

export interface Juice {
  /** juice itself: inline `extraCss` into the HTML. */
  inline: typeof juiceFunction;
  /** Parse HTML the way juice does and walk it. */
  parse: typeof juiceCheerioFunction;
  /** The rules juice would inline, one per selector. */
  parseCss: (typeof juiceUtils)['parseCSS'];
}

let loading: Promise<Juice> | undefined;

/**
 * juice is what MJML uses for `<mj-style inline="inline">` (mjml-core 5
 * depends on juice ^11; this project depends on the same juice ^11, so npm
 * installs one copy). Loaded on first use: a build that fills no skeleton
 * never needs it.
 */
export function loadJuice(): Promise<Juice> {
  loading ??= Promise.all([import('juice/client.js'), import('juice/lib/cheerio.js'), import('juice/lib/utils.js')]).then(([client, cheerio, utils]) => ({
    inline: client.default,
    parse: cheerio.default,
    parseCss: utils.default.parseCSS,
  }));
  return loading;
}

/** The options mjml-core 5 passes to juice (mjml-core/lib/index.js; this project sets no `juiceOptions`). */
export function mjmlJuiceOptions(inlineCss: string) {
  return { applyStyleTags: false, extraCss: inlineCss, insertPreservedExtraCss: false, removeStyleTags: false } as const;
}
