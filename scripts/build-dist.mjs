#!/usr/bin/env node
// Builds dist/ from src/ with esbuild: one file per command plus shared
// chunks, the dependencies bundled in, so a run resolves and compiles a few
// files instead of hundreds (see docs/performance.md, "Start-up").
// Also writes the hyphenation patterns as JSON (below).
// Types are checked by `npm run typecheck`, not here. Run by `npm ci`
// (prepare) and before the tests (pretest).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/**
 * Packages that MJML and juice load up front but use only for options this
 * project never sets: minify (htmlnano, cssnano-preset-lite), beautify
 * (js-beautify), and juice's resource inliner (web-resource-inliner; MJML only
 * calls juice() itself). In the bundle they are replaced by a module that
 * throws when used, so a run does not load them.
 */
const UNUSED = ['htmlnano', 'cssnano-preset-lite', 'js-beautify', 'web-resource-inliner'];

/**
 * MJML and juice parse with htmlparser2 only (cheerio's `xml` and `xmlMode`
 * options); full cheerio also loads parse5 and undici for `fromURL`. Each
 * copy of cheerio is bundled as its own htmlparser2-only build (`slim`).
 */
const trimmed = {
  name: 'trimmed-dependencies',
  setup(esbuild) {
    const unused = new RegExp(`^(?:${UNUSED.map((name) => name.replace(/[-/]/g, '\\$&')).join('|')})$`);
    esbuild.onResolve({ filter: unused }, (args) => ({ path: args.path, namespace: 'unused' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      contents: `function unavailable() { throw new Error(${JSON.stringify(`${args.path} is not bundled: it is only used for options punk-newsletter does not set`)}); }
module.exports = Object.assign(unavailable, { default: unavailable, process: unavailable, html: unavailable });`,
      loader: 'js',
    }));
    esbuild.onResolve({ filter: /^cheerio$/ }, (args) => esbuild.resolve('cheerio/slim', { resolveDir: args.resolveDir, kind: args.kind }));
    // js-yaml (gray-matter's default engine, which articles never reach: parse-frontmatter.ts
    // passes its own) loads esprima at run time for `!!js/function`, hidden from bundlers as
    // `_require('esprima')`: 80 ms of every build that reads an article. Without it the type
    // never resolves, which is what articles get anyway.
    esbuild.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace("esprima = _require('esprima');", 'esprima = undefined;');
      if (contents === source) throw new Error(`${args.path}: the esprima require to leave out was not found; check the js-yaml version`);
      return { contents, loader: 'js' };
    });
  },
};

await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [
    'src/cli/build-newsletter.ts',
    'src/cli/check.ts',
    'src/cli/preview.ts',
    'src/cli/send-test.ts',
    'src/cli/esp-upload.ts',
    'src/cli/bench.ts',
    'src/index.ts', // the library API
    'src/preview/server.ts', // startPreview, for scripts/preview-latency.mjs and docs/preview.md
    'src/io/output-writer-thread.ts', // started as a worker by src/io/output-writer.ts
  ],
  outbase: 'src',
  outdir: dist,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // the one TypeScript loader cosmiconfig offers (htmlnano's config search) is never reached
  external: ['typescript'],
  // CommonJS dependencies call require() for Node's own modules
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [trimmed],
  logLevel: 'warning',
});

// The hyphenation patterns of the `hyphen` package as JSON in dist/hyphenation/, where
// src/pipeline/load-hyphenator.ts looks first: JSON loads about ten times faster than the
// package's JavaScript array. The data is the package's, unchanged.
const require = createRequire(import.meta.url);
await mkdir(path.join(dist, 'hyphenation'), { recursive: true });
for (const name of ['de-1996', 'en-us']) {
  await writeFile(path.join(dist, 'hyphenation', `${name}.json`), JSON.stringify(require(`hyphen/patterns/${name}.js`)));
}
