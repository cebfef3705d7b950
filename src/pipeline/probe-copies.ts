import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { bodyBlocks } from './split-layout.js';

/**
 * Which article values MJML copies into a compiled layout exactly as written.
 *
 * The fast path puts an article's values where the layout's placeholders came
 * out of MJML. That is only right where MJML copies a value unchanged, and
 * MJML does not always: it puts a share link into the network's share URL
 * with `String.replace`, which expands `$&` and `$$`; it splits `css-class`
 * at spaces and suffixes each part with `-outlook` in Outlook markup; it
 * collapses runs of white space inside Outlook conditional comments
 * (mjml-core/lib/helpers/minifyOutlookConditionnals.js). A placeholder such
 * as `@@E:category@@` has none of these characters, so it comes through
 * untouched either way.
 *
 * So each layout is compiled again with probe values around every
 * placeholder: spaces, runs of spaces, line breaks, `$&`, `$$`, entities,
 * non-ASCII letters, brackets, punctuation. Where a probe does not come
 * through as written, the probe is repeated one kind of character at a
 * time, and the kinds MJML changes are recorded for that slot. An article
 * whose value for that slot has such a character takes the full MJML path,
 * with the reason.
 */

/** A kind of character that MJML might change in a value. `test` runs on the value as the template prints it (escaped for `{{x}}`). */
export interface ValueFeature {
  name: string;
  /** For messages: "… when it contains {label}". */
  label: string;
  test: RegExp;
  /** Probe text before and after the placeholder, as the template would print it. */
  before: string;
  after: string;
  /** Probe text for `{{{x}}}` values, which go into an attribute only when escaping leaves them unchanged (no `&<>"'\`=`). */
  raw?: { before: string; after: string } | null;
  /** Contents are trimmed before they are filled in: white space at their edges never reaches MJML. */
  contents?: boolean;
}

const VALUE_FEATURES: readonly ValueFeature[] = [
  { name: 'space', label: 'a space', test: / /, before: 'a b', after: 'c d' },
  { name: 'space-run', label: 'two white-space characters in a row', test: /\s\s/, before: 'a  b', after: 'c   d' },
  { name: 'edge-space', label: 'white space at its start or end', test: /^\s|\s$/, before: ' ', after: ' ', contents: false },
  { name: 'line-break', label: 'a line break or tab', test: /[\t\n\v\f\r]/, before: 'a\nb\tc', after: 'd\r\ne\ff' },
  {
    name: 'unicode-space',
    label: 'a non-breaking or other Unicode space',
    test: /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/,
    before: 'a\u00a0b\u2009c',
    after: 'd\u2028e\u3000f\ufeff',
  },
  // `$&` reaches MJML as `$&amp;` from `{{x}}`: still the `$&` of String.replace
  { name: 'dollar', label: 'a $', test: /\$/, before: '$$a$1b$&amp;', after: '$&lt;c$d$', raw: { before: '$$a$1b$', after: '$`c$d$' } },
  { name: 'entity', label: 'an entity (&, <, >, quotes or = in the text)', test: /&/, before: 'a&amp;b&lt;c&gt;', after: 'd&quot;e&#x27;f&#x60;g&#x3D;h', raw: null },
  { name: 'non-ascii', label: 'a character outside ASCII', test: /[^\p{ASCII}]/u, before: 'äÖß€', after: 'é—„“😀' },
  { name: 'brackets', label: 'brackets or braces', test: /[()[\]{}]/, before: '(a)[b]', after: '{c}[[URL]]{{d}}' },
  { name: 'punctuation', label: 'punctuation', test: /[!#%*+,\-./:;?@\\^_|~]/, before: '!#%*+,-./', after: ':;?@\\^_|~' },
  { name: 'letters', label: 'letters or digits', test: /[A-Za-z0-9]/, before: 'AZaz', after: '09' },
];

/** A slot whose value MJML does not always copy as written. */
export interface CopyRule {
  /** For messages, e.g. `{{category}} in css-class of <mj-section>`. */
  slot: string;
  /** Names of the `VALUE_FEATURES` MJML changes there; `any` when it changes every value. */
  features: string[];
}

/** Per placeholder (`@@E:path@@`, `@@R:path@@`, `@@C:index@@`): the values MJML does not copy as written. Plain JSON, cached with the skeleton. */
export type CopyRules = Record<string, CopyRule>;

/** mj-navbar's hamburger and mj-carousel make new random ids in every compile. */
const RANDOM = 'MJML makes different HTML for this layout on every compile (random ids)';

/** Every placeholder in MJML or compiled HTML: a content (`@@C:n@@`) or a per-article value in an attribute. */
const PLACEHOLDERS = /@@C:\d+@@|@@[ER]:[\w.]+@@/g;

/**
 * Compile `mjml` (the layout with its placeholders, which compiled to
 * `compiled`) again with probe values around the placeholders, and return the
 * slots where MJML does not copy them as written. One extra compile when
 * every probe comes through; about a dozen more when one does not.
 */
export async function probeCopies(
  mjml: string,
  compiled: string,
  compile: (mjml: string) => Promise<string>,
  memo: ProbeMemo = {},
): Promise<{ ok: true; copies: CopyRules } | { ok: false; reason: string }> {
  const placeholders = [...new Set(mjml.match(PLACEHOLDERS) ?? [])];
  const places = placesOf(mjml);
  if (places && places.blocks.every((block) => memo[block.key])) return { ok: true, copies: fromMemo(mjml, places, memo) };
  const probed = await probeLayout(mjml, compiled, compile, placeholders);
  if (probed.ok && places) {
    for (const block of places.blocks) {
      const rules: Record<string, string[]> = {};
      for (const [local, placeholder] of block.placeholders) rules[local] = probed.copies[placeholder]?.features ?? [];
      memo[block.key] = rules;
    }
  }
  return probed;
}

/**
 * What was learnt by probing, per block of a layout: a child of `<mj-body>`,
 * or the rest of the MJML (head, root and body tags), each keyed by its own
 * MJML and the rest's. MJML renders each child of the body by itself and
 * only adds up what goes into the head, so a block's placeholders are copied
 * alike in every layout that has the same block and the same rest: a layout
 * made only of known blocks needs no probe compile. Per block: the names of
 * the features MJML changes for each placeholder (`[]`: copied as written),
 * the placeholders named by their order in the block.
 */
export type ProbeMemo = Record<string, Record<string, string[]>>;

interface Places {
  blocks: { key: string; placeholders: Map<string, string> }[];
}

/** The blocks of a layout's MJML with their keys and placeholders; undefined when its body cannot be cut into blocks. */
function placesOf(mjml: string): Places | undefined {
  const spans = bodyBlocks(mjml);
  if (spans.length === 0) return undefined;
  const first = spans[0]?.start ?? 0;
  const last = spans[spans.length - 1]?.end ?? mjml.length;
  // content numbers shift with the blocks before them: a block is named by its placeholders' order instead
  const neutral = (text: string) => text.replace(/@@C:\d+@@/g, '@@C@@');
  const rest = mjml.slice(0, first) + mjml.slice(last);
  const restKey = hash(`rest\u0000${neutral(rest)}`);
  const placeholdersIn = (text: string) => new Map([...new Set(text.match(PLACEHOLDERS) ?? [])].map((placeholder, index) => [`${index}:${placeholder.startsWith('@@C:') ? '@@C@@' : placeholder}`, placeholder]));
  return {
    blocks: [
      { key: restKey, placeholders: placeholdersIn(rest) },
      ...spans.map(({ start, end }) => {
        const text = mjml.slice(start, end);
        return { key: hash(`${restKey}\u0000${neutral(text)}`), placeholders: placeholdersIn(text) };
      }),
    ],
  };
}

/** The copy rules of a layout made of known blocks: per placeholder, what MJML changes in any block it is in. */
function fromMemo(mjml: string, places: Places, memo: ProbeMemo): CopyRules {
  const features = new Map<string, Set<string>>();
  for (const block of places.blocks) {
    for (const [local, placeholder] of block.placeholders) {
      const known = memo[block.key]?.[local];
      const found = features.get(placeholder) ?? new Set<string>();
      for (const feature of Array.isArray(known) ? known : ['any']) found.add(String(feature));
      features.set(placeholder, found);
    }
  }
  const copies: CopyRules = {};
  for (const [placeholder, found] of features) if (found.size > 0) copies[placeholder] = { slot: describeSlot(mjml, placeholder), features: [...found] };
  return copies;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Probe every placeholder of one layout (see probeCopies). */
async function probeLayout(
  mjml: string,
  compiled: string,
  compile: (mjml: string) => Promise<string>,
  placeholders: string[],
): Promise<{ ok: true; copies: CopyRules } | { ok: false; reason: string }> {
  if (placeholders.length === 0) {
    // nothing to probe, but the layout must make the same HTML every time (see below)
    return (await compile(mjml)) === compiled ? { ok: true, copies: {} } : { ok: false, reason: RANDOM };
  }
  const expectedCount = new Map(placeholders.map((placeholder) => [placeholder, count(compiled, placeholder)]));

  /** Compile with these probes: the placeholders whose probe did not come through as written, and whether other output changed. */
  const run = async (probes: Map<string, string>): Promise<{ changed: string[]; elsewhere: boolean }> => {
    if (probes.size === 0) return { changed: [], elsewhere: false };
    const swap = (text: string) => text.replace(PLACEHOLDERS, (placeholder) => probes.get(placeholder) ?? placeholder);
    let output: string;
    try {
      output = await compile(swap(mjml));
    } catch {
      return { changed: [...probes.keys()], elsewhere: false }; // MJML rejects the probe values: none of them is copied
    }
    if (output === swap(compiled)) return { changed: [], elsewhere: false };
    const changed = [...probes].filter(([placeholder, probe]) => count(output, probe) !== expectedCount.get(placeholder)).map(([placeholder]) => placeholder);
    // the output differs elsewhere: a value changes more than its own copy, and it cannot be told which
    return changed.length > 0 ? { changed, elsewhere: false } : { changed: [...probes.keys()], elsewhere: true };
  };

  const first = await run(new Map(placeholders.map((placeholder) => [placeholder, probeValue(placeholder, VALUE_FEATURES)])));
  if (first.elsewhere && (await compile(mjml)) !== compiled) {
    return { ok: false, reason: RANDOM };
  }
  const suspects = first.changed;
  if (suspects.length === 0) return { ok: true, copies: {} };

  const changes = new Map<string, Set<string>>(suspects.map((placeholder) => [placeholder, new Set()]));
  for (const feature of VALUE_FEATURES) {
    const probes = new Map(suspects.filter((placeholder) => applies(feature, placeholder)).map((placeholder) => [placeholder, probeValue(placeholder, [feature])]));
    for (const placeholder of (await run(probes)).changed) changes.get(placeholder)?.add(feature.name);
  }
  // the characters that came through one kind at a time must also come through together
  const safe = (placeholder: string) => VALUE_FEATURES.filter((feature) => !changes.get(placeholder)?.has(feature.name));
  for (const placeholder of (await run(new Map(suspects.map((placeholder) => [placeholder, probeValue(placeholder, safe(placeholder))])))).changed) {
    changes.set(placeholder, new Set(['any']));
  }

  const copies: CopyRules = {};
  for (const [placeholder, features] of changes) {
    if (features.size > 0) copies[placeholder] = { slot: describeSlot(mjml, placeholder), features: [...features] };
  }
  return { ok: true, copies };
}

/**
 * Why MJML would not copy one of these values as written, or undefined.
 * `values` are the article's strings by token path; `contents` its contents
 * by index, trimmed.
 */
export function uncopyableValue(rules: CopyRules, values: ReadonlyMap<string, string>, contents: readonly string[]): string | undefined {
  for (const [placeholder, rule] of Object.entries(rules)) {
    const content = /^@@C:(\d+)@@$/.exec(placeholder)?.[1];
    const path = /^@@[ER]:([\w.]+)@@$/.exec(placeholder)?.[1];
    const value = content === undefined ? (path === undefined ? undefined : values.get(path)) : contents[Number(content)];
    if (value === undefined) continue;
    const printed = placeholder.startsWith('@@E:') ? Handlebars.Utils.escapeExpression(value) : value;
    for (const name of rule.features) {
      const feature = VALUE_FEATURES.find((candidate) => candidate.name === name);
      if (!feature) return `MJML changes ${rule.slot}: it does not copy any value there as written`;
      if (feature.test.test(printed)) return `MJML does not copy ${rule.slot} as written when it contains ${feature.label}`;
    }
  }
  return undefined;
}

function applies(feature: ValueFeature, placeholder: string): boolean {
  if (placeholder.startsWith('@@C:')) return feature.contents !== false;
  if (placeholder.startsWith('@@R:')) return feature.raw !== null;
  return true;
}

/** The placeholder with the probe text of these features around it, as the template would print it there. */
function probeValue(placeholder: string, features: readonly ValueFeature[]): string {
  let before = '';
  let after = '';
  let edges = '';
  for (const feature of features) {
    if (!applies(feature, placeholder)) continue;
    const text = placeholder.startsWith('@@R:') && feature.raw ? feature.raw : feature;
    if (feature.name === 'edge-space') edges = text.before; // white space at the edges must stay outermost
    else {
      before += text.before;
      after = text.after + after;
    }
  }
  return edges + before + placeholder + after + edges;
}

function count(text: string, part: string): number {
  let found = 0;
  for (let index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + part.length)) found += 1;
  return found;
}

/** `{{category}} in css-class of <mj-section>`, `the content of <mj-title>`; every place the placeholder is used. */
function describeSlot(mjml: string, placeholder: string): string {
  const places = new Set<string>();
  for (let at = mjml.indexOf(placeholder); at >= 0; at = mjml.indexOf(placeholder, at + placeholder.length)) {
    const before = mjml.slice(Math.max(0, at - 2000), at);
    const tag = /<([\w-]+)[^<>]*$/.exec(before)?.[1];
    const attribute = /([\w:-]+)\s*=\s*["'][^"']*$/.exec(before)?.[1];
    if (!tag) places.add('the text');
    else places.add(`${attribute ?? 'an attribute'} of <${tag}>`);
  }
  if (placeholder.startsWith('@@C:')) {
    const opening = /<([\w-]+)[^<>]*>\s*$/.exec(mjml.slice(0, mjml.indexOf(placeholder)))?.[1];
    return `the content of <${opening ?? 'unknown'}>`;
  }
  const path = placeholder.slice(4, -2);
  return `${placeholder.startsWith('@@R:') ? `{{{${path}}}}` : `{{${path}}}`} in ${[...places].join(' or ')}`;
}
