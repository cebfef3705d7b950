import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from '../build.js';
import type { ResolvedConfig } from '../config/config.js';
import { didYouMean, SendError } from '../errors.js';
import { slugFromFile } from '../pipeline/build-article.js';
import { parseFrontmatter } from '../pipeline/parse-frontmatter.js';
import { listEditionFiles } from './build-editions.js';

/** A built edition, as a test send needs it. */
export interface EditionToSend {
  slug: string;
  subject: string;
  htmlFile: string;
  textFile: string;
  /** Where a dry run writes `<slug>.eml`: next to the edition's outputs. */
  emlDir: string;
}

/**
 * The edition a test send names, as an absolute path: a file in the editions
 * folder (`editions/woche-45.md`), or with `bySlug` an edition's slug (its
 * frontmatter `slug`, else the file name's). Undefined when the target is no
 * edition file and `bySlug` is off (it is then an article).
 */
export async function resolveEditionTarget(config: ResolvedConfig, target: string, bySlug: boolean): Promise<string | undefined> {
  const name = target.trim();
  const editionsDir = path.resolve(config.paths.editions);
  const files = await listEditionFiles(editionsDir);
  const shown = (file: string) => path.relative(config.root, file) || file;
  if (!bySlug) {
    if (!name.endsWith('.md')) return undefined;
    const file = path.resolve(config.root, name);
    if (path.dirname(file) !== editionsDir) return undefined;
    if (files.includes(file)) return file;
    const suggestion = didYouMean(name, files.map(shown));
    throw new SendError(`${name}: no such edition${suggestion ? `: did you mean ${suggestion}?` : `: the editions are in ${shown(editionsDir)}/`}`);
  }
  const slugs = await Promise.all(files.map(async (file) => ({ file, slug: await slugOf(file) })));
  const found = slugs.find((entry) => entry.slug === name);
  if (found) return found.file;
  const known = slugs.map((entry) => entry.slug);
  const suggestion = didYouMean(name, known);
  const hint = suggestion ? `did you mean "${suggestion}"?` : known.length === 0 ? `${shown(editionsDir)}/ has no editions` : `known editions: ${known.slice(0, 10).join(', ')}`;
  throw new SendError(`no edition with the slug "${name}" (${hint})`);
}

/** Build the edition as `build-newsletter editions/x.md --drafts` does; its build errors are thrown as they are. */
export async function buildEditionToSend(config: ResolvedConfig, file: string): Promise<EditionToSend> {
  const result = await build({ config, files: [path.relative(config.root, file)], drafts: true });
  const [edition] = result.editions ?? [];
  if (edition === undefined) throw new SendError(`${path.relative(config.root, file)}: nothing was built: name one edition`);
  if (edition.status === 'failed') throw edition.error;
  if (edition.status === 'draft-skipped') throw new SendError(`${edition.file}: skipped as a draft: this is a bug, please report it`);
  return { slug: edition.slug, subject: edition.subject, htmlFile: edition.htmlFile, textFile: edition.textFile, emlDir: path.dirname(edition.htmlFile) };
}

/** The slug an edition builds under: its frontmatter `slug`, else the file name's (a broken file keeps that; building it reports the problem). */
async function slugOf(file: string): Promise<string> {
  try {
    const { data } = parseFrontmatter(await readFile(file, 'utf8'), file);
    const slug = (data as { slug?: unknown } | null)?.slug;
    return typeof slug === 'string' ? slug : slugFromFile(file);
  } catch {
    return slugFromFile(file);
  }
}
