/**
 * The YAML mistakes editors make, each told as what to type instead. The
 * yaml package reports the grammar ("Nested mappings are not allowed in
 * compact mappings"); this reads the line it points at and names the fix:
 * quote a value with a colon, replace German quotes and tabs, add the space
 * after a colon or the "- " of a list item, close a quote.
 * Pure; `lines` are the file's lines (index 0 is line 1).
 */

export interface YamlExplanation {
  message: string;
  /** 1-based line in the file the fix goes on. */
  line: number;
}

/** `key: value`, also as a list item (`- key: value`); group 1 the prefix, 2 the key, 3 the value. */
const KEY_VALUE = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
/** `key:value`: a key without the space YAML needs after the colon (`url:https://…` too). */
const NO_SPACE = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s:/][^\n]*)$/;
/** Quotes that look like quotes to people but are text to YAML. */
const TYPOGRAPHIC_OPEN = /^[„“”‚‘’«»›‹]/;
const TYPOGRAPHIC_CLOSE = /[“”‘’«»‹›]$/;

const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;

/** A value as it must be written in double quotes: backslashes and inner straight quotes escaped. */
function doubleQuoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function explainYamlProblem(code: string, reportedLine: number | undefined, lines: readonly string[]): YamlExplanation | undefined {
  if (reportedLine === undefined) return undefined;
  const at = (line: number) => lines[line - 1] ?? '';
  const text = at(reportedLine);

  // A tab anywhere in the indentation of a line of the frontmatter.
  if (code === 'TAB_AS_INDENT') {
    const line = /^ *\t/.test(text) ? reportedLine : firstLine(lines, (each) => /^ *\t/.test(each)) ?? reportedLine;
    const fixed = at(line).replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '  '));
    return { line, message: `the line is indented with a tab, which YAML does not accept: indent with spaces (two per level): "${fixed}"` };
  }

  // `key:value`: YAML reads one long key and looks for its colon on the next lines.
  if (code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR' || code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'UNEXPECTED_TOKEN') {
    const line = NO_SPACE.test(text) ? reportedLine : code === 'MULTILINE_IMPLICIT_KEY' ? firstLine(lines, (each) => NO_SPACE.test(each)) : undefined;
    const match = line === undefined ? null : NO_SPACE.exec(at(line));
    if (line !== undefined && match) {
      const [, prefix = '', key = '', value = ''] = match;
      return { line, message: `"${key}" needs a space after its colon: write ${prefix.trimStart()}${key}: ${value.trim()}` };
    }
  }

  const keyValue = KEY_VALUE.exec(text);
  const [, prefix = '', key = '', value = ''] = keyValue ?? [];
  const shownPrefix = prefix.trimStart();

  if (code === 'BLOCK_AS_IMPLICIT_KEY' && keyValue && value.includes(': ')) {
    const typographic = TYPOGRAPHIC_OPEN.test(value) && TYPOGRAPHIC_CLOSE.test(value);
    const inner = typographic ? value.slice(1, -1) : value;
    const fix = `${shownPrefix}${key}: ${doubleQuoted(inner)}`;
    return {
      line: reportedLine,
      message: typographic
        ? `the value of "${key}" is in typographic quotes (${value[0]}…${value.at(-1)}), which YAML takes for text, and its ": " starts another key: put the value of "${key}" in straight double quotes instead: ${fix}`
        : `the value of "${key}" contains ": ", which YAML reads as the start of another key: put the value of "${key}" in straight double quotes: ${fix}`,
    };
  }

  // A quoted value with more text after its closing quote: `title: "Vier" Tage`, `"Er sagt "Hallo""`.
  if (code === 'UNEXPECTED_TOKEN' && keyValue && /^["']/.test(value)) {
    const quote = value[0] ?? '"';
    const inner = value.slice(1, value.endsWith(quote) && value.length > 1 ? -1 : undefined);
    const typographic = inner.replace(quote === '"' ? /"([^"]*)"/g : /'([^']*)'/g, '„$1“');
    return {
      line: reportedLine,
      message: `the value of "${key}" goes on after its closing quote: put the whole value in one pair of straight double quotes and write quotes inside it as „…“: ${shownPrefix}${key}: ${doubleQuoted(typographic)}`,
    };
  }

  // A line of a list without its "- ": the entries above it start with "- ", at the same column.
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'BLOCK_AS_IMPLICIT_KEY') {
    const listItem = listItemWithoutDash(lines, reportedLine);
    if (listItem) return listItem;
  }

  // A line indented deeper than the key above it, which takes no nested keys.
  if ((code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BAD_INDENT') && keyValue && value !== '') {
    const next = nextContentLine(lines, reportedLine);
    if (next !== undefined && indentOf(at(next)) > indentOf(text)) {
      const nextKey = KEY_VALUE.exec(at(next))?.[2];
      return {
        line: next,
        message: `the line is indented further than "${key}" above it, which already has its value: ${nextKey ? `start "${nextKey}" at the same column as "${key}"` : `remove the spaces at its start, or put the whole value of "${key}" in double quotes`}`,
      };
    }
  }
  return undefined;
}

/** An opened quote that is not closed on its line: `title: "Vier-Tage-Woche: Die Bilanz`. */
export function explainUnclosedQuote(lines: readonly string[]): YamlExplanation | undefined {
  for (let index = 0; index < lines.length; index++) {
    const match = KEY_VALUE.exec(lines[index] ?? '');
    const [, prefix = '', key = '', value = ''] = match ?? [];
    if (!match || !/^["']/.test(value)) continue;
    const quote = value[0] ?? '"';
    const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/.test(value) : /^'(?:[^']|'')*'/.test(value);
    if (closed) continue;
    const inner = value.slice(1);
    const fixed = quote === '"' ? doubleQuoted(inner) : `'${inner.replace(/'/g, "''")}'`;
    return {
      line: index + 1,
      message: `the value of "${key}" opens a quote (${quote}) that is not closed on its line: end it with ${quote} on the same line: ${prefix.trimStart()}${key}: ${fixed}`,
    };
  }
  return undefined;
}

function listItemWithoutDash(lines: readonly string[], reportedLine: number): YamlExplanation | undefined {
  // yaml may point at the line itself or at the list above it: look at the reported line and the few after it.
  for (let line = reportedLine; line <= Math.min(lines.length, reportedLine + 3); line++) {
    const text = lines[line - 1] ?? '';
    if (text.trim() === '' || /^\s*-(\s|$)/.test(text) || /^\S/.test(text)) continue;
    const indent = indentOf(text);
    for (let above = line - 1; above >= 1; above--) {
      const before = lines[above - 1] ?? '';
      if (before.trim() === '') continue;
      const beforeIndent = indentOf(before);
      if (beforeIndent < indent) break; // left the list
      if (beforeIndent === indent && /^\s*-(\s|$)/.test(before)) {
        const parent = parentKey(lines, above);
        return {
          line,
          message: `the line is an entry of the list${parent ? ` under "${parent}"` : ''} but does not start with "- " like the entries above it: write ${`- ${text.trim()}`}${/:/.test(text) ? ' and indent the lines that belong to it like those of the entry above' : ''}`,
        };
      }
    }
  }
  return undefined;
}

function parentKey(lines: readonly string[], line: number): string | undefined {
  const indent = indentOf(lines[line - 1] ?? '');
  for (let above = line - 1; above >= 1; above--) {
    const text = lines[above - 1] ?? '';
    if (text.trim() !== '' && indentOf(text) < indent) return KEY_VALUE.exec(text)?.[2];
  }
  return undefined;
}

function nextContentLine(lines: readonly string[], line: number): number | undefined {
  for (let next = line + 1; next <= lines.length; next++) if ((lines[next - 1] ?? '').trim() !== '') return next;
  return undefined;
}

function firstLine(lines: readonly string[], test: (line: string) => boolean): number | undefined {
  const index = lines.findIndex(test);
  return index < 0 ? undefined : index + 1;
}
