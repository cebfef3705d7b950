import type { Juice, JuiceNode } from './load-juice.js';
import { probeCopies, type CopyRules, type ProbeMemo } from './probe-copies.js';
import type { LayoutStructure } from './split-layout.js';

/**
 * A layout compiled once: the email HTML of one structure, with a slot where
 * each article content goes. Plain JSON, so it can be cached on disk.
 */
export interface LayoutSkeleton {
  structure: LayoutStructure;
  /** The compiled HTML between the slots, in document order; per-article attribute values still show as tokens. */
  html: string[];
  /** One per slot, in document order (`html.length === slots.length + 1`). */
  slots: SkeletonSlot[];
  /** Slots where MJML does not copy every value as written (see probe-copies.ts). */
  copies: CopyRules;
}

export interface SkeletonSlot {
  /** Index of the content (into `structure.tags`) that goes here. */
  content: number;
  /** `attribute`: a copy of a text-only content in an attribute value (MJML puts the title into the body's `aria-label`). */
  kind: 'element' | 'attribute';
  /** Opening tags of the elements around the slot, outermost first, with what CSS selectors match on (tag, class, id). */
  open: string;
  /** The matching closing tags. */
  close: string;
  /** Name of the element the slot sits in. */
  parent: string;
  /** Inside `<title>`, `<style>`, `<script>` or `<textarea>`: text, never inlined. */
  rawText: boolean;
}

export type SkeletonResult = { ok: true; skeleton: LayoutSkeleton } | { ok: false; reason: string };

/** Marks where content `index` goes in the MJML that is compiled once. */
const contentMarker = (index: number) => `@@C:${index}@@`;
const MARKERS = /@@C:(\d+)@@|@@[ER]:[\w.]+@@/g;
/** The conditional comments whose white space MJML minifies (mjml-core/lib/helpers/minifyOutlookConditionnals.js). */
const OUTLOOK_CONDITIONAL = /<!--\[if\s[^\]]+]>[\s\S]*?<!\[endif]-->/g;
const RAW_TEXT_ELEMENTS = new Set(['title', 'style', 'script', 'textarea']);
/** Selectors whose matches depend only on an element and the tag, class and id of its ancestors. */
const CONTEXT_FREE_SELECTOR = /^[\w\s.#*>-]+$/;

/**
 * Compile a structure with MJML once, with a marker in place of each content,
 * and record around each marker the elements that CSS selectors can see.
 * Returns a reason instead when the result could not be filled exactly as the
 * full path would render it; articles of that structure then take the full path.
 */
export async function compileSkeleton(structure: LayoutStructure, compileMjml: (mjml: string) => Promise<string>, juice: Juice, probes: ProbeMemo = {}): Promise<SkeletonResult> {
  const css = analyseInlineCss(structure.inlineCss, juice);
  if (!css.ok) return css;

  const mjml = structure.parts.map((part, index) => (index === 0 ? part : contentMarker(index - 1) + part)).join('');
  let compiled: string;
  try {
    compiled = await compileMjml(mjml);
  } catch (error) {
    return { ok: false, reason: `the layout does not compile with placeholders (${(error as Error).message.split('\n')[0]})` };
  }

  // Every token of the structure must come through unchanged (MJML copies attribute values as written).
  const expected = new Set(structure.parts.flatMap((part) => [...part.matchAll(/@@[ER]:[\w.]+@@/g)].map((match) => match[0])));
  const html: string[] = [];
  const occurrences: { content: number; inTag: boolean }[] = [];
  let last = 0;
  for (const match of compiled.matchAll(MARKERS)) {
    if (match[1] === undefined) {
      expected.delete(match[0]);
      continue;
    }
    html.push(compiled.slice(last, match.index));
    occurrences.push({ content: Number(match[1]), inTag: compiled.lastIndexOf('<', match.index) > compiled.lastIndexOf('>', match.index) });
    last = match.index + match[0].length;
  }
  html.push(compiled.slice(last));
  if (expected.size > 0) return { ok: false, reason: `MJML changed the placeholder ${[...expected][0]}` };
  if (html.some((part) => part.replace(MARKERS, '').includes('@@'))) return { ok: false, reason: 'MJML changed a placeholder' };

  const found = findSlots(compiled, juice, css.keep);
  if (!found.ok) return found;
  const slots: SkeletonSlot[] = [];
  const seen = new Map<number, number>();
  for (const { content, inTag } of occurrences) {
    if (inTag) {
      if ((found.attributes.get(content) ?? 0) === 0) return { ok: false, reason: 'an article content ended up inside a tag' };
      slots.push({ content, kind: 'attribute', open: '', close: '', parent: '', rawText: true });
      continue;
    }
    const candidates = found.elements.get(content) ?? [];
    const nth = seen.get(content) ?? 0;
    const slot = candidates[nth];
    if (!slot) return { ok: false, reason: 'an article content ended up outside an element' };
    seen.set(content, nth + 1);
    slots.push(slot);
  }
  const inText = [...seen.values()].reduce((sum, count) => sum + count, 0);
  const inAttributes = [...found.attributes.values()].reduce((sum, count) => sum + count, 0);
  if (inText + inAttributes !== occurrences.length || inText !== [...found.elements.values()].reduce((sum, list) => sum + list.length, 0)) {
    return { ok: false, reason: 'the article contents cannot be located in the compiled layout' };
  }
  const placed = new Set(occurrences.map((occurrence) => occurrence.content));
  for (let content = 0; content < structure.tags.length; content++) {
    if (!placed.has(content)) return { ok: false, reason: `MJML dropped the content of <${structure.tags[content]}>` };
  }
  // MJML collapses white space between the tags of an Outlook conditional comment, also where a
  // `<!--[if !mso]><!-->` leaves its content visible to HTML parsers (mjml-core minifyOutlookConditionnals)
  for (const block of compiled.matchAll(OUTLOOK_CONDITIONAL)) {
    if (/@@C:\d+@@/.test(block[0])) return { ok: false, reason: 'an article content would sit inside an Outlook conditional comment' };
  }
  const probed = await probeCopies(mjml, compiled, compileMjml, probes);
  if (!probed.ok) return probed;
  return { ok: true, skeleton: { structure, html, slots, copies: probed.copies } };
}

/** Decides which ancestors of a slot the inline CSS can see; the others need not be reproduced around the content. */
type AncestorFilter = (element: JuiceNode) => boolean;

/**
 * juice matches the content of a slot exactly as in the whole email only when
 * selectors look no further than the tag, class and id of ancestors. With
 * descendant combinators only, an ancestor matters only if it matches a
 * compound selector left of a combinator: the others are left out of the
 * context the content is inlined in (the slot's own element always stays).
 */
function analyseInlineCss(css: string, juice: Juice): { ok: true; keep: AncestorFilter } | { ok: false; reason: string } {
  if (/var\s*\(|counter-(?:reset|increment)/i.test(css)) return { ok: false, reason: 'the inline CSS uses var() or counters' };
  const ancestorCompounds: string[] = [];
  let keepAll = false;
  for (const [selector] of juice.parseCss(css)) {
    if (juice.ignoresSelector(selector)) continue;
    if (!CONTEXT_FREE_SELECTOR.test(selector)) return { ok: false, reason: `the inline CSS selector "${selector}" looks beyond tag, class and id` };
    if (selector.includes('>')) keepAll = true;
    ancestorCompounds.push(...selector.trim().split(/\s+/).slice(0, -1));
  }
  const compounds = ancestorCompounds.map(parseCompound);
  if (keepAll || compounds.some((compound) => compound.tag === undefined && compound.classes.length === 0 && compound.id === undefined)) {
    return { ok: true, keep: () => true };
  }
  return {
    ok: true,
    keep(element) {
      const classes = new Set((element.attribs?.class ?? '').split(/\s+/));
      const id = element.attribs?.id;
      return compounds.some(
        (compound) =>
          (compound.tag === undefined || compound.tag === element.name) &&
          (compound.id === undefined || compound.id === id) &&
          compound.classes.every((name) => classes.has(name)),
      );
    },
  };
}

function parseCompound(compound: string): { tag: string | undefined; classes: string[]; id: string | undefined } {
  const tag = /^[\w-]+/.exec(compound)?.[0]?.toLowerCase();
  const classes = [...compound.matchAll(/\.([\w-]+)/g)].map((match) => match[1] ?? '');
  const id = /#([\w-]+)/.exec(compound)?.[1];
  return { tag, classes, id };
}

interface FoundSlots {
  ok: true;
  /** Content index → its slots in text, in document order. */
  elements: Map<number, SkeletonSlot[]>;
  /** Content index → how often it appears in attribute values. */
  attributes: Map<number, number>;
}

function findSlots(html: string, juice: Juice, keep: AncestorFilter): FoundSlots | { ok: false; reason: string } {
  const elements = new Map<number, SkeletonSlot[]>();
  const attributes = new Map<number, number>();
  let problem: string | undefined;
  juice.parse(html, {}, ($) => {
    const visit = (node: JuiceNode) => {
      for (const value of Object.values(node.attribs ?? {})) {
        for (const match of value.matchAll(/@@C:(\d+)@@/g)) attributes.set(Number(match[1]), (attributes.get(Number(match[1])) ?? 0) + 1);
      }
      if ((node.type === 'text' || node.type === 'comment') && node.data?.includes('@@C:')) {
        if (node.type === 'comment') {
          problem = 'an article content would sit inside an HTML comment';
          return;
        }
        const parent = node.parent;
        if (!parent?.name || (parent.children ?? []).some((child) => child.type !== 'text')) {
          problem = 'an article content shares its element with other elements';
          return;
        }
        const chain = chainOf(parent, keep);
        if (chain.open.includes('@@')) {
          problem = 'the element around an article content carries article text in its class or id';
          return;
        }
        for (const match of node.data.matchAll(/@@C:(\d+)@@/g)) {
          const content = Number(match[1]);
          elements.set(content, [...(elements.get(content) ?? []), { content, kind: 'element', ...chain }]);
        }
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    const root = $.root().get(0);
    if (root) visit(root);
  });
  return problem ? { ok: false, reason: problem } : { ok: true, elements, attributes };
}

function chainOf(element: JuiceNode, keep: AncestorFilter): Omit<SkeletonSlot, 'content' | 'kind'> {
  const names: string[] = [];
  const opens: string[] = [];
  let rawText = false;
  for (let node: JuiceNode | null = element; node?.name; node = node.parent) {
    if (RAW_TEXT_ELEMENTS.has(node.name)) rawText = true;
    if (node !== element && !keep(node)) continue;
    const { class: className, id } = node.attribs ?? {};
    const attributes = `${className === undefined ? '' : ` class="${className}"`}${id === undefined ? '' : ` id="${id}"`}`;
    names.push(node.name);
    opens.unshift(`<${node.name}${attributes}>`);
  }
  return { open: opens.join(''), close: names.map((name) => `</${name}>`).join(''), parent: element.name ?? '', rawText };
}
