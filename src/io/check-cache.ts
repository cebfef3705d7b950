import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './write-output.js';

/**
 * What the client-support check learnt (src/check/client-support.ts,
 * ClientSupportMemo) in the cache folder, so a build whose templates and
 * element kinds are known does not load the caniemail data. Kept per
 * doiuse-email version: the verdicts are its data. Untrusted input: the
 * check validates what it gets back (useClientSupportMemo).
 */
const CHECK_CACHE_FILE = 'checks.json';

export function checkCacheFile(cacheDir: string): string {
  return path.join(cacheDir, CHECK_CACHE_FILE);
}
/** Bumped whenever the format changes. */
const CHECK_CACHE_FORMAT = 1;

interface CheckCacheFile {
  format: number;
  /** Version of @jsx-email/doiuse-email the verdicts come from. */
  data: string;
  clientSupport: unknown;
}

/** The stored verdicts, or undefined when missing, unreadable or from other data (the caller validates their shape). */
export async function loadCheckCache(file: string): Promise<unknown> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<CheckCacheFile> | null;
    if (stored?.format === CHECK_CACHE_FORMAT && stored.data === dataVersion() && stored.data !== 'unknown') return stored.clientSupport;
  } catch {
    // missing or corrupt: the verdicts are found again
  }
  return undefined;
}

export async function writeCheckCache(file: string, clientSupport: unknown): Promise<void> {
  const contents: CheckCacheFile = { format: CHECK_CACHE_FORMAT, data: dataVersion(), clientSupport };
  await writeFileAtomic(file, JSON.stringify(contents));
}

let version: string | undefined;

/** doiuse-email's version, read from its package.json without loading it. */
function dataVersion(): string {
  if (version !== undefined) return version;
  version = 'unknown';
  try {
    let dir = path.dirname(createRequire(fileURLToPath(import.meta.url)).resolve('@jsx-email/doiuse-email'));
    for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === '@jsx-email/doiuse-email' && manifest.version) {
          version = manifest.version;
          break;
        }
      } catch {
        // no package.json here: keep walking up
      }
    }
  } catch {
    // not installed: nothing stored is trusted
  }
  return version;
}
