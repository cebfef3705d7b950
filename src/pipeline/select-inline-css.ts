import type { Juice, JuiceNode } from './load-juice.js';

/**
 * The elements each rule of a layout's inline CSS selects, found without
 * css-select. juice runs one css-select query per rule and article; the
 * fast path's selectors are simple (tag, class, id, descendant and child
 * combinators), so they are compiled once per layout and each element of an
 * article is matched against its ancestors in one walk. The result is what
 * css-select returns: per selector, the elements in document order.
 */

interface Compound {
  tag: string | undefined;
  classes: string[];
  id: string | undefined;
}

/** A selector as compounds from left to right, and the combinator before each but the first. */
interface CompiledSelector {
  compounds: Compound[];
  /** `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`. */
  combinators: ('descendant' | 'child')[];
}

export type InlineCssSelector = (root: JuiceNode) => Map<string, JuiceNode[]>;

const IDENTIFIER = '-?[_a-zA-Z][\\w-]*';
const COMPOUND = new RegExp(`^(\\*|[a-z][a-z0-9]*)?((?:\\.${IDENTIFIER}|#${IDENTIFIER})*)$`);
const PARTS = new RegExp(`[.#]${IDENTIFIER}`, 'g');

const compiled = new Map<string, InlineCssSelector | null>();

/**
 * The selector function for this inline CSS, or null when a selector is not
 * one of the simple kinds (juice then runs as it is). Compiled once per CSS.
 */
export function inlineCssSelector(css: string, juice: Juice): InlineCssSelector | null {
  let selector = compiled.get(css);
  if (selector !== undefined) return selector;
  selector = compile(css, juice);
  compiled.set(css, selector);
  return selector;
}

function compile(css: string, juice: Juice): InlineCssSelector | null {
  const selectors = new Map<string, CompiledSelector>();
  for (const [text] of juice.parseCss(css)) {
    if (selectors.has(text) || juice.ignoresSelector(text)) continue;
    const parsed = parseSelector(text);
    if (!parsed) return null;
    selectors.set(text, parsed);
  }
  const list = [...selectors];
  return (root) => {
    const selected = new Map<string, JuiceNode[]>(list.map(([text]) => [text, []]));
    const visit = (node: JuiceNode) => {
      for (const child of node.children ?? []) {
        if (!isElement(child)) continue;
        for (const [text, parsed] of list) {
          if (matches(child, parsed, parsed.compounds.length - 1)) selected.get(text)?.push(child);
        }
        visit(child);
      }
    };
    visit(root);
    return selected;
  };
}

/** `ul li`, `.bp-text > p`, `a.x#y`; undefined for anything else (attributes, pseudo-classes, `+`, `~`, upper-case tags). */
function parseSelector(text: string): CompiledSelector | undefined {
  const tokens = text.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/);
  const compounds: Compound[] = [];
  const combinators: ('descendant' | 'child')[] = [];
  let pending: 'descendant' | 'child' | undefined;
  for (const token of tokens) {
    if (token === '>') {
      if (compounds.length === 0 || pending === 'child') return undefined;
      pending = 'child';
      continue;
    }
    const match = COMPOUND.exec(token);
    if (!match || token === '') return undefined;
    const [, tag, rest = ''] = match;
    const parts = rest.match(PARTS) ?? [];
    const ids = parts.filter((part) => part.startsWith('#')).map((part) => part.slice(1));
    if (ids.length > 1) return undefined;
    if (compounds.length > 0) combinators.push(pending ?? 'descendant');
    pending = undefined;
    compounds.push({ tag: tag === '*' ? undefined : tag, classes: parts.filter((part) => part.startsWith('.')).map((part) => part.slice(1)), id: ids[0] });
  }
  if (compounds.length === 0 || pending) return undefined;
  return { compounds, combinators };
}

/** As css-select in HTML mode: names compared as htmlparser2 lower-cased them, classes split at white space, the id exactly. */
function matchesCompound(element: JuiceNode, compound: Compound): boolean {
  if (compound.tag !== undefined && element.name !== compound.tag) return false;
  const attributes = element.attribs ?? {};
  if (compound.id !== undefined && attributes.id !== compound.id) return false;
  if (compound.classes.length > 0) {
    const classes = attributes.class;
    if (classes === undefined) return false;
    const names = classes.split(/\s/);
    if (!compound.classes.every((name) => names.includes(name))) return false;
  }
  return true;
}

function matches(element: JuiceNode, selector: CompiledSelector, index: number): boolean {
  const compound = selector.compounds[index];
  if (!compound || !matchesCompound(element, compound)) return false;
  if (index === 0) return true;
  const combinator = selector.combinators[index - 1];
  for (let ancestor = parentElement(element); ancestor; ancestor = parentElement(ancestor)) {
    if (matches(ancestor, selector, index - 1)) return true;
    if (combinator === 'child') return false;
  }
  return false;
}

function parentElement(node: JuiceNode): JuiceNode | undefined {
  const parent = node.parent;
  return parent && isElement(parent) ? parent : undefined;
}

/** What css-select counts as an element (domhandler's `isTag`). */
function isElement(node: JuiceNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}
