import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError } from '../errors.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';

export const LAYOUT_FILE = 'layout.mjml.hbs';
export const PARTIALS_DIR = 'partials';
export const TEMPLATE_EXTENSION = '.mjml.hbs';

/** Read `layout.mjml.hbs` and every `partials/*.mjml.hbs` from the templates folder. */
export async function loadTemplateSources(templatesDir: string, root: string): Promise<TemplateSources> {
  const relative = (file: string) => path.relative(root, file) || file;
  const layoutPath = path.join(templatesDir, LAYOUT_FILE);
  let layoutSource: string;
  try {
    layoutSource = await readFile(layoutPath, 'utf8');
  } catch (error) {
    throw new TemplateError(`cannot read the layout: create ${LAYOUT_FILE} in the templates folder`, { file: relative(layoutPath), cause: error });
  }
  const partialsDir = path.join(templatesDir, PARTIALS_DIR);
  let names: string[] = [];
  try {
    names = (await readdir(partialsDir)).filter((name) => name.endsWith(TEMPLATE_EXTENSION)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const sources = await Promise.all(names.map((name) => readFile(path.join(partialsDir, name), 'utf8')));
  // Filled in name order, not read order: the build cache key hashes this object.
  const partials: TemplateSources['partials'] = {};
  names.forEach((name, index) => {
    partials[name.slice(0, -TEMPLATE_EXTENSION.length)] = { file: relative(path.join(partialsDir, name)), source: sources[index] ?? '' };
  });
  return { layout: { file: relative(layoutPath), source: layoutSource }, partials };
}
