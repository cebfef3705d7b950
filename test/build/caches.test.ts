import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { resolveConfig } from '../../src/config/config.js';
import { manifestFile } from '../../src/io/build-cache.js';
import { skeletonFile } from '../../src/io/skeleton-cache.js';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const CACHE = 'node_modules/.cache/punk-newsletter';
const statuses = (result: BuildResult) => Object.fromEntries(result.articles.map((entry) => [entry.file, entry.status]));
const longArticle = (extra = '') => article(extra, `${'Ein langer Absatz über Chips und Rechenzentren. '.repeat(40)}\n`);

interface ManifestFile {
  version: number;
  inputsKey: string;
  entries: Record<string, Record<string, unknown> | null>;
}

async function editManifest(root: string, change: (manifest: ManifestFile) => void): Promise<void> {
  const file = manifestFile(resolveConfig({}, root));
  const manifest = JSON.parse(await readFile(file, 'utf8')) as ManifestFile;
  change(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

describe('caches live in node_modules/.cache, never in out/', () => {
  it('out/ holds only the newsletters; a cacheDir setting moves the caches; rm -rf out rebuilds every output without compiling a layout', async () => {
    project = await makeProject({ articles: { 'eins.md': article(), 'zwei.md': article('author: Jane') } });
    await build({ root: project.root });
    expect((await readdir(project.out)).sort()).toEqual(['eins.html', 'eins.txt', 'zwei.html', 'zwei.txt']);
    expect((await readdir(path.join(project.root, CACHE))).sort()).toEqual([expect.stringMatching(/^build-manifest-[0-9a-f]{12}\.json$/), 'checks.json', 'layouts.json']);

    await rm(project.out, { recursive: true });
    const again = await build({ root: project.root });
    expect(Object.values(statuses(again))).toEqual(['built', 'built']);
    expect(again.fastPath?.compiledSkeletons).toBe(0); // the layouts came from the cache

    await project.write('newsletter.config.json', JSON.stringify({ cacheDir: '.newsletter-cache' }));
    await build({ root: project.root });
    expect((await readdir(path.join(project.root, '.newsletter-cache'))).sort()).toEqual([expect.stringMatching(/^build-manifest-/), 'layouts.json']);
  });

  it('removes the caches an earlier version kept in out/, and never reads them', async () => {
    project = await makeProject({ articles: { 'eins.md': article() } });
    await mkdir(project.out, { recursive: true });
    await writeFile(path.join(project.out, '.build-manifest.json'), JSON.stringify({ version: 2, inputsKey: 'x', entries: { 'articles/eins.md': { slug: '../../victim' } } }));
    await writeFile(path.join(project.out, '.build-skeletons.json'), '{"format":1,"shapes":{},"skeletons":{}}');
    await build({ root: project.root });
    expect((await readdir(project.out)).sort()).toEqual(['eins.html', 'eins.txt']);
  });
});

describe('the manifest is untrusted input', () => {
  it('deletes nothing outside the output folder, whatever slug an entry names', async () => {
    project = await makeProject({ articles: { 'eins.md': article(), 'zwei.md': article() } });
    await build({ root: project.root });
    // victims: next to the project, in the project root, and names that only look like outputs
    const victims = [path.join(path.dirname(project.root), `${path.basename(project.root)}-victim`), path.join(project.root, 'victim'), path.join(project.out, 'Zwei')];
    for (const victim of victims) for (const extension of ['.html', '.txt']) await writeFile(`${victim}${extension}`, 'keep me');
    await editManifest(project.root, (manifest) => {
      const template = manifest.entries['articles/zwei.md'] as Record<string, unknown>;
      manifest.entries['articles/gone-1.md'] = { ...template, slug: `../../${path.basename(project!.root)}-victim` };
      manifest.entries['articles/gone-2.md'] = { ...template, slug: '../victim' };
      manifest.entries['articles/gone-3.md'] = { ...template, slug: 'Zwei' };
      manifest.entries['articles/gone-4.md'] = { ...template, slug: '/etc/passwd' };
    });
    const result = await build({ root: project.root });
    expect(result.removed).toEqual([]);
    expect(Object.values(statuses(result))).toEqual(['cached', 'cached']);
    for (const victim of victims) for (const extension of ['.html', '.txt']) expect(await readFile(`${victim}${extension}`, 'utf8')).toBe('keep me');
    await rm(`${victims[0]}.html`);
    await rm(`${victims[0]}.txt`);
  });

  const damage: [string, (entry: Record<string, unknown>) => Record<string, unknown> | null][] = [
    ['null', () => null],
    ['findings: null', (entry) => ({ ...entry, findings: null })],
    ['findings: [null]', (entry) => ({ ...entry, findings: [null] })],
    ['htmlBytes: "x"', (entry) => ({ ...entry, htmlBytes: 'x' })],
    ['a slug that breaks the slug rule', (entry) => ({ ...entry, slug: '../eins' })],
    ['an unknown key', (entry) => ({ ...entry, script: '<script>' })],
    ['a hash that is no hash', (entry) => ({ ...entry, hash: 42 })],
  ];
  it(`an entry that is ${damage.map(([name]) => name).join(', ')} is dropped and that article rebuilt; the build succeeds`, async () => {
    // one article per kind of damage, and one left alone
    const names = ['unversehrt', ...damage.map((_, index) => `kaputt-${index}`)];
    project = await makeProject({ articles: Object.fromEntries(names.map((name) => [`${name}.md`, article(`author: ${name}`)])) });
    await build({ root: project.root });
    const before = await readFile(path.join(project.out, 'kaputt-0.html'), 'utf8');
    await editManifest(project.root, (manifest) => {
      damage.forEach(([, change], index) => {
        const file = `articles/kaputt-${index}.md`;
        manifest.entries[file] = change(manifest.entries[file] as Record<string, unknown>);
      });
    });
    const result = await build({ root: project.root });
    expect(result.problems).toEqual([]);
    expect(statuses(result)).toEqual({ ...Object.fromEntries(damage.map((_, index) => [`articles/kaputt-${index}.md`, 'built'])), 'articles/unversehrt.md': 'cached' });
    expect(await readFile(path.join(project.out, 'kaputt-0.html'), 'utf8')).toBe(before);
  });

  it('a manifest that is not an object, or has entries of the wrong kind, means a cold build', async () => {
    project = await makeProject({ articles: { 'eins.md': article() } });
    await build({ root: project.root });
    const file = manifestFile(resolveConfig({}, project.root));
    for (const text of ['null', '[]', '"x"', '{"version":3,"inputsKey":null,"entries":[]}', '{"__proto__":{"entries":{}}}']) {
      await writeFile(file, text);
      expect(statuses(await build({ root: project.root }))).toEqual({ 'articles/eins.md': 'built' });
    }
  });
});

describe('the layout cache is untrusted input', () => {
  it('active content put into a cached layout never reaches an email (the article is compiled with MJML, the layouts again); a tampered structure is dropped', async () => {
    project = await makeProject({ articles: { 'eins.md': longArticle(), 'zwei.md': longArticle('author: Jane') } });
    await build({ root: project.root });
    const clean = await readFile(path.join(project.out, 'eins.html'), 'utf8');
    const file = skeletonFile(path.join(project.root, CACHE));
    const store = JSON.parse(await readFile(file, 'utf8')) as { skeletons: Record<string, { html: string[]; structure: { parts: string[] } }> };
    for (const skeleton of Object.values(store.skeletons)) skeleton.html = skeleton.html.map((part) => part.replace('<body', '<body onload="alert(1)"'));
    expect(JSON.stringify(store)).toContain('onload');
    await writeFile(file, JSON.stringify(store));

    await writeFile(path.join(project.articles, 'eins.md'), `${longArticle()}\nEin neuer Absatz, gleiche Form.\n`);
    const result = await build({ root: project.root });
    const eins = result.articles.find((entry) => entry.file === 'articles/eins.md');
    expect(eins).toMatchObject({ status: 'built', renderPath: 'full', fallbackReason: 'the cached layout did not pass the safety check' });
    const html = await readFile(path.join(project.out, 'eins.html'), 'utf8');
    expect(html).not.toContain('onload');
    expect(html.length).toBeGreaterThan(clean.length / 2);
    expect(await readFile(file, 'utf8')).not.toContain('onload');

    // text put into a layout's structure: its key no longer matches, it is compiled again
    const again = JSON.parse(await readFile(file, 'utf8')) as typeof store;
    for (const skeleton of Object.values(again.skeletons)) skeleton.structure.parts[0] += '<mj-raw><p>Gewinnspiel!</p></mj-raw>';
    await writeFile(file, JSON.stringify(again));
    await rm(path.join(project.out, 'zwei.html'));
    const rebuilt = await build({ root: project.root });
    expect(rebuilt.fastPath?.compiledSkeletons).toBe(1);
    expect(await readFile(path.join(project.out, 'zwei.html'), 'utf8')).not.toContain('Gewinnspiel');
  });
});

describe('the cache key includes the tool\'s own code', () => {
  it('a changed constant in the code rebuilds everything, with no version to bump', async () => {
    // A copy of the tool whose code the test may change: src/, the build script and package.json, the packages linked.
    project = await makeProject({ articles: { 'eins.md': article('', `${'Wort '.repeat(60)}\n`) } });
    const tool = path.join(project.root, '.tool');
    await mkdir(tool);
    for (const entry of ['src', 'scripts', 'package.json']) await cp(path.join(REPO_ROOT, entry), path.join(tool, entry), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(tool, 'node_modules'));
    const compile = () => promisify(execFile)(process.execPath, [path.join(tool, 'scripts/build-dist.mjs')], { cwd: tool });
    await compile();
    const cli = (args: string[]) => runCli('build-newsletter', args, { cwd: project!.root, script: path.join(tool, 'dist/cli/build-newsletter.js') });

    expect((await cli([])).stdout).toMatch(/^1 built/m);
    const renderText = path.join(tool, 'src/pipeline/render-text.ts');
    await writeFile(renderText, (await readFile(renderText, 'utf8')).replace('TEXT_WIDTH = 78', 'TEXT_WIDTH = 40'));
    await compile(); // what `npm ci` or `npm run build` does after an edit
    expect((await cli([])).stdout).toMatch(/^1 built, 0 unchanged/m);
    const lines = (await readFile(path.join(project.out, 'eins.txt'), 'utf8')).split('\n');
    expect(Math.max(...lines.filter((line) => line.startsWith('Wort')).map((line) => line.length))).toBeLessThanOrEqual(40);
  });
});
