import type { z } from 'zod';
import { didYouMean, type Problem } from './errors.js';

/** A path of keys into the frontmatter or config, e.g. `['faq', 0, 'answer']`. */
export type KeyPath = readonly (string | number)[];

/**
 * Turn schema issues into one-line problems that name the key, say what is
 * wrong and how to fix it. Shared by the article and the config validation.
 */
/** A list entry named for people: `FAQ entry 2 ("Wer profitiert?")`, and the path inside it. */
export type EntryLabel = (path: KeyPath) => { label: string; rest: KeyPath } | undefined;

export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  locate: (path: KeyPath) => number | undefined,
  knownKeys: (path: KeyPath) => readonly string[],
  options: { entryLabel?: EntryLabel; container?: string } = {},
): Problem[] {
  const { entryLabel = () => undefined, container = 'the frontmatter' } = options;
  const problems: Problem[] = [];
  const pathOf = (issue: z.core.$ZodIssue) => issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  // A misspelt key is one mistake: "categroy" is reported with its suggestion, and the missing "category" is not reported again.
  const suggested = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = pathOf(issue);
    for (const key of issue.keys) {
      const suggestion = didYouMean(key, knownKeys(path));
      if (suggestion) suggested.add(formatPath([...path, suggestion]));
    }
  }
  for (const issue of issues) {
    const path = pathOf(issue);
    const entry = entryLabel(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, knownKeys(path));
        const fix = suggestion ? `did you mean "${suggestion}"?` : `allowed keys: ${knownKeys(path).join(', ')}`;
        const name = entry ? `"${formatPath([...entry.rest, key])}" in ${entry.label}` : `"${formatPath([...path, key])}"`;
        problems.push({ file, line: locate([...path, key]), message: `unknown key ${name} (${fix})` });
      }
      continue;
    }
    const name = formatPath(path);
    const value = valueAt(data, path);
    const missing = issue.code === 'invalid_type' && value === undefined;
    if (missing && suggested.has(name)) continue;
    const field = entry ? formatPath(entry.rest) : '';
    let message: string;
    if (missing) {
      message = entry ? `${entry.label} has no ${field}: add "${String(entry.rest.at(-1))}:" to it` : `missing required key "${name}": add it to ${container}`;
    } else if (issue.code === 'invalid_type' && value === null) {
      message = entry ? `${entry.label}: "${field}" is empty: give it a value or remove the key` : `"${name}" is empty: give it a value or remove the key`;
    } else {
      message = entry ? `${entry.label}${field ? `: "${field}"` : ''} ${issue.message}` : `"${name}" ${issue.message}`;
    }
    problems.push({ file, line: locate(path), message });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** `faq[2].answer` */
function formatPath(path: KeyPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
