import { loadCheckCache, writeCheckCache } from '../io/check-cache.js';

/** Give the client-support check what earlier builds learnt (stored in `file`). */
export async function restoreClientSupport(file: string): Promise<void> {
  const [{ useClientSupportMemo }, stored] = await Promise.all([import('./client-support.js'), loadCheckCache(file)]);
  useClientSupportMemo(stored);
}

/** Keep what the client-support check learnt in this build; a cache that cannot be written is found again next time. */
export async function keepClientSupport(file: string): Promise<void> {
  const { clientSupportMemo } = await import('./client-support.js');
  const { memo, learnt } = clientSupportMemo();
  if (learnt === 0) return;
  try {
    await writeCheckCache(file, memo);
  } catch {
    // not kept: nothing else depends on it
  }
}
