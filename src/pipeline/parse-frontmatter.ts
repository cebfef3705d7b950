import matter from 'gray-matter';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { FrontmatterError } from '../errors.js';

/** A key path into the frontmatter, e.g. `['faq', 2, 'answer']`. */
export type KeyPath = readonly (string | number)[];

export interface ParsedFrontmatter {
  /** The frontmatter as plain data, not yet validated. */
  data: unknown;
  /** The Markdown body after the closing `---`. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
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
    document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
    const [first] = document.errors;
    if (first) {
      const line = lineCounter.linePos(first.pos[0]).line;
      const reason = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'malformed YAML';
      throw new FrontmatterError(`malformed YAML: ${reason} (check indentation, and quote values that contain ": " or start with a special character)`, {
        file,
        line, // the YAML text starts with the newline after "---", so its line numbers are the file's
      });
    }
    return (document.toJS({ maxAliasCount: 50 }) as object | null) ?? {};
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
