import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './write-output.js';

/**
 * What the client-support check learnt (src/check/client-support.ts,
 * ClientSupportMemo) under `out/`, so a build whose templates and element
 * kinds are known does not load the caniemail data. Kept per doiuse-email
 * version: the verdicts are its data.
 */
export const CHECK_CACHE_FILE = '.build-checks.json';
/** Bumped whenever the format changes. */
const CHECK_CACHE_FORMAT = 1;

interface CheckCacheFile {
  format: number;
  /** Version of @jsx-email/doiuse-email the verdicts come from. */
  data: string;
  clientSupport: unknown;
}

/** The stored verdicts, or undefined when missing, unreadable or from other data (the caller validates their shape). */
export async function loadCheckCache(outDir: string): Promise<unknown> {
  try {
    const file = JSON.parse(await readFile(path.join(outDir, CHECK_CACHE_FILE), 'utf8')) as Partial<CheckCacheFile>;
    if (file.format === CHECK_CACHE_FORMAT && file.data === dataVersion() && file.data !== 'unknown') return file.clientSupport;
  } catch {
    // missing or corrupt: the verdicts are found again
  }
  return undefined;
}

export async function writeCheckCache(outDir: string, clientSupport: unknown): Promise<void> {
  const file: CheckCacheFile = { format: CHECK_CACHE_FORMAT, data: dataVersion(), clientSupport };
  await writeFileAtomic(path.join(outDir, CHECK_CACHE_FILE), JSON.stringify(file));
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

/** Give the client-support check what earlier builds into `outDir` learnt. */
export async function restoreClientSupport(outDir: string): Promise<void> {
  const [{ useClientSupportMemo }, stored] = await Promise.all([import('../check/client-support.js'), loadCheckCache(outDir)]);
  useClientSupportMemo(stored);
}

/** Keep what the client-support check learnt in this build; a cache that cannot be written is found again next time. */
export async function keepClientSupport(outDir: string): Promise<void> {
  const { clientSupportMemo } = await import('../check/client-support.js');
  const { memo, learnt } = clientSupportMemo();
  if (learnt === 0) return;
  try {
    await writeCheckCache(outDir, memo);
  } catch {
    // not kept: nothing else depends on it
  }
}
