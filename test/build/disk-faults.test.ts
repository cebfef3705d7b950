import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { formatProblem, NewsletterError } from '../../src/errors.js';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';
import { describeWithMounts, runInMountNamespace } from '../helpers/mount-namespace.js';
import { runCli } from '../helpers/run-cli.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const CLI = path.join(REPO_ROOT, 'dist/cli/build-newsletter.js');
const long = (title: string) => article('', `${`${title}: ein langer Absatz über Rechenzentren, Chips und Strom. `.repeat(120)}\n`).replace('title: Testartikel', `title: ${title}`);

/** Every file in the project whose name says it is a temporary file of an atomic write. */
async function temporaryFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((entry) => entry.endsWith('.tmp'));
}

/** The one line a fault must be: no stack trace, nothing else on stderr. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describeWithMounts('disk faults are one line naming the folder, exit 1, nothing earlier lost', () => {
  it('a read-only output folder', async () => {
    project = await makeProject({ articles: { 'eins.md': long('Eins'), 'zwei.md': long('Zwei') } });
    // what an earlier build wrote
    await project.write('out/eins.html', '<!doctype html><p>Eins, wie es war</p>');
    await project.write('out/eins.txt', 'Eins, wie es war');
    const before = await readFile(path.join(project.out, 'eins.html'), 'utf8');

    const run = await runInMountNamespace(`mount --bind out out; mount -o remount,bind,ro out; exec "$NODE" ${JSON.stringify(CLI)}`, { cwd: project.root });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^error out: cannot write the newsletters \(read-only file system, EROFS\): make out writable, or set "paths\.out" in newsletter\.config\.json to a writable folder$/);
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toBe(before);
    expect((await readdir(project.out)).sort()).toEqual(['eins.html', 'eins.txt']);
    expect(await temporaryFiles(project.root)).toEqual([]);
  });

  it('a full disk', async () => {
    // what an earlier build wrote, and seven articles for a 64 KB disk
    project = await makeProject({ articles: Object.fromEntries(['a-eins', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => [`${name}.md`, long(name)])) });
    await project.write('earlier/g.html', '<!doctype html><p>G, wie es war</p>');
    await project.write('earlier/g.txt', 'G, wie es war');
    await mkdir(project.out);
    const run = await runInMountNamespace(
      [
        'mount -t tmpfs -o size=64k tmpfs out',
        'cp earlier/* out/',
        `set +e; "$NODE" ${JSON.stringify(CLI)}; echo "exit=$?" > exit-code`,
        'cmp out/g.html earlier/g.html && cmp out/g.txt earlier/g.txt && echo same > compared',
        'ls -A out > listing',
      ].join('\n'),
      { cwd: project.root },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(project.root, 'exit-code'), 'utf8')).toBe('exit=1\n');
    expectOneLine(run.stderr, /^error out: cannot write the newsletters \(no space left on the device, ENOSPC\): free some space and build again$/);
    expect(await readFile(path.join(project.root, 'compared'), 'utf8')).toBe('same\n');
    const listing = (await readFile(path.join(project.root, 'listing'), 'utf8')).trim().split('\n');
    expect(listing.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(listing).toContain('g.html');
  });

  it('a read-only cache folder: the newsletters are written, the cache fault is one line', async () => {
    project = await makeProject({ articles: { 'eins.md': long('Eins') } });
    const cache = path.join(project.root, 'node_modules/.cache/punk-newsletter');
    await mkdir(cache, { recursive: true });
    const run = await runInMountNamespace(`mount --bind ${JSON.stringify(cache)} ${JSON.stringify(cache)}; mount -o remount,bind,ro ${JSON.stringify(cache)}; exec "$NODE" ${JSON.stringify(CLI)}`, { cwd: project.root });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^error node_modules\/\.cache\/punk-newsletter: cannot save the build cache \(read-only file system, EROFS\): make node_modules\/\.cache\/punk-newsletter writable, or set "cacheDir"/);
    expect(run.stdout).toMatch(/^✓ eins /m);
    expect((await readdir(project.out)).sort()).toEqual(['eins.html', 'eins.txt']);
    expect(await temporaryFiles(project.root)).toEqual([]);
  });
});

describe('a setting that points at a file instead of a folder is one line, exit 1', () => {
  it.each([
    ['cacheDir', { cacheDir: 'plan.txt' }, /^plan\.txt: cannot save the build cache \(a file is in the way of a folder, ENOTDIR\): make plan\.txt a folder/],
    ['paths.articles', { paths: { articles: 'plan.txt' } }, /^the articles folder .*plan\.txt is a file, not a folder: set "paths\.articles" in newsletter\.config\.json to a folder$/],
    ['paths.templates', { paths: { templates: 'plan.txt' } }, /^plan\.txt: the templates folder is a file, not a folder: set "paths\.templates" in newsletter\.config\.json/],
    ['paths.out, one level down', { paths: { out: 'plan.txt/out' } }, /^plan\.txt\/out: cannot write the newsletters \(a file is in the way of a folder, ENOTDIR\)/],
  ])('%s', async (_key, config, expected) => {
    project = await makeProject({ articles: { 'eins.md': article() }, config });
    await writeFile(path.join(project.root, 'plan.txt'), 'a file, not a folder\n');
    const error = await build({ root: project.root }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(NewsletterError);
    expect((error as NewsletterError).problems.map(formatProblem)).toEqual([expect.stringMatching(expected)]);
    expect(await readFile(path.join(project.root, 'plan.txt'), 'utf8')).toBe('a file, not a folder\n');
  });

  it('paths.out, through build-newsletter', async () => {
    project = await makeProject({ articles: { 'eins.md': article() }, config: { paths: { out: 'plan.txt' } } });
    await writeFile(path.join(project.root, 'plan.txt'), 'a file, not a folder\n');
    const run = await runCli('build-newsletter', [], { cwd: project.root });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^error plan\.txt: cannot write the newsletters \(a file is in the way of a folder, ENOTDIR\): make plan\.txt a folder \(remove the file in its place\), or set "paths\.out"/);
    expect(await readFile(path.join(project.root, 'plan.txt'), 'utf8')).toBe('a file, not a folder\n');
  });
});
