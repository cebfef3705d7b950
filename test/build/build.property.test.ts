import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { resolveConfig } from '../../src/config/config.js';
import { formatProblem } from '../../src/errors.js';
import { manifestFile } from '../../src/io/build-cache.js';
import { isManifestEntry, isSkeleton, isUnusable } from '../../src/io/cache-schema.js';
import { skeletonFile } from '../../src/io/skeleton-cache.js';
import { articleSet } from '../helpers/article-arbitraries.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { generateArticle } from '../../src/bench/generate-articles.js';

/**
 * Property tests: generated and mutated articles and caches against the
 * build's invariants. `npm test` runs a few cases with a fixed seed;
 * `npm run fuzz -- --runs N --seed S` runs many (see the README). A failure
 * prints the seed and path that reproduce it (`FUZZ_PATH` replays it).
 *
 * Exit codes: build() must resolve and no article may fail with an internal
 * error; build-newsletter turns exactly that into 0 or 1 (runCli gives 70 only
 * to a bug outside any article; the CLI on hostile articles is in
 * build-document.test.ts).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_104);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const TIMEOUT = 60_000 + RUNS * 4_000;
/** `FUZZ_PATH` (printed by fast-check with a failure) replays one failing case. */
const options = { seed: SEED, numRuns: RUNS, endOnFailure: true, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };

const CACHE = 'node_modules/.cache/punk-newsletter';
const OUTPUT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:html|txt)$/;

/** Every file under `root` except the output and cache folders, with size and modification time. */
async function filesOutside(root: string, except: readonly string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (except.some((folder) => file === folder || file.startsWith(`${folder}/`))) continue;
    const info = await stat(path.join(root, file));
    files[file] = `${info.size}:${info.mtimeMs}`;
  }
  return files;
}

/** The first executable thing in an HTML document, found by a parser of its own (also inside conditional comments). */
function executable(html: string, depth = 0): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (['script', 'iframe', 'object', 'embed', 'applet', 'frame', 'base'].includes(name)) found ??= `<${name}>`;
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute.startsWith('on')) found ??= `${attribute}= on <${name}>`;
        // eslint-disable-next-line no-control-regex
        if (/^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, '')) && !(name === 'img' && /^data:image\//i.test(value))) found ??= `${value.slice(0, 30)} in ${attribute}`;
      }
    },
    oncomment(text) {
      if (depth < 2 && text.includes('<')) found ??= executable(text, depth + 1);
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
}

/** The invariants every build must keep, whatever the articles. */
async function expectInvariants(root: string, written: readonly string[], result: BuildResult): Promise<void> {
  const out = path.join(root, 'out');
  // every article: built or cached with complete files, a draft, or failed with a line that names it
  expect(result.articles.map((entry) => path.basename(entry.file)).sort()).toEqual([...written].sort());
  for (const entry of result.articles) {
    if (entry.status === 'failed') {
      expect(entry.error.problems.length, entry.file).toBeGreaterThan(0);
      expect(entry.error.problems.some((problem) => formatProblem(problem).includes(entry.file)), entry.file).toBe(true);
      expect(entry.error.code, `${entry.file}: ${entry.error.message}`).not.toBe('E_INTERNAL');
      continue;
    }
    if (entry.status === 'draft-skipped') continue;
    const html = await readFile(path.join(out, `${entry.slug}.html`), 'utf8');
    const text = await readFile(path.join(out, `${entry.slug}.txt`), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<\/html>\s*$/);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(executable(html), `${entry.file}: executable content in the HTML`).toBeUndefined();
    expect(Buffer.byteLength(html)).toBe(entry.htmlBytes);
  }
  // the output folder holds only newsletters
  for (const name of await readdir(out).catch(() => [])) expect(name).toMatch(OUTPUT_NAME);
}

describe('build properties (fast-check, seed ' + SEED + ', ' + RUNS + ' runs)', () => {
  let project: TempProject;
  let victim: string;
  beforeAll(async () => {
    project = await makeProject();
    // files next to the project that slugs like "../../raus" aim at
    victim = `${project.root}-victim`;
    await mkdir(victim, { recursive: true });
    for (const name of ['raus.html', 'raus.txt', 'victim.html']) await writeFile(path.join(victim, name), 'keep me');
  });
  afterAll(async () => {
    await project?.remove();
    await rm(victim, { recursive: true, force: true });
  });

  it('any articles: the build resolves, each article is built completely or named in an error line (never an internal error), nothing outside out/ changes, nothing executable is written, a second build has nothing to do', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(articleSet, async (articles) => {
        await rm(project.articles, { recursive: true, force: true });
        await mkdir(project.articles);
        for (const [name, source] of articles) await writeFile(path.join(project.articles, name), source);
        const before = await filesOutside(project.root, ['out', CACHE]);

        const result = await build({ root: project.root });
        await expectInvariants(project.root, articles.map(([name]) => name), result);
        expect(await filesOutside(project.root, ['out', CACHE])).toEqual(before);

        const again = await build({ root: project.root });
        const expected = result.articles.map((entry) => (entry.status === 'built' ? 'cached' : entry.status));
        expect(again.articles.map((entry) => entry.status)).toEqual(expected);
        for (const name of await readdir(victim)) expect(await readFile(path.join(victim, name), 'utf8')).toBe('keep me');
      }),
      options,
    );
  });

  it('any damage to the caches: the build rebuilds what does not validate and writes exactly what a clean build writes', { timeout: TIMEOUT }, async () => {
    const articles = {
      'eins.md': generateArticle(1, { image: 'captioned', author: true, check: true, faq: 3, sources: 2, url: true }).source,
      'zwei.md': generateArticle(2, { image: 'none', author: false, check: true, faq: 0, sources: 1, url: false }).source,
    };
    await rm(project.articles, { recursive: true, force: true });
    await rm(project.out, { recursive: true, force: true });
    await mkdir(project.articles);
    for (const [name, source] of Object.entries(articles)) await writeFile(path.join(project.articles, name), source);
    await build({ root: project.root, force: true });
    const reference = Object.fromEntries(await Promise.all((await readdir(project.out)).map(async (name) => [name, await readFile(path.join(project.out, name), 'utf8')] as const)));
    const config = resolveConfig({}, project.root);
    const cacheFiles = [manifestFile(config), skeletonFile(config.cacheDir)];
    const clean = await Promise.all(cacheFiles.map((file) => readFile(file, 'utf8')));

    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom<unknown>(null, '../../raus', '../out', 'eins', '<script>alert(1)</script>', -1, 1e308, '', [], {}, '__proto__'),
    );
    const damage = fc.array(fc.record({ file: fc.nat(1), at: fc.nat(), value: replacement, removeKey: fc.boolean() }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(damage, fc.boolean(), async (changes, deleteOutputs) => {
        const data = clean.map((text) => JSON.parse(text) as unknown);
        for (const change of changes) mutate(data[change.file], change.at, change.value, change.removeKey);
        await Promise.all(cacheFiles.map((file, index) => writeFile(file, JSON.stringify(data[index]))));
        if (deleteOutputs) await rm(path.join(project.out, 'eins.html'), { force: true });
        const before = await filesOutside(project.root, ['out', CACHE]);

        const result = await build({ root: project.root });
        await expectInvariants(project.root, Object.keys(articles), result);
        expect(result.problems.filter((problem) => !problem.message.endsWith(']'))).toEqual([]);
        const written = Object.fromEntries(await Promise.all((await readdir(project.out)).map(async (name) => [name, await readFile(path.join(project.out, name), 'utf8')] as const)));
        expect(written).toEqual(reference);
        expect(await filesOutside(project.root, ['out', CACHE])).toEqual(before);
        for (const name of await readdir(victim)) expect(await readFile(path.join(victim, name), 'utf8')).toBe('keep me');
      }),
      options,
    );
  });
});

/**
 * Replace (or remove) the value at the `at`-th place of a JSON tree, counted
 * over every object key and array item.
 *
 * Damage that leaves a record valid (a manifest entry that still passes its
 * schema but says `draft: true`, a layout whose slots still fit but point
 * elsewhere, other text in a layout's compiled HTML) is undone: the build
 * believes what passes the checks, as a build tool believes its own cache
 * (see "Trust and caches" in the README). Everything else must be noticed.
 */
function mutate(root: unknown, at: number, value: unknown, removeKey: boolean): void {
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number; path: string[] }[] = [];
  const walk = (node: unknown, trail: string[]) => {
    if (node === null || typeof node !== 'object') return;
    const children: [string | number, unknown][] = Array.isArray(node) ? node.map((item, index) => [index, item]) : Object.entries(node);
    for (const [key, item] of children) {
      places.push({ parent: node as Record<string, unknown>, key, path: [...trail, String(key)] });
      walk(item, [...trail, String(key)]);
    }
  };
  walk(root, []);
  if (places.length === 0) return;
  const place = places[at % places.length]!;
  const [section, recordKey] = place.path;
  const record = () => (recordKey === undefined ? undefined : ((root as Record<string, Record<string, unknown>>)[section!] ?? {})[recordKey]);
  const before = JSON.stringify(record());
  const old = (place.parent as Record<string | number, unknown>)[place.key];
  const remove = removeKey && !Array.isArray(place.parent);
  if (remove) delete (place.parent as Record<string, unknown>)[place.key as string];
  else (place.parent as Record<string | number, unknown>)[place.key] = value;
  if (place.path.length < 2 || JSON.stringify(record()) === before) return;
  const stillValid =
    section === 'entries' ? isManifestEntry(record()) : section === 'skeletons' ? isSkeleton(record(), recordKey!) : section === 'shapes' ? (typeof record() === 'string' && Object.hasOwn((root as { skeletons: object }).skeletons ?? {}, record() as string)) || isUnusable(record()) : false;
  if (!stillValid) return;
  if (remove) (place.parent as Record<string, unknown>)[place.key as string] = old;
  else (place.parent as Record<string | number, unknown>)[place.key] = old;
}
