import type { z } from 'zod';
import { didYouMean, type Problem } from './errors.js';

/** A path of keys into the frontmatter or config, e.g. `['faq', 0, 'answer']`. */
export type KeyPath = readonly (string | number)[];

/**
 * Turn schema issues into one-line problems that name the key, say what is
 * wrong and how to fix it. Shared by the article and the config validation.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  locate: (path: KeyPath) => number | undefined,
  knownKeys: (path: KeyPath) => readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, knownKeys(path));
        const fix = suggestion ? `did you mean "${suggestion}"?` : `allowed keys: ${knownKeys(path).join(', ')}`;
        problems.push({ file, line: locate([...path, key]), message: `unknown key "${formatPath([...path, key])}" (${fix})` });
      }
      continue;
    }
    const name = formatPath(path);
    const value = valueAt(data, path);
    let message: string;
    if (issue.code === 'invalid_type' && value === undefined) {
      message = `missing required key "${name}": add it to the frontmatter`;
    } else if (issue.code === 'invalid_type' && value === null) {
      message = `"${name}" is empty: give it a value or remove the key`;
    } else {
      message = `"${name}" ${issue.message}`;
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
