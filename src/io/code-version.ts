import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder this tool's code runs from: `dist/` (compiled) or `src/` (under the test runner). */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let version: string | undefined;

/**
 * A hash over the tool's own code, part of every cache key: after `npm ci`,
 * `tsc` or any edit that changes a constant (the text width, a string), the
 * caches no longer match and everything is built again; no version number
 * to bump by hand. Reads the few hundred kilobytes of `dist/` once per
 * process (about 6 ms here).
 */
export function codeVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256');
  const files = readdirSync(CODE_ROOT, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(CODE_ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(file).update('\u0000').update(readFileSync(path.join(CODE_ROOT, file))).update('\u0000');
  version = hash.digest('hex').slice(0, 32);
  return version;
}
