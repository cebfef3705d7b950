import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { parse as parseCss, type CssStylesheetAST } from '@adobe/css-tools';
import type { DoIUseEmail } from '@jsx-email/doiuse-email';
import type * as doiuse from '@jsx-email/doiuse-email';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { TemplateSources } from '../pipeline/compile-templates.js';

/**
 * Client support from the caniemail.com data bundled in
 * `@jsx-email/doiuse-email` (offline). Only what the project writes is
 * checked: the CSS and HTML in the templates and the article's Markdown.
 * MJML's own scaffolding (its reset styles, Outlook conditionals, column
 * media queries) is left out: MJML ships it with fallbacks on purpose.
 */

/** The clients the newsletter is checked against (caniemail's families and platforms). */
const CHECKED_CLIENTS: readonly string[] = ['gmail.*', 'outlook.*', 'apple-mail.*'];

export interface UnsupportedFeature {
  /** caniemail's title, e.g. "@media", "white-space", "HTML5 semantics". */
  feature: string;
  /** e.g. "outlook.windows" */
  clients: string[];
  /** Where it was first seen: the CSS rule, declaration or element. */
  sample: string;
  /** 1-based line in the template, when it comes from one. */
  line?: number;
}

/** mj-* attributes that MJML turns into CSS of the same name. */
const CSS_ATTRIBUTES = new Set([
  'background-color', 'border', 'border-bottom', 'border-left', 'border-radius', 'border-right', 'border-top', 'color', 'direction',
  'font-family', 'font-size', 'font-style', 'font-weight', 'height', 'letter-spacing', 'line-height', 'padding', 'text-align', 'text-decoration', 'text-transform', 'width',
]);
const UNSUPPORTED = /^`(.+)` is not supported by `(.+)`$/;
/** `border-radius: 0px`, `border: none`: asks for what a client without the feature shows anyway. */
const NEUTRAL_VALUE = /^(?:(?:0[a-z%]*)(?:\s+0[a-z%]*)*|none)$/i;

let checker: DoIUseEmail | undefined;

/**
 * doiuse-email and its caniemail data (about 1 MB of JavaScript) load on the
 * first verdict that is not known yet: a build whose templates and element
 * kinds were all seen before (see ClientSupportMemo) does not load them.
 */
function loadChecker(): DoIUseEmail {
  if (!checker) {
    const { DoIUseEmail: Checker } = createRequire(import.meta.url)('@jsx-email/doiuse-email') as typeof doiuse;
    checker = new Checker({ emailClients: [...CHECKED_CLIENTS] });
  }
  return checker;
}

/** Run one doiuse check and return the features that some checked client does not support at all. */
function unsupported(run: (checker: DoIUseEmail) => void): Map<string, Set<string>> {
  const checker = loadChecker();
  checker.errors.length = 0;
  checker.warnings.length = 0;
  checker.notes.length = 0;
  try {
    run(checker);
  } catch {
    // doiuse throws for a feature it has no data on for some client: report what it found before that
  }
  const found = new Map<string, Set<string>>();
  for (const message of checker.errors) {
    const match = UNSUPPORTED.exec(message);
    if (!match?.[1] || !match[2]) continue;
    const clients = found.get(match[1]) ?? new Set<string>();
    clients.add(match[2]);
    found.set(match[1], clients);
  }
  return found;
}

class Collector {
  readonly features = new Map<string, UnsupportedFeature>();
  constructor(private readonly accepted: (feature: string, line: number) => boolean = () => false) {}
  add(found: Map<string, Set<string>>, sample: string, line?: number): void {
    for (const [feature, clients] of found) {
      if (line !== undefined && this.accepted(feature, line)) continue;
      const known = this.features.get(feature);
      if (known) {
        for (const client of clients) if (!known.clients.includes(client)) known.clients.push(client);
      } else {
        this.features.set(feature, { feature, clients: [...clients], sample, line });
      }
    }
  }
}

const byTemplates = new WeakMap<TemplateSources, Map<string, UnsupportedFeature[]>>();

/** Unsupported features per template file (project-relative path), each listed once with its first line. */
export function unsupportedTemplateFeatures(templates: TemplateSources): Map<string, UnsupportedFeature[]> {
  let result = byTemplates.get(templates);
  if (result) return result;
  const files = [templates.layout, ...Object.values(templates.partials)];
  const key = createHash('sha256').update(JSON.stringify(files.map(({ file, source }) => [file, source]))).digest('hex');
  const known = memo.templates[key];
  if (known) {
    result = new Map(Object.entries(known));
  } else {
    result = new Map();
    for (const { file, source } of files) {
      const features = scanTemplate(source);
      if (features.length > 0) result.set(file, features);
    }
    memo.templates = { [key]: Object.fromEntries(result) }; // the templates of one project at a time
    learnt += 1;
  }
  byTemplates.set(templates, result);
  return result;
}

/** Unsupported features in an HTML fragment (the article's rendered Markdown). */
export function unsupportedHtmlFeatures(html: string): UnsupportedFeature[] {
  const collector = new Collector();
  for (const element of DomUtils.findAll(() => true, parseDocument(html).children)) {
    // Support depends on the tag, its attribute names and its inline style, not on href or text:
    // remembering the answer per signature saves most doiuse calls (an article repeats <p>, <li>, <a>).
    const signature = `${element.name} ${Object.keys(element.attribs).sort().join(',')} ${element.attribs.style ?? ''}`;
    let found = elementVerdicts.get(signature);
    if (!found) {
      const known = memo.elements[signature];
      found = known ? new Map(Object.entries(known).map(([feature, clients]) => [feature, new Set(clients)])) : unsupported((c) => c.checkHtmlNode(element.cloneNode(false)));
      if (elementVerdicts.size < ELEMENT_LIMIT) elementVerdicts.set(signature, found);
      if (!known && Object.keys(memo.elements).length < ELEMENT_LIMIT) {
        memo.elements[signature] = Object.fromEntries([...found].map(([feature, clients]) => [feature, [...clients]]));
        learnt += 1;
      }
    }
    collector.add(found, `<${element.name}>`);
  }
  return [...collector.features.values()];
}

const ELEMENT_LIMIT = 5_000;
const elementVerdicts = new Map<string, Map<string, Set<string>>>();

/**
 * The verdicts of this run, to keep between runs (plain JSON): unsupported
 * features of the last templates scanned, by a hash of their sources, and
 * per element signature of the articles' Markdown. They depend only on the
 * caniemail data and CHECKED_CLIENTS, so whoever stores them keys them by the
 * doiuse-email version.
 */
export interface ClientSupportMemo {
  templates: Record<string, Record<string, UnsupportedFeature[]>>;
  elements: Record<string, Record<string, string[]>>;
}

let memo: ClientSupportMemo = { templates: {}, elements: {} };
let learnt = 0;

/** What this run knows, and how many verdicts it found that it was not given. */
export function clientSupportMemo(): { memo: ClientSupportMemo; learnt: number } {
  return { memo, learnt };
}

/** Start from verdicts kept by an earlier run; anything that does not look like a memo is ignored. */
export function useClientSupportMemo(stored: unknown): void {
  if (!isMemo(stored)) return;
  memo = { templates: stored.templates, elements: stored.elements };
  learnt = 0;
}

function isMemo(value: unknown): value is ClientSupportMemo {
  const record = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item);
  const strings = (item: unknown): item is string[] => Array.isArray(item) && item.every((entry) => typeof entry === 'string');
  const feature = (item: unknown) =>
    record(item) && typeof item.feature === 'string' && typeof item.sample === 'string' && strings(item.clients) && (item.line === undefined || typeof item.line === 'number');
  if (!record(value) || !record(value.templates) || !record(value.elements)) return false;
  const templates = Object.values(value.templates).every((files) => record(files) && Object.values(files).every((list) => Array.isArray(list) && list.every(feature)));
  const elements = Object.values(value.elements).every((verdict) => record(verdict) && Object.values(verdict).every(strings));
  return templates && elements;
}

function scanTemplate(source: string): UnsupportedFeature[] {
  const text = blankHandlebars(source);
  const lineAt = lineLocator(text);
  const collector = new Collector(acceptedFeatures(source));
  const document = parseDocument(text, { withStartIndices: true, recognizeSelfClosing: true });
  for (const element of DomUtils.findAll(() => true, document.children)) {
    const line = lineAt(element.startIndex ?? 0);
    if (element.name === 'mj-style') {
      const cssStart = element.children[0]?.startIndex ?? element.startIndex ?? 0;
      scanCss(DomUtils.textContent(element), element.attribs.inline === 'inline', lineAt(cssStart), collector);
    } else if (element.name.startsWith('mj-') || element.name === 'mjml') {
      for (const [property, value] of Object.entries(element.attribs)) {
        if (CSS_ATTRIBUTES.has(property) && !NEUTRAL_VALUE.test(value.trim())) collector.add(unsupported((c) => c.checkCSSDeclarations([{ property, value }])), `${property}="${value}" on <${element.name}>`, line);
      }
    } else {
      collector.add(unsupported((c) => c.checkHtmlNode(element.cloneNode(false))), `<${element.name}>`, line);
    }
  }
  return [...collector.features.values()];
}

/**
 * CSS of an `<mj-style>`. Inlined styles (`inline="inline"`) reach the client
 * as style attributes, so only their declarations matter; a head style block
 * is checked whole: selectors, at-rules and declarations.
 */
function scanCss(css: string, inline: boolean, firstLine: number, collector: Collector): void {
  let stylesheet: CssStylesheetAST;
  try {
    stylesheet = parseCss(css, { silent: true });
  } catch {
    return; // MJML reports CSS it cannot use; nothing to say about support here
  }
  for (const rule of stylesheet.stylesheet.rules) {
    const line = firstLine + (rule.position?.start.line ?? 1) - 1;
    if (rule.type === 'rule') {
      const selectors = rule.selectors.join(', ');
      for (const declaration of rule.declarations) {
        if (declaration.type !== 'declaration') continue;
        const { property, value } = declaration;
        if (NEUTRAL_VALUE.test(value.trim())) continue;
        collector.add(unsupported((c) => c.checkCSSDeclarations([{ property, value }])), `${property}: ${value} (in ${selectors})`, line);
      }
      if (!inline) collector.add(unsupported((c) => c.checkCSSSelectors(rule.selectors)), selectors, line);
    } else if (!inline) {
      const sample = `@${rule.type}`;
      collector.add(unsupported((c) => c.checkStylesheet({ ...stylesheet, stylesheet: { ...stylesheet.stylesheet, rules: [rule] } })), sample, line);
    }
  }
}

/**
 * Features a template uses on purpose, recorded next to them:
 *
 *   {{!-- clients: accept "@media" because phones without it get the desktop layout --}}
 *
 * A marker names one or more caniemail features in quotes (as the finding
 * names them) and covers the lines below it up to the next empty line.
 */
export function acceptedFeatures(source: string): (feature: string, line: number) => boolean {
  const lines = source.split('\n');
  const ranges: { feature: string; from: number; to: number }[] = [];
  for (const match of source.matchAll(MARKER)) {
    const endLine = source.slice(0, (match.index ?? 0) + match[0].length).split('\n').length;
    let to = endLine;
    while (to < lines.length && (lines[to] ?? '').trim() !== '') to += 1;
    const named = (match[1] ?? '').split(/\bbecause\b/)[0] ?? '';
    for (const quoted of named.matchAll(/"([^"]+)"/g)) ranges.push({ feature: (quoted[1] ?? '').toLowerCase(), from: endLine + 1, to });
  }
  if (ranges.length === 0) return () => false;
  return (feature, line) => ranges.some((range) => range.feature === feature.toLowerCase() && range.from <= line && line <= range.to);
}

/** `{{!-- clients: accept "feature", … because … --}}` */
const MARKER = /\{\{!--\s*clients:\s*accept\b([\s\S]*?)--\}\}/g;

/**
 * Handlebars out, line numbers kept: comments, block helpers and partial
 * calls vanish, `{{value}}` becomes a neutral "x" (a colour in CSS, a URL in
 * an attribute: both only need to parse), `{{{html}}}` is content, not template.
 */
export function blankHandlebars(source: string): string {
  const keepLines = (match: string) => match.replace(/[^\n]/g, '');
  return source
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, keepLines)
    .replace(/\{\{\{[\s\S]*?\}\}\}/g, keepLines)
    .replace(/\{\{~?\s*(?:[#/^>]|else\b)[\s\S]*?\}\}/g, keepLines)
    .replace(/\{\{[\s\S]*?\}\}/g, (match) => `x${keepLines(match)}`);
}

function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

const FAMILIES: Record<string, string> = { gmail: 'Gmail', outlook: 'Outlook', 'apple-mail': 'Apple Mail' };
const PLATFORMS: Record<string, string> = {
  'desktop-webmail': 'webmail',
  'mobile-webmail': 'mobile webmail',
  windows: 'Windows',
  'windows-mail': 'Windows Mail',
  macos: 'macOS',
  ios: 'iOS',
  android: 'Android',
};

/** ["outlook.windows", "outlook.windows-mail", "gmail.mobile-webmail"] → "Outlook (Windows, Windows Mail), Gmail (mobile webmail)" */
export function formatClients(clients: readonly string[]): string {
  const families = new Map<string, string[]>();
  for (const client of clients) {
    const [family = client, platform = ''] = client.split('.');
    const platforms = families.get(family) ?? [];
    platforms.push(PLATFORMS[platform] ?? platform);
    families.set(family, platforms);
  }
  return [...families].map(([family, platforms]) => `${FAMILIES[family] ?? family} (${platforms.join(', ')})`).join(', ');
}
