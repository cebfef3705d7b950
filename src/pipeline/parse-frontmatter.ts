import matter from 'gray-matter';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { KeyPath } from '../describe-issues.js';
import { FrontmatterError } from '../errors.js';
import { explainUnclosedQuote, explainYamlProblem } from './explain-yaml.js';

export type { KeyPath };

export interface ParsedFrontmatter {
  /** The frontmatter as plain data, not yet validated. */
  data: unknown;
  /** The Markdown body after the closing `---`. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** The whole file as parsed (BOM removed, line endings "\n"), so later stages can name lines. */
  source: string;
  /** 1-based line in the file of the key at `path`, or of its closest present parent. */
  locate(path: KeyPath): number | undefined;
}

const REFUSE_ENGINE = (name: string) => (): never => {
  // Never reached for a file the guard below refuses; kept so that gray-matter
  // itself can never eval a `---js` block (engines: {js: false} does not stop it).
  throw new FrontmatterError(`"---${name}" frontmatter is not allowed; articles are data: use YAML between two "---" lines`);
};

/**
 * Split an article into YAML frontmatter and Markdown body. Only YAML is
 * accepted: gray-matter would otherwise `eval` a `---js` block. Positions come
 * from the `yaml` package so errors can name the line.
 */
export function parseFrontmatter(source: string, file: string): ParsedFrontmatter {
  // gray-matter only splits on "\n": normalise Windows line endings first.
  const text = (source.startsWith('\uFEFF') ? source.slice(1) : source).replace(/\r\n?/g, '\n');
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  if (!/^---\s*$/.test(firstLine)) {
    if (/^---\s*\S/.test(firstLine)) {
      const language = firstLine.slice(3).trim();
      throw new FrontmatterError(`"---${language}" frontmatter is not allowed; articles are data: start the file with a plain "---" line and write YAML`, { file, line: 1 });
    }
    throw new FrontmatterError('no frontmatter: start the file with a "---" line, the YAML keys (title, category, date, teaser), and another "---" line', { file, line: 1 });
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(firstLine.length))) {
    throw new FrontmatterError('the frontmatter is not closed: add a line "---" after the last YAML key', { file, line: 1 });
  }

  let document: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  const parseYaml = (yamlText: string): object => {
    // The YAML text starts with the newline after "---", so its line numbers are the file's.
    document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', logLevel: 'silent' });
    const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
    const [problem] = [...document.errors, ...document.warnings];
    if (problem) {
      const line = lineAt(problem.pos[0]);
      const lines = yamlText.split('\n');
      const explained = problem.code === 'MISSING_CHAR' && /closing .?quote/i.test(problem.message) ? explainUnclosedQuote(lines) : explainYamlProblem(problem.code, line, lines);
      if (explained) throw new FrontmatterError(explained.message, { file, line: explained.line });
      throw new FrontmatterError(describeYamlProblem(problem), { file, line });
    }
    const refused = refuseUnsafeNodes(document);
    if (refused) throw new FrontmatterError(refused.message, { file, line: lineAt(refused.offset) });
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError when aliases expand too far (a "billion laughs" file)
      const message = /alias/i.test((error as Error).message)
        ? 'the frontmatter\'s YAML aliases (*name) expand to too much data: write the values out'
        : `the frontmatter cannot be read as YAML (${(error as Error).message}): write plain keys and values`;
      throw new FrontmatterError(message, { file, line: lineAt(firstAliasOffset(document)) ?? 1 });
    }
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      throw new FrontmatterError('the frontmatter must be keys with values (title: …, category: …), not a list or a single value', {
        file,
        line: lineAt(document.contents?.range?.[0]) ?? 1,
      });
    }
    return data;
  };

  // An options object keeps gray-matter away from its global cache, which
  // shares and mutates results between calls.
  const parsed = matter(text, {
    engines: { yaml: parseYaml, json: REFUSE_ENGINE('json'), javascript: REFUSE_ENGINE('javascript'), js: REFUSE_ENGINE('js') },
  });

  const bodyOffset = text.length - parsed.content.length;
  const bodyLine = countLines(text.slice(0, bodyOffset)) + 1;
  const parsedDocument = document;
  return {
    data: parsed.data,
    body: parsed.content,
    bodyLine,
    source: text,
    locate(path) {
      if (!parsedDocument?.contents) return undefined;
      for (let depth = path.length; depth >= 0; depth--) {
        const node = nodeAt(parsedDocument, path.slice(0, depth));
        if (node?.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/** Aliases may repeat a value; more than this many are refused (yaml's own guard against alias bombs). */
const MAX_ALIAS_COUNT = 50;
/** The article format nests three levels (faq → entry → answer); far deeper frontmatter is refused before it is converted. */
const MAX_DEPTH = 16;
/** Explicit tags that only say what plain YAML says anyway; every other tag (`!!js/function`, `!!binary`, `!custom`) is refused. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** One plain sentence for a problem the yaml parser reports. */
function describeYamlProblem(problem: YAMLError): string {
  const reason = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'malformed YAML';
  switch (problem.code) {
    case 'DUPLICATE_KEY':
      return 'a key appears twice in the frontmatter: keep one of them';
    case 'TAB_AS_INDENT':
      return 'malformed YAML: a tab is used for indentation: indent with spaces';
    case 'TAG_RESOLVE_FAILED':
      return `the frontmatter uses the YAML tag ${shownTag(reason.replace(/^Unresolved tag: /, ''))}, which articles do not allow: remove it and write the value as plain text`;
    case 'BAD_ALIAS':
      return `malformed YAML: ${reason} (write the value out instead of an alias)`;
    case 'RESOURCE_EXHAUSTION':
      return 'the frontmatter is nested too deeply: the article format needs at most three levels (faq → entry → answer)';
    default:
      return `malformed YAML: ${reason} (check indentation, and quote values that contain ": " or start with a special character)`;
  }
}

/** `tag:yaml.org,2002:js/function` → `!!js/function` */
function shownTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

/**
 * Walk the parsed document in order and refuse what converting it to data
 * would choke on or silently change: an alias used before its anchor or
 * inside it, keys that are lists or mappings, tags beyond plain YAML's, and
 * nesting far deeper than the article format. Iterative, so depth cannot
 * overflow the stack here.
 */
function refuseUnsafeNodes(document: Document.Parsed): { message: string; offset: number | undefined } | undefined {
  const complete = new Set<string>();
  const open = new Set<string>();
  type Step = { node: unknown; depth: number } | { close: string };
  const stack: Step[] = [{ node: document.contents, depth: 0 }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ('close' in step) {
      open.delete(step.close);
      complete.add(step.close);
      continue;
    }
    const { node, depth } = step;
    if (node === null || node === undefined) continue;
    const offset = (isPair(node) ? (node.key as Node | null) : (node as Node))?.range?.[0];
    if (depth > MAX_DEPTH) return { message: 'the frontmatter is nested too deeply: the article format needs at most three levels (faq → entry → answer)', offset };
    if (isAlias(node)) {
      if (open.has(node.source)) return { message: `the frontmatter uses a YAML alias (*${node.source}) inside its own anchor: write the value out`, offset };
      if (!complete.has(node.source)) return { message: `the frontmatter uses a YAML alias (*${node.source}) that is not defined above it: write the value out`, offset };
      continue;
    }
    if (isPair(node)) {
      if (isCollection(node.key) || isAlias(node.key)) {
        return { message: 'the frontmatter uses a list, mapping or alias as a key: keys are plain names like "title"', offset: (node.key as Node).range?.[0] };
      }
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !ALLOWED_TAGS.has(tag)) {
      return { message: `the frontmatter uses the YAML tag ${shownTag(tag)}, which articles do not allow: remove it and write the value as plain text`, offset };
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) {
      open.add(anchor);
      complete.delete(anchor); // a later anchor of the same name replaces the earlier one
      stack.push({ close: anchor });
    }
    if (isScalar(node)) continue;
    if (isMap(node) || isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push({ node: node.items[index], depth: depth + 1 });
    }
  }
  return undefined;
}

function firstAliasOffset(document: Document.Parsed): number | undefined {
  let found: number | undefined;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0 && found === undefined) {
    const node = stack.pop();
    if (isAlias(node)) found = node.range?.[0];
    else if (isPair(node)) stack.push(node.value, node.key);
    else if (isMap(node) || isSeq(node)) stack.push(...[...node.items].reverse());
  }
  return found;
}

/** The key node at `path` (so a line points at `answer:`, not at its value), else the value node. */
function nodeAt(document: Document.Parsed, path: KeyPath): Node | undefined {
  let current: unknown = document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment);
      if (!pair) return undefined;
      keyNode = pair.key as Node;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      current = current.items[segment];
      keyNode = undefined;
    } else {
      return undefined;
    }
  }
  return keyNode ?? (current as Node | undefined);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
