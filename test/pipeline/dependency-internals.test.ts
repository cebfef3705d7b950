import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = { ...manifest.dependencies, ...manifest.devDependencies };

/**
 * Private files of dependencies the fast path imports (juice's) or copies the
 * behaviour of (mjml-core's: the juice options, the preview text, the
 * conditional-comment minifier), with the sha256 they had when
 * src/pipeline/load-juice.ts, compile-mjml.ts, compile-skeleton.ts and
 * probe-copies.ts were last checked against them. package.json pins these
 * packages to exact versions; an upgrade that changes one of the files fails
 * here, by name.
 */
const INTERNALS: Record<string, string> = {
  'juice/client.js': '4a89d18a00b157da3d073e8f06d9c298f1cfc7f604237b9adf790a266e0d8b4d',
  'juice/lib/cheerio.js': '1ca5aeb3947e96b058926d665b6d9cf2426b09589fed3fb4a74c65fed4527884',
  'juice/lib/utils.js': '8e208d1512993a14ac7ebc7cbeca0df2dd0f0b999ba5391625307e8a832340fa',
  'juice/lib/inline.js': '9a3d0a3abe0b1ee25e4d7c0d4764aa5e4a7bd38724e105ee7e00d7cd06f036f6',
  'mjml-core/lib/index.js': '2578d993da71ed05fb1bb2a97e87a212fc138726672ca8819ae88a73acaed079',
  'mjml-core/lib/helpers/preview.js': '68765bea25811d85dc85b9108b82f6f1cbe2576ea8b73c641e4f0bb36c530f0a',
  'mjml-core/lib/helpers/minifyOutlookConditionnals.js': '9a58b6747798bb002017b2c812ea3898d203a4edaa2d766516c6e605ed684e20',
};
const PINNED = ['juice', 'mjml', 'mjml-core'];

/** The copy of a package MJML itself loads (mjml → mjml-core → …), which is the one that matters. */
function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

describe('dependency internals the fast path relies on', () => {
  it.each(PINNED)('%s is pinned to an exact version in package.json, and that version is installed', (name) => {
    const wanted = declared[name];
    expect(wanted, `${name} must be declared in package.json`).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
    expect(installed, `node_modules has ${name}@${installed}, package.json pins ${wanted}: run npm ci`).toBe(wanted);
  });

  it('MJML loads the same juice and mjml-core as the fast path', () => {
    const fromMjml = createRequire(require.resolve('mjml'));
    const mjmlCore = fromMjml.resolve('mjml-core');
    expect(mjmlCore).toBe(require.resolve('mjml-core'));
    expect(createRequire(mjmlCore).resolve('juice')).toBe(require.resolve('juice'));
  });

  it.each(Object.entries(INTERNALS))('%s is unchanged', (file, sha256) => {
    const [scope = '', ...rest] = file.split('/');
    const text = readFileSync(path.join(packageDir(scope), ...rest));
    const actual = createHash('sha256').update(text).digest('hex');
    expect(
      actual,
      `${file} changed with an upgrade: compare it with what src/pipeline/ copies from it (load-juice.ts, compile-mjml.ts, compile-skeleton.ts, probe-copies.ts), ` +
        'run test/pipeline/fast-path-mjml-examples.test.ts, then record the new sha256 here',
    ).toBe(sha256);
  });
});

it('every package that code, tests or scripts import is declared in package.json', () => {
  const sources = ['src', 'test', 'scripts'].flatMap((folder) =>
    readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|mts|mjs|js)$/.test(name) && !name.includes('fixtures'))
      .map((name) => path.join(REPO_ROOT, folder, name)),
  );
  sources.push(path.join(REPO_ROOT, 'eslint.config.js'), path.join(REPO_ROOT, 'vitest.config.ts'));
  const imported = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\(\s*)['"]([^'".][^'"]*)['"]/g)) {
      const specifier = match[1] as string;
      if (!/^(?:@[\w.-]+\/)?[\w.-]+(?:\/[\w.@-]+)*$/.test(specifier)) continue; // words in a string that merely follow "from"
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string);
      imported.add(name);
    }
  }
  const undeclared = [...imported].filter((name) => !(name in declared)).sort();
  expect(imported.size).toBeGreaterThan(10);
  expect(undeclared).toEqual([]);
});
