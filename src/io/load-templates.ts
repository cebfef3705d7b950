import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError } from '../errors.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';

const LAYOUT_FILE = 'layout.mjml.hbs';
const PARTIALS_DIR = 'partials';
export const TEMPLATE_EXTENSION = '.mjml.hbs';

/** Read `layout.mjml.hbs` and every `partials/*.mjml.hbs` from the templates folder. */
export async function loadTemplateSources(templatesDir: string, root: string): Promise<TemplateSources> {
  const relative = (file: string) => path.relative(root, file) || file;
  const layoutPath = path.join(templatesDir, LAYOUT_FILE);
  let layoutSource: string;
  try {
    layoutSource = await readFile(layoutPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      throw new TemplateError(`the templates folder is a file, not a folder: set "paths.templates" in newsletter.config.json to the folder with ${LAYOUT_FILE}`, { file: relative(templatesDir), cause: error });
    }
    const reason = code === 'ENOENT' ? `create ${LAYOUT_FILE} in the templates folder` : `check its permissions (${code ?? (error as Error).message})`;
    throw new TemplateError(`cannot read the layout: ${reason}`, { file: relative(layoutPath), cause: error });
  }
  const partialsDir = path.join(templatesDir, PARTIALS_DIR);
  let names: string[] = [];
  try {
    names = (await readdir(partialsDir)).filter((name) => name.endsWith(TEMPLATE_EXTENSION)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new TemplateError(`cannot read the partials folder (${code ?? (error as Error).message}): make it a readable folder`, { file: relative(partialsDir), cause: error });
  }
  const read = await Promise.all(
    names.map(async (name) => {
      try {
        return await readFile(path.join(partialsDir, name), 'utf8');
      } catch (error) {
        throw new TemplateError(`cannot read the partial (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check that it is a readable file`, { file: relative(path.join(partialsDir, name)), cause: error });
      }
    }),
  );
  // Keys in name order, whatever order the reads finish in: the cache key hashes this object.
  const partials: TemplateSources['partials'] = {};
  names.forEach((name, index) => {
    partials[name.slice(0, -TEMPLATE_EXTENSION.length)] = { file: relative(path.join(partialsDir, name)), source: read[index] ?? '' };
  });
  return { layout: { file: relative(layoutPath), source: layoutSource }, partials };
}
