// juice's own modules that load-juice.ts uses; juice ships types for its main entry only.
declare module 'juice/client.js' {
  import type juice from 'juice';
  const client: typeof juice;
  export default client;
}

declare module 'juice/lib/cheerio.js' {
  /** Parse `html` as juice does (its code blocks taken out), hand the document to `callback`, return it serialised. */
  function parse(html: string, options: { xmlMode?: boolean }, callback: ($: never) => unknown, callbackExtraArguments?: unknown[]): string;
  export default parse;
}

declare module 'juice/lib/utils.js' {
  const utils: unknown;
  export default utils;
}
