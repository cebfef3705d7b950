import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder this tool's code runs from: `dist/` (the bundle, where this
 * module may sit in a chunk or in an entry file) or `src/` (under the test
 * runner). Found by name, never a folder above it.
 */
function codeRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (path.basename(dir) === 'dist' || path.basename(dir) === 'src') return dir;
  }
  return here;
}

let version: string | undefined;

/**
 * A hash over the tool's own code, part of every cache key: after `npm ci`,
 * `tsc` or any edit that changes a constant (the text width, a string), the
 * caches no longer match and everything is built again; no version number
 * to bump by hand. Reads `dist/` once per process.
 */
export function codeVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256');
  const root = codeRoot();
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(file).update('\u0000').update(readFileSync(path.join(root, file))).update('\u0000');
  version = hash.digest('hex').slice(0, 32);
  return version;
}
