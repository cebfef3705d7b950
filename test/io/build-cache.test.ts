import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { emptyManifest, inputsKey, loadManifest, manifestFile, writeManifest, type ManifestEntry } from '../../src/io/build-cache.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import type { TemplateSources } from '../../src/pipeline/compile-templates.js';
import { REPO_ROOT } from '../helpers/project.js';

const config = resolveConfig({}, '/p');
let sources: TemplateSources;
let dir: string;
beforeAll(async () => {
  sources = await loadTemplateSources(path.join(REPO_ROOT, 'templates'), REPO_ROOT);
  dir = await mkdtemp(path.join(os.tmpdir(), 'build-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const edited = (name: string): TemplateSources => {
  const partial = sources.partials[name];
  if (!partial) throw new Error(`no partial ${name}`);
  return { ...sources, partials: { ...sources.partials, [name]: { ...partial, source: `${partial.source}\n` } } };
};

describe('inputsKey: what every newsletter depends on', () => {
  // Every partial the templates folder has, read from disk: a new partial is covered without editing this test.
  const partials = readdirSync(path.join(REPO_ROOT, 'templates/partials')).map((name) => name.replace(/\.mjml\.hbs$/, ''));

  it.each(partials)('changes when the partial %s changes', (name) => {
    expect(inputsKey(edited(name), config)).not.toBe(inputsKey(sources, config));
  });

  it('changes when the layout or a setting the email shows changes', () => {
    const key = inputsKey(sources, config);
    expect(inputsKey({ ...sources, layout: { ...sources.layout, source: `${sources.layout.source} ` } }, config)).not.toBe(key);
    expect(inputsKey(sources, resolveConfig({ brand: 'Andere Marke' }, '/p'))).not.toBe(key);
    expect(inputsKey(sources, resolveConfig({ colors: { accent: '#0055aa' } }, '/p'))).not.toBe(key);
  });

  it('stays when only where the project lives changes', () => {
    expect(inputsKey(sources, resolveConfig({}, '/elsewhere'))).toBe(inputsKey(sources, config));
  });
});

describe('the manifest on disk', () => {
  const entry: ManifestEntry = {
    hash: 'a'.repeat(64),
    slug: 'eins',
    title: 'Eins',
    subject: 'Eins',
    preheader: 'Vorschau',
    category: 'Test',
    date: '2025-11-04',
    draft: false,
    htmlBytes: 10,
    textBytes: 5,
    findings: [],
  };

  it('is read back as written, under its inputs key only', async () => {
    const file = path.join(dir, 'manifest.json');
    const manifest = emptyManifest('key-1');
    manifest.entries['articles/eins.md'] = entry;
    await writeManifest(file, manifest);
    expect((await loadManifest(file, 'key-1')).entries).toEqual({ 'articles/eins.md': entry });
    expect((await loadManifest(file, 'key-2')).entries).toEqual({});
  });

  it('drops entries that are not articles or do not match the schema, keeps the rest', async () => {
    const file = path.join(dir, 'mixed.json');
    const manifest = emptyManifest('key');
    manifest.entries['articles/eins.md'] = entry;
    await writeManifest(file, manifest);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
    stored.entries['articles/zwei.md'] = { ...entry, slug: '../zwei' };
    stored.entries['notes.txt'] = entry;
    await writeFile(file, JSON.stringify(stored));
    expect(Object.keys((await loadManifest(file, 'key')).entries)).toEqual(['articles/eins.md']);
  });

  it('is one file per output folder, in the cache folder', () => {
    const a = manifestFile(resolveConfig({}, '/p'));
    const b = manifestFile(resolveConfig({ paths: { out: 'public' } }, '/p'));
    expect(path.dirname(a)).toBe(resolveConfig({}, '/p').cacheDir);
    expect(a).not.toBe(b);
  });
});
