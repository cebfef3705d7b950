import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build.js';
import type { ResolvedConfig } from '../config/config.js';
import { isNewsletterError } from '../errors.js';
import { listArticleFiles } from '../io/load-articles.js';
import { compileMjml } from '../pipeline/compile-mjml.js';

const ROUNDS = 3;

/**
 * Build one article a few times into a throwaway folder, so that the first
 * save after start is as fast as every later one: MJML takes about a second
 * to load, the checks load an HTML parser, and first runs are slow while the
 * engine warms up. The project's own output folder is not touched. A user
 * mistake (broken article or template) is not reported again here: the first
 * build has shown it.
 */
export async function warmUpRenderer(config: ResolvedConfig): Promise<void> {
  const [file] = await listArticleFiles(config.paths.articles).catch((error: unknown) => {
    if (isNewsletterError(error)) return []; // no articles folder: the first build has said so
    throw error;
  });
  if (file === undefined) {
    for (let round = 0; round < ROUNDS; round++) await compileMjml(SAMPLE);
    return;
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'newsletter-preview-warm-up-'));
  try {
    // A copy of the article in a folder of its own: the warm-up reads no other article and touches no cache.
    const articles = path.join(scratch, 'articles');
    await mkdir(articles);
    const copy = path.join(articles, path.basename(file));
    await copyFile(file, copy);
    const scratchConfig: ResolvedConfig = Object.freeze({ ...config, paths: Object.freeze({ ...config.paths, articles, out: path.join(scratch, 'out') }), cacheDir: path.join(scratch, 'cache') });
    for (let round = 0; round < ROUNDS; round++) await build({ config: scratchConfig, files: [copy], drafts: true, force: true });
  } catch (error) {
    if (!isNewsletterError(error)) throw error; // a broken template or folder: the first build has shown it already
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const SAMPLE = `<mjml><mj-body><mj-section><mj-column><mj-text>warm-up</mj-text></mj-column></mj-section></mj-body></mjml>`;
