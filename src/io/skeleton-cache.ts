import path from 'node:path';
import { emptySkeletonStore, type SkeletonStore } from '../pipeline/skeleton-store.js';
import { isProbeRules, isRecord, isSkeleton, isUnusable } from './cache-schema.js';
import { readCacheJson } from './read-cache.js';
import { writeFileAtomic } from './write-output.js';

/** Compiled layout skeletons in the cache folder, so a build whose layouts are known never loads MJML. */
export const SKELETON_FILE = 'layouts.json';

interface SkeletonFile extends SkeletonStore {
  /** Same key as the manifest's: templates, config, this tool's code, package versions. */
  inputsKey: string;
}

export function skeletonFile(cacheDir: string): string {
  return path.join(cacheDir, SKELETON_FILE);
}

/**
 * The skeletons of an earlier build with the same inputs; an empty store when
 * missing, unreadable or from other inputs. Every shape and skeleton is
 * checked (see cache-schema.ts) and dropped when it does not match, with the
 * shapes that point at it: those layouts are compiled again.
 */
export async function loadSkeletonStore(file: string, inputsKey: string): Promise<SkeletonStore> {
  const store = emptySkeletonStore();
  const data = await readCacheJson(file); // missing or corrupt: skeletons are compiled again
  if (!isRecord(data) || data.inputsKey !== inputsKey || !isRecord(data.shapes) || !isRecord(data.skeletons)) return store;
  if (isRecord(data.probes)) {
    for (const [key, rules] of Object.entries(data.probes)) {
      if (key !== '__proto__' && isProbeRules(rules)) store.probes[key] = rules;
    }
  }
  for (const [key, skeleton] of Object.entries(data.skeletons)) {
    if (key !== '__proto__' && (isUnusable(skeleton) || isSkeleton(skeleton, key))) store.skeletons[key] = skeleton;
  }
  for (const [key, structure] of Object.entries(data.shapes)) {
    if (key === '__proto__') continue;
    if (isUnusable(structure) || (typeof structure === 'string' && Object.hasOwn(store.skeletons, structure))) store.shapes[key] = structure;
  }
  return store;
}

export async function writeSkeletonStore(file: string, inputsKey: string, store: SkeletonStore): Promise<void> {
  const contents: SkeletonFile = { inputsKey, ...store };
  await writeFileAtomic(file, JSON.stringify(contents));
}
