import type { CheckFinding } from '../findings/finding.js';
import type { LayoutSkeleton } from '../pipeline/compile-skeleton.js';
import type { Unusable } from '../pipeline/skeleton-store.js';
import { structureKey } from '../pipeline/structure-key.js';

/**
 * Schemas for what the build reads back from its cache folder. Everything
 * there is untrusted input: a value that does not match is dropped (that
 * article or layout is built again), never used and never a crash.
 *
 * A few lines of combinators instead of zod: loading zod costs 150–250 ms on
 * the 2-core machine the figures in docs/performance.md come from, as much as
 * a whole build with nothing to do.
 */
type Schema<T> = (value: unknown) => value is T;

const string: Schema<string> = (value): value is string => typeof value === 'string';
const boolean: Schema<boolean> = (value): value is boolean => typeof value === 'boolean';
const count: Schema<number> = (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const literal = <T extends string>(...allowed: T[]): Schema<T> => (value): value is T => allowed.includes(value as T);
const pattern = (regex: RegExp): Schema<string> => (value): value is string => typeof value === 'string' && regex.test(value);
const arrayOf = <T>(item: Schema<T>): Schema<T[]> => (value): value is T[] => Array.isArray(value) && value.every((entry) => item(entry));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with exactly these keys (optional ones may be missing); anything else fails. */
function object<T>(required: { [K in keyof T]?: Schema<unknown> }, optional: Record<string, Schema<unknown>> = {}): Schema<T> {
  const requiredEntries = Object.entries(required) as [string, Schema<unknown>][];
  return (value): value is T => {
    if (!isRecord(value)) return false;
    let present = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const schema = Object.hasOwn(required, key) ? (present++, (required as Record<string, Schema<unknown>>)[key]) : Object.hasOwn(optional, key) ? optional[key] : undefined;
      if (!schema || !schema(value[key])) return false;
    }
    return present === requiredEntries.length;
  };
}

/** What a slug may be (the same rule as the article contract): the only names the build writes or deletes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isSlug = pattern(SLUG_PATTERN);

const isFinding: Schema<CheckFinding> = object<CheckFinding>(
  { file: string, slug: (value) => value === null || isSlug(value), rule: string, severity: literal('error', 'warning', 'info'), message: string },
  { line: count },
);

/** One manifest entry, as `ManifestEntry` in build-cache.ts describes it. */
export const isManifestEntry = object<unknown>(
  { hash: pattern(/^[0-9a-f]{64}$/), slug: isSlug, title: string, subject: string, preheader: string, category: string, date: pattern(/^\d{4}-\d{2}-\d{2}$/), draft: boolean, htmlBytes: count, textBytes: count, findings: arrayOf(isFinding) },
  { stat: pattern(/^\d+:[\d.]+:[\d.]+:\d+$/), stale: (value) => value === true },
);

/** How the web version's archive, feed and sitemap list a page (`SiteEntry`): the same fields for an article and an edition, which has no author. */
const siteEntry = (kind: 'article' | 'edition') =>
  object<unknown>({
    kind: literal(kind),
    slug: isSlug,
    url: pattern(/^https:\/\/\S+\/$/),
    title: string,
    category: string,
    date: pattern(/^\d{4}-\d{2}-\d{2}$/),
    teaser: string,
    author: (value: unknown) => value === null || (kind === 'article' && typeof value === 'string'),
    image: (value: unknown) => value === null || (typeof value === 'string' && /^https:\/\/\S+$/.test(value)),
  });

/** One page of the web version as the site cache remembers it (`SiteCacheEntry` in site-cache.ts). */
export const isSiteCacheEntry = object<unknown>({ hash: pattern(/^[0-9a-f]{64}$/), entry: siteEntry('article') });

/** An edition page of the web version (src/build/write-edition-pages.ts): the key it was made from and how the lists show it. */
export const isEditionPageEntry = object<unknown>({ key: pattern(/^[0-9a-f]{64}$/), entry: siteEntry('edition') });

const isUnusable: Schema<Unusable> = object<Unusable>({ unusable: string });

const isSlot = object<unknown>({ content: count, kind: literal('element', 'attribute'), open: string, close: string, parent: string, rawText: boolean });

const recordOf = <T>(item: Schema<T>): Schema<Record<string, T>> => (value): value is Record<string, T> =>
  isRecord(value) && Object.entries(value).every(([key, entry]) => key !== '__proto__' && item(entry));

const isCopyRule = object<unknown>({ slot: string, features: arrayOf(string) });

/** What probing one block of MJML taught (probe-copies.ts, `ProbeMemo`): placeholder → features MJML changes. */
export const isProbeRules = recordOf(arrayOf(string));

const isSkeletonShape = object<LayoutSkeleton>({
  structure: object<unknown>({ key: pattern(/^[0-9a-f]{32}$/), parts: arrayOf(string), tags: arrayOf(string), inlineCss: string }),
  html: arrayOf(string),
  slots: arrayOf(isSlot),
  copies: recordOf(isCopyRule),
});

/**
 * A compiled layout, consistent with itself: stored under its own key, the
 * key matches its structure (the hash split-layout.ts takes), one more HTML
 * part than slots, and every slot names an existing content. Its compiled
 * HTML cannot be checked without compiling it again; see "Trust" in the README.
 */
export function isSkeleton(value: unknown, key: string): value is LayoutSkeleton {
  if (!isSkeletonShape(value)) return false;
  const { structure, html, slots } = value;
  if (structure.key !== key || html.length !== slots.length + 1 || structure.parts.length !== structure.tags.length + 1) return false;
  if (slots.some((slot) => slot.content >= structure.tags.length)) return false;
  return structureKey(structure.parts, structure.tags) === key;
}

/** Check findings as the manifest keeps them (also an edition's, in the edition cache). */
export const isFindings = arrayOf(isFinding);

export { count as isCount, isRecord, isUnusable, string as isString };
