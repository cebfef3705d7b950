/* global URL */
// Writes the hyphenation patterns of the `hyphen` package as JSON into dist/hyphenation/,
// where src/pipeline/load-hyphenator.ts looks first: JSON loads ~10× faster than the package's
// JavaScript array. Run by `npm run prepare` after the TypeScript build; the data is unchanged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = new URL('../dist/hyphenation/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of ['de-1996', 'en-us']) {
  writeFileSync(new URL(`${name}.json`, out), JSON.stringify(require(`hyphen/patterns/${name}.js`)));
}
