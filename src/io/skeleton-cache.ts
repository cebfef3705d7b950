import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { emptySkeletonStore, type SkeletonStore } from '../pipeline/skeleton-store.js';
import { writeFileAtomic } from './write-output.js';

/** Compiled layout skeletons under `out/`, so a build whose layouts are known never loads MJML. */
export const SKELETON_FILE = '.build-skeletons.json';
/** Bumped whenever the skeleton format or the way it is filled changes. */
const SKELETON_FORMAT = 3;

interface SkeletonFile extends SkeletonStore {
  format: number;
  /** Same key as the manifest's: templates, config, package versions. */
  inputsKey: string;
}

/** The skeletons of an earlier build with the same inputs; an empty store when missing, unreadable or from other inputs. */
export async function loadSkeletonStore(outDir: string, inputsKey: string): Promise<SkeletonStore> {
  try {
    const file = JSON.parse(await readFile(path.join(outDir, SKELETON_FILE), 'utf8')) as Partial<SkeletonFile>;
    if (file.format === SKELETON_FORMAT && file.inputsKey === inputsKey && isRecord(file.shapes) && isRecord(file.skeletons) && isRecord(file.probes)) {
      return { shapes: file.shapes, skeletons: file.skeletons, probes: file.probes };
    }
  } catch {
    // missing or corrupt: skeletons are compiled again
  }
  return emptySkeletonStore();
}

export async function writeSkeletonStore(outDir: string, inputsKey: string, store: SkeletonStore): Promise<void> {
  const file: SkeletonFile = { format: SKELETON_FORMAT, inputsKey, ...store };
  await writeFileAtomic(path.join(outDir, SKELETON_FILE), JSON.stringify(file));
}

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
