import type { NewsletterView } from './render-view.js';

/**
 * The *shape* of a newsletter: which optional blocks it has and how many
 * entries its lists have, but none of its text. Two articles of the same
 * shape make MJML with the same structure, so the MJML is compiled once per
 * shape (see compile-skeleton.ts) and each article only fills in its text.
 *
 * The shape is read from the view: every per-article string is replaced by a
 * token object, which keeps its truthiness (empty strings stay empty, nulls
 * stay null, lists keep their length) so Handlebars takes the same branches
 * as for the real article. A token prints as `@@E:path@@` where the template
 * escapes it (`{{x}}`) and as `@@R:path@@` where it does not (`{{{x}}}`), so
 * the skeleton knows what the full path would have put there.
 */

/** View keys that come from the config, the same for every article: never tokens (colours end up in CSS). */
const CONFIG_KEYS: ReadonlySet<keyof NewsletterView> = new Set<keyof NewsletterView>(['lang', 'brand', 'brandUpper', 'colors', 'darkColors', 'strings', 'unsubscribeUrl', 'logo', 'footer']);

/** Finds every token in rendered MJML or HTML; group 1 is E (escaped) or R (raw), group 2 the path. */
export const TOKEN_PATTERN = /@@([ER]):([\w.]+)@@/g;
export const HAS_TOKEN = /@@[ER]:[\w.]+@@/;

/** A per-article string in the shape view. Handlebars calls `toHTML()` for `{{x}}` and `toString()` for `{{{x}}}`. */
export class ShapeToken {
  constructor(readonly path: string) {}
  toHTML(): string {
    return `@@E:${this.path}@@`;
  }
  toString(): string {
    return `@@R:${this.path}@@`;
  }
  valueOf(): string {
    return this.toString();
  }
}

export interface LayoutShape {
  /** Stable key: equal for articles whose optional blocks and list lengths are equal. */
  key: string;
  /** The view with tokens (`ShapeToken`, typed as the strings they stand for) in place of per-article strings, to render the shape's MJML. */
  tokenView: NewsletterView;
  /** Token path → the article's real string. */
  values: ReadonlyMap<string, string>;
}

/** Read the shape of a view (pure, cheap: no rendering). */
export function layoutShape(view: NewsletterView): LayoutShape {
  const values = new Map<string, string>();
  const keyParts: string[] = [];

  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      if (value === '') {
        keyParts.push(`${path}=''`);
        return value;
      }
      values.set(path, value);
      return new ShapeToken(path);
    }
    if (value === null || value === undefined) {
      keyParts.push(`${path}=${String(value)}`);
      return value;
    }
    if (Array.isArray(value)) {
      keyParts.push(`${path}[${value.length}]`);
      return value.map((item, index) => walk(item, `${path}.${index}`));
    }
    if (typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = walk(item, path ? `${path}.${key}` : key);
      return copy;
    }
    // numbers and booleans take part in branches: they are shape, not text
    keyParts.push(`${path}=${String(value)}`);
    return value;
  };

  const tokenView: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view) as [keyof NewsletterView, unknown][]) {
    tokenView[key] = CONFIG_KEYS.has(key) ? value : walk(value, key);
  }
  return { key: keyParts.join(' '), tokenView: tokenView as unknown as NewsletterView, values };
}
