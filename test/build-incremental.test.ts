import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../src/build.js';
import { SKELETON_FILE } from '../src/io/skeleton-cache.js';
import { generateArticle, generateArticles } from '../src/bench/generate-articles.js';
import { article, makeProject, REPO_ROOT, type TempProject } from './helpers/project.js';
import { runCli } from './helpers/run-cli.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

/** Every output file (not the caches) with its bytes and modification time. */
async function snapshot(out: string): Promise<Map<string, { bytes: string; mtimeMs: number }>> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const name of (await readdir(out)).filter((entry) => !entry.startsWith('.')).sort()) {
    const file = path.join(out, name);
    files.set(name, { bytes: await readFile(file, 'utf8'), mtimeMs: (await stat(file)).mtimeMs });
  }
  return files;
}

/** Names of outputs that were written (or appeared, or went away) between two snapshots. */
function changed(before: Map<string, { bytes: string; mtimeMs: number }>, after: Map<string, { bytes: string; mtimeMs: number }>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name)?.mtimeMs !== after.get(name)?.mtimeMs || before.get(name)?.bytes !== after.get(name)?.bytes).sort();
}

const statuses = (result: BuildResult) => Object.fromEntries(result.articles.map((entry) => [entry.file, entry.status]));

/** Three articles of different shapes. */
function threeArticles(): Record<string, string> {
  return {
    'eins.md': generateArticle(1, { image: 'captioned', author: true, check: true, faq: 3, sources: 2, url: true }).source,
    'zwei.md': generateArticle(2, { image: 'none', author: false, check: true, faq: 4, sources: 3, url: false }).source,
    'drei.md': generateArticle(3, { image: 'image', author: true, check: false, faq: 0, sources: 0, url: false }).source,
  };
}

/** Wait a little so that a rewritten file gets a different modification time. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('incremental builds rebuild exactly what they must', () => {
  it('an edited article: only its two outputs are written again', async () => {
    project = await makeProject({ articles: threeArticles() });
    const first = await build({ root: project.root });
    expect(first.fastPath).toMatchObject({ enabled: true, filled: 3, fallbacks: 0, compiledSkeletons: 3 });
    const before = await snapshot(project.out);
    await tick();

    await writeFile(path.join(project.articles, 'zwei.md'), `${threeArticles()['zwei.md']}\nEin neuer Absatz.\n`);
    const second = await build({ root: project.root });
    expect(statuses(second)).toEqual({ 'articles/drei.md': 'cached', 'articles/eins.md': 'cached', 'articles/zwei.md': 'built' });
    // same shape as before: its layout came from the cache under out/
    expect(second.fastPath).toMatchObject({ filled: 1, compiledSkeletons: 0 });
    const after = await snapshot(project.out);
    expect(changed(before, after)).toEqual(['zwei.html', 'zwei.txt']);
    expect(after.get('zwei.html')?.bytes).toContain('Ein neuer Absatz.');
  });

  it('an edited partial: every output is written again, with the change, and layouts are compiled anew', async () => {
    project = await makeProject({ articles: threeArticles() });
    await build({ root: project.root });
    const before = await snapshot(project.out);
    await tick();

    const footer = path.join(project.root, 'templates/partials/footer.mjml.hbs');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('{{strings.footerReason}}', 'Geänderter Fußtext'));
    const result = await build({ root: project.root });
    expect(Object.values(statuses(result))).toEqual(['built', 'built', 'built']);
    expect(result.fastPath).toMatchObject({ filled: 3, compiledSkeletons: 3 });
    const after = await snapshot(project.out);
    expect(changed(before, after)).toEqual(['drei.html', 'drei.txt', 'eins.html', 'eins.txt', 'zwei.html', 'zwei.txt']);
    for (const name of ['drei.html', 'eins.html', 'zwei.html']) expect(after.get(name)?.bytes).toContain('Geänderter Fußtext');
  });

  it('an edited config: every newsletter is built again with it', async () => {
    project = await makeProject({ articles: threeArticles() });
    await build({ root: project.root });
    const before = await snapshot(project.out);
    await tick();

    await writeFile(path.join(project.root, 'newsletter.config.json'), JSON.stringify({ brand: 'Neue Marke', colors: { accent: '#0055aa' } }));
    const result = await build({ root: project.root });
    expect(Object.values(statuses(result))).toEqual(['built', 'built', 'built']);
    const after = await snapshot(project.out);
    expect(changed(before, after)).toHaveLength(6);
    for (const name of ['drei.html', 'eins.html', 'zwei.html']) {
      expect(after.get(name)?.bytes).toContain('NEUE MARKE');
      expect(after.get(name)?.bytes).toContain('#0055aa');
    }
  });

  it('an article is recognised by content, not by its file times', async () => {
    project = await makeProject({ articles: threeArticles() });
    await build({ root: project.root });
    const before = await snapshot(project.out);
    await tick();
    // touched: same text, new times: nothing to build
    const eins = path.join(project.articles, 'eins.md');
    const text = await readFile(eins, 'utf8');
    await writeFile(eins, text);
    expect(Object.values(statuses(await build({ root: project.root })))).toEqual(['cached', 'cached', 'cached']);
    // changed to text of the same length, with the old modification time put back: still rebuilt
    const { atime, mtime } = await stat(eins);
    await writeFile(eins, text.replace('Folge 2', 'Folge X'));
    await utimes(eins, atime, mtime);
    const result = await build({ root: project.root });
    expect(statuses(result)['articles/eins.md']).toBe('built');
    expect(changed(before, await snapshot(project.out))).toEqual(['eins.html', 'eins.txt']);
  });

  it('a deleted article: its outputs are removed and nothing else is touched', async () => {
    project = await makeProject({ articles: threeArticles() });
    await build({ root: project.root });
    const before = await snapshot(project.out);
    await tick();

    await rm(path.join(project.articles, 'eins.md'));
    const result = await build({ root: project.root });
    expect(result.removed.sort()).toEqual(['out/eins.html', 'out/eins.txt']);
    expect(statuses(result)).toEqual({ 'articles/drei.md': 'cached', 'articles/zwei.md': 'cached' });
    expect(changed(before, await snapshot(project.out))).toEqual(['eins.html', 'eins.txt']);
  });

  it('with nothing to do, nothing is written; --force writes everything and compiles layouts again', async () => {
    project = await makeProject({ articles: threeArticles() });
    await build({ root: project.root });
    const before = await snapshot(project.out);
    await tick();
    const noop = await build({ root: project.root });
    expect(Object.values(statuses(noop))).toEqual(['cached', 'cached', 'cached']);
    expect(changed(before, await snapshot(project.out))).toEqual([]);

    const forced = await build({ root: project.root, force: true });
    expect(Object.values(statuses(forced))).toEqual(['built', 'built', 'built']);
    expect(forced.fastPath?.compiledSkeletons).toBe(3);
    const after = await snapshot(project.out);
    expect(changed(before, after)).toHaveLength(6);
    // rebuilt output is the same bytes
    for (const [name, file] of before) expect(after.get(name)?.bytes).toBe(file.bytes);
  });

  it('a corrupt layout cache is ignored and rebuilt', async () => {
    project = await makeProject({ articles: threeArticles() });
    await build({ root: project.root });
    const before = await snapshot(project.out);
    await writeFile(path.join(project.root, 'node_modules/.cache/punk-newsletter', SKELETON_FILE), '{"inputsKey":');
    await rm(path.join(project.out, 'eins.html'));
    const result = await build({ root: project.root });
    expect(statuses(result)['articles/eins.md']).toBe('built');
    expect(result.fastPath?.compiledSkeletons).toBe(1);
    expect((await snapshot(project.out)).get('eins.html')?.bytes).toBe(before.get('eins.html')?.bytes);
  });
});

describe('builds that need no MJML do not load it', () => {
  /**
   * Run build() in a fresh Node process and report whether MJML's compiler was
   * loaded: a module of node_modules/mjml-core, or a chunk of the bundle in
   * dist/ holding it (recognised by mjml-core's "Malformed MJML" message).
   */
  function buildInChild(
    root: string,
    options: Omit<BuildOptions, 'root' | 'onArticle'> = {},
  ): Promise<{ result: { statuses: string[]; fastPath: BuildResult['fastPath'] }; mjmlLoaded: boolean; esprimaLoaded: boolean }> {
    const hooks = `let port; export function initialize(data) { port = data.port; } export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`;
    const script = `
      import { readFileSync } from 'node:fs';
      import { createRequire, register } from 'node:module';
      import { fileURLToPath } from 'node:url';
      import { MessageChannel } from 'node:worker_threads';
      const { port1, port2 } = new MessageChannel();
      const loaded = [];
      port1.on('message', (url) => loaded.push(url));
      port1.unref();
      register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, { data: { port: port2 }, transferList: [port2] });
      const { build } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)});
      const result = await build({ root: ${JSON.stringify(root)}, ...${JSON.stringify(options)} });
      await new Promise((resolve) => setTimeout(resolve, 100)); // the loader thread's last messages
      const files = [...loaded.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)), ...Object.keys(createRequire(import.meta.url).cache)];
      const mjml = files.some((file) => /node_modules[\\/]mjml-core[\\/]/.test(file) || (file.endsWith('.js') && readFileSync(file, 'utf8').includes('Malformed MJML')));
      // js-yaml (inside gray-matter) loads esprima at run time unless the bundle leaves it out (scripts/build-dist.mjs)
      const esprima = files.some((file) => /node_modules[\\/]esprima[\\/]/.test(file));
      process.stdout.write(JSON.stringify({ result: { statuses: result.articles.map((a) => a.status), fastPath: result.fastPath }, mjmlLoaded: mjml, esprimaLoaded: esprima }));
    `;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`exit ${code}: ${stderr}`))));
    });
  }

  it('a no-op build, and a new article whose layout is cached, run without MJML; a new layout loads it', async () => {
    const articles = threeArticles();
    project = await makeProject({ articles });
    const cold = await buildInChild(project.root);
    expect(cold.mjmlLoaded).toBe(true);

    const noop = await buildInChild(project.root);
    expect(noop).toMatchObject({ mjmlLoaded: false, result: { statuses: ['cached', 'cached', 'cached'] } });

    // same shape as zwei.md, different text
    await writeFile(path.join(project.articles, 'vier.md'), generateArticle(40, { image: 'none', author: true, check: true, faq: 4, sources: 1, url: false }).source);
    const known = await buildInChild(project.root);
    expect(known).toMatchObject({ mjmlLoaded: false, esprimaLoaded: false, result: { statuses: ['cached', 'cached', 'built', 'cached'], fastPath: { filled: 1, compiledSkeletons: 0 } } });

    await writeFile(path.join(project.articles, 'fuenf.md'), generateArticle(50, { image: 'image', author: false, check: false, faq: 1, sources: 0, url: true }).source);
    const unknown = await buildInChild(project.root);
    expect(unknown).toMatchObject({ mjmlLoaded: true, result: { fastPath: { filled: 1, compiledSkeletons: 1 } } });
  });
});

describe('a failure in one article', () => {
  it('is reported for that article; the others are built exactly as without it, and the build ends', async () => {
    const good = threeArticles();
    // Clean reference: the good articles alone.
    const reference = await makeProject({ articles: good });
    await build({ root: reference.root });
    const expected = await snapshot(reference.out);
    await reference.remove();

    // The same articles plus one with bad frontmatter and one that reaches a broken template branch.
    project = await makeProject({
      articles: {
        ...good,
        'a-kaputt.md': article('teasr: Tippfehler'),
        'z-vorlage.md': article('image:\n  src: https://example.com/bild.jpg\n  alt: Bild\n  caption: Nur diese Bildunterschrift'),
      },
    });
    const partial = path.join(project.root, 'templates/partials/article.mjml.hbs');
    await writeFile(partial, (await readFile(partial, 'utf8')).replace('{{#if image.caption}}', '{{#if image.caption}}\n    <mj-bogus />'));
    const result = await build({ root: project.root });
    const problems = result.problems.map((problem) => `${problem.file}: ${problem.message.slice(0, 40)}`);
    expect(problems).toEqual([
      expect.stringMatching(/^articles\/a-kaputt\.md: unknown key "teasr"/),
      expect.stringMatching(/^templates\/partials\/article\.mjml\.hbs: invalid MJML <mj-bogus>/),
      expect.stringMatching(/^templates\/partials\/article\.mjml\.hbs: invalid MJML <mj-bogus>/),
    ]);
    expect(statuses(result)).toEqual({
      'articles/a-kaputt.md': 'failed',
      'articles/drei.md': 'built',
      'articles/eins.md': 'failed',
      'articles/z-vorlage.md': 'failed',
      'articles/zwei.md': 'built',
    });
    const after = await snapshot(project.out);
    expect([...after.keys()]).toEqual(['drei.html', 'drei.txt', 'zwei.html', 'zwei.txt']);
    for (const name of after.keys()) expect(after.get(name)?.bytes, name).toBe(expected.get(name)?.bytes);
  });
});

describe('an output that cannot be written', () => {
  it('fails that article with the reason and leaves the others built', async () => {
    project = await makeProject({ articles: threeArticles() });
    // a folder where zwei.html should go: the rename into place fails
    await mkdir(path.join(project.out, 'zwei.html'), { recursive: true });
    const result = await build({ root: project.root });
    expect(statuses(result)).toEqual({ 'articles/drei.md': 'built', 'articles/eins.md': 'built', 'articles/zwei.md': 'failed' });
    expect(result.problems).toEqual([{ file: 'articles/zwei.md', line: undefined, message: expect.stringMatching(/^cannot write the output \(EISDIR\)/) }]);
    expect((await readdir(project.out)).filter((name) => name.endsWith('.tmp') || name.startsWith('.zwei'))).toEqual([]);
    // fixed: the next build writes it
    await rm(path.join(project.out, 'zwei.html'), { recursive: true });
    expect(statuses(await build({ root: project.root }))['articles/zwei.md']).toBe('built');
  });
});

describe('build-newsletter with many articles (files written by a second thread)', () => {
  it('writes the same files as an in-process build, reports in file order, and reports a file it cannot write', async () => {
    const articles = Object.fromEntries(generateArticles(40).map((entry) => [entry.name, entry.source]));
    const reference = await makeProject({ articles });
    await build({ root: reference.root });
    const expected = await snapshot(reference.out);
    await reference.remove();

    project = await makeProject({ articles });
    const blocked = Object.keys(articles).sort()[30]?.replace(/\.md$/, '') ?? '';
    await mkdir(path.join(project.out, `${blocked}.html`), { recursive: true });
    const run = await runCli('build-newsletter', ['--json'], { cwd: project.root, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { articles: { file: string; status: string }[]; problems: { file: string; message: string }[] };
    expect(json.articles.map((entry) => entry.file)).toEqual(Object.keys(articles).sort().map((name) => `articles/${name}`));
    expect(json.articles.filter((entry) => entry.status !== 'built')).toEqual([{ file: `articles/${blocked}.md`, status: 'failed', problems: expect.any(Array) }]);
    expect(json.problems).toEqual([{ file: `articles/${blocked}.md`, message: expect.stringMatching(/^cannot write the output \(EISDIR\)/) }]);
    await rm(path.join(project.out, `${blocked}.html`), { recursive: true });
    const written = await snapshot(project.out);
    for (const [name, file] of expected) {
      if (name.startsWith(`${blocked}.`)) continue;
      expect(written.get(name)?.bytes, name).toBe(file.bytes);
    }
  });
});

describe('build-newsletter --no-fast-path', () => {
  it('writes the same files as the fast path and says how each was rendered', async () => {
    project = await makeProject({ samples: true, articles: threeArticles() });
    const fast = await runCli('build-newsletter', ['--json'], { cwd: project.root });
    expect(fast.code).toBe(0);
    const fastJson = JSON.parse(fast.stdout) as { fastPath: BuildResult['fastPath']; articles: { renderPath?: string }[] };
    expect(fastJson.fastPath).toMatchObject({ enabled: true, filled: 5, fallbacks: 0 });
    expect(fastJson.articles.map((entry) => entry.renderPath)).toEqual(['fast', 'fast', 'fast', 'fast', 'fast']);
    const fastFiles = await snapshot(project.out);

    const full = await runCli('build-newsletter', ['--no-fast-path', '--force'], { cwd: project.root });
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/5 built, 0 unchanged/);
    const fullFiles = await snapshot(project.out);
    expect([...fullFiles.keys()]).toEqual([...fastFiles.keys()]);
    for (const [name, file] of fullFiles) expect(fastFiles.get(name)?.bytes, name).toBe(file.bytes);
  });
});
