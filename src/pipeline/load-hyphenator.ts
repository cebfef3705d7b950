import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locale } from '../i18n/strings.js';
import { SOFT_HYPHEN, type WordHyphenator } from './hyphenate.js';

/** The `hyphen` package's TeX patterns for each locale (German: the 1996 spelling reform). */
const PATTERNS: Readonly<Record<Locale, string>> = { de: 'de-1996', en: 'en-us' };
/** Letters that must stay together at the start and end of a word ("Ka-", "-ne" read badly). */
const MIN_FRAGMENT = 3;

type Patterns = unknown;
type CreateHyphenator = (patterns: Patterns, options?: { hyphenChar?: string }) => (text: string) => string;

const require = createRequire(import.meta.url);
const hyphenators = new Map<Locale, WordHyphenator>();

/**
 * The word hyphenator of a locale, loaded once per process. The `hyphen`
 * package ships its patterns as a large JavaScript array that takes V8 about
 * 400 ms to compile; `npm run prepare` writes the same data as JSON next to
 * the compiled code (scripts/build-dist.mjs), which loads in about
 * a tenth of that. Without the JSON the package's own file is used.
 */
export function loadHyphenator(locale: Locale): WordHyphenator {
  let hyphenator = hyphenators.get(locale);
  if (hyphenator) return hyphenator;
  const createHyphenator = require('hyphen') as CreateHyphenator;
  const hyphenate = createHyphenator(loadPatterns(PATTERNS[locale]), { hyphenChar: SOFT_HYPHEN });
  const cache = new Map<string, string>();
  hyphenator = (word) => {
    let result = cache.get(word);
    if (result === undefined) {
      result = keepFragments(hyphenate(word));
      if (cache.size < 50_000) cache.set(word, result);
    }
    return result;
  };
  hyphenators.set(locale, hyphenator);
  return hyphenator;
}

function loadPatterns(name: string): Patterns {
  try {
    return JSON.parse(readFileSync(new URL(`../hyphenation/${name}.json`, import.meta.url), 'utf8')) as Patterns;
  } catch {
    return require(`hyphen/patterns/${name}.js`) as Patterns;
  }
}

/** Drop break points that would leave fewer than three letters on a line. */
export function keepFragments(hyphenated: string): string {
  const parts = hyphenated.split(SOFT_HYPHEN);
  while (parts.length > 1 && [...(parts[0] ?? '')].length < MIN_FRAGMENT) parts.splice(0, 2, `${parts[0]}${parts[1]}`);
  while (parts.length > 1 && [...(parts[parts.length - 1] ?? '')].length < MIN_FRAGMENT) parts.splice(-2, 2, `${parts[parts.length - 2]}${parts[parts.length - 1]}`);
  return parts.join(SOFT_HYPHEN);
}
