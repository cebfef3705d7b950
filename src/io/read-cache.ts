import { readFile } from 'node:fs/promises';

/** The JSON in a cache file, or undefined when it is missing, unreadable or not JSON: that cache is then built again. */
export async function readCacheJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The entries of a cache record keyed by an article's or edition's file
 * (`articles/x.md`) that pass `accept`; every other key and value is dropped,
 * `__proto__` too (it would replace the record's prototype). The cache folder
 * is untrusted input: what is dropped is built again.
 */
export function fileEntries<T>(record: Record<string, unknown>, accept: (entry: unknown, file: string) => boolean): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const [file, entry] of Object.entries(record)) {
    if (file !== '__proto__' && /\.md$/i.test(file) && accept(entry, file)) kept[file] = entry as T;
  }
  return kept;
}
