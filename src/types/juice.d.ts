// juice 11 ships types for its main entry only; these cover the two inner
// modules the fast path uses (the same code MJML runs, without juice's
// web-resource loader).
declare module 'juice/client.js' {
  import type juice from 'juice';
  const client: typeof juice;
  export default client;
}

declare module 'juice/lib/cheerio.js' {
  /** Minimal view of the cheerio API that the fast path walks. */
  export interface JuiceNode {
    type: string;
    name?: string;
    data?: string;
    attribs?: Record<string, string>;
    parent: JuiceNode | null;
    children?: JuiceNode[];
  }
  export interface JuiceRoot {
    root(): { get(index: number): JuiceNode | undefined };
  }
  /** Parse `html` as juice does (htmlparser2, entities kept as written), call `callback($)`, return the re-serialised HTML. */
  function juiceCheerio(html: string, options: { xmlMode?: boolean }, callback: ($: JuiceRoot) => unknown, extra?: unknown[]): string;
  export default juiceCheerio;
}

declare module 'juice/lib/utils.js' {
  const utils: {
    /** The rules juice inlines, one entry per selector: `[selector, declarations]`. */
    parseCSS(css: string): [string, unknown[]][];
  };
  export default utils;
}
