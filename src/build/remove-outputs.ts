import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { isSlug } from '../io/cache-schema.js';

/** The files the build writes per newsletter; the only ones it ever deletes. */
const OUTPUT_EXTENSIONS = ['.html', '.txt'] as const;

/**
 * Remove the outputs of a slug no article builds under any more. Whatever the
 * slug (it may come from a cache that was edited by hand), only
 * `<slug>.html` and `<slug>.txt` directly inside the output folder are
 * removed, and only when the slug follows the slug rule and the file is a
 * regular file. Returns the removed files, project-relative.
 */
export async function removeOutputs(outDir: string, slug: string, root: string): Promise<string[]> {
  if (!isSlug(slug)) return [];
  const removed: string[] = [];
  for (const extension of OUTPUT_EXTENSIONS) {
    const file = path.join(outDir, `${slug}${extension}`);
    if (path.dirname(file) !== path.resolve(outDir)) continue;
    try {
      if (!(await lstat(file)).isFile()) continue;
    } catch {
      continue; // already gone
    }
    await rm(file, { force: true });
    removed.push(path.relative(root, file));
  }
  return removed;
}
