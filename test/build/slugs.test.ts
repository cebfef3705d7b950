import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { resolveConfig } from '../../src/config/config.js';
import { sendTest } from '../../src/send/send-test.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const statuses = (result: BuildResult) => Object.fromEntries(result.articles.map((entry) => [entry.file, entry.status]));
const problems = (result: BuildResult) => result.problems.map((problem) => `${problem.file}: ${problem.message}`);
const titled = (title: string, extra = '') => article(`${extra}`).replace('title: Testartikel', `title: ${title}`);
const outputs = async (out: string) => (await readdir(out)).sort();
const TAKEN = (file: string, owner: string) => `${file}: the slug "dup" is already used by ${owner}: set a different "slug" in one of them`;

describe('one output per slug, in full and partial builds', () => {
  it('a partial build of the second article refuses the slug the first has, and leaves its output alone; so does send-test --dry-run', async () => {
    project = await makeProject({ articles: { 'a.md': titled('Artikel A', 'slug: dup'), 'b.md': titled('Artikel B', 'slug: dup') } });
    const full = await build({ root: project.root });
    expect(statuses(full)).toEqual({ 'articles/a.md': 'built', 'articles/b.md': 'failed' });
    expect(problems(full)).toEqual([TAKEN('articles/b.md', 'articles/a.md')]);

    await writeFile(path.join(project.articles, 'b.md'), titled('Artikel B, neu', 'slug: dup'));
    const partial = await build({ root: project.root, files: ['articles/b.md'] });
    expect(statuses(partial)).toEqual({ 'articles/b.md': 'failed' });
    expect(problems(partial)).toEqual([TAKEN('articles/b.md', 'articles/a.md')]);
    expect(await readFile(path.join(project.out, 'dup.html'), 'utf8')).toContain('Artikel A');

    // a later full build still knows: nothing is "unchanged" under the wrong content
    const again = await build({ root: project.root });
    expect(statuses(again)).toEqual({ 'articles/a.md': 'cached', 'articles/b.md': 'failed' });

    // nor does a test send mix one article's subject with the other's body
    const sent = sendTest({ config: resolveConfig({}, project.root), target: 'articles/b.md', to: ['test@example.com'], dryRun: true, env: {} });
    await expect(sent).rejects.toThrow(TAKEN('articles/b.md', 'articles/a.md').replace(/^articles\/b\.md: /, ''));
    expect(await outputs(project.out)).toEqual(['dup.html', 'dup.txt']);
  });

  it('a partial build that takes a slug from a later article says so for that article too', async () => {
    project = await makeProject({ articles: { 'b.md': titled('Artikel B', 'slug: dup') } });
    await build({ root: project.root });
    await writeFile(path.join(project.articles, 'a.md'), titled('Artikel A', 'slug: dup'));
    const partial = await build({ root: project.root, files: ['articles/a.md'] });
    expect(statuses(partial)).toEqual({ 'articles/a.md': 'built', 'articles/b.md': 'failed' });
    expect(problems(partial)).toEqual([TAKEN('articles/b.md', 'articles/a.md')]);
    expect(await readFile(path.join(project.out, 'dup.html'), 'utf8')).toContain('Artikel A');
  });

  it('an article whose slug changes: its old outputs are removed (partial and full builds), and a slug it frees goes to the article that wanted it', async () => {
    project = await makeProject({ articles: { 'a.md': titled('Artikel A', 'slug: alt'), 'c.md': titled('Artikel C', 'slug: dup'), 'd.md': titled('Artikel D', 'slug: dup') } });
    await build({ root: project.root });
    expect(await outputs(project.out)).toEqual(['alt.html', 'alt.txt', 'dup.html', 'dup.txt']);

    await writeFile(path.join(project.articles, 'a.md'), titled('Artikel A', 'slug: neu'));
    const partial = await build({ root: project.root, files: ['articles/a.md'] });
    expect(partial.removed.sort()).toEqual(['out/alt.html', 'out/alt.txt']);
    expect(await outputs(project.out)).toEqual(['dup.html', 'dup.txt', 'neu.html', 'neu.txt']);

    await writeFile(path.join(project.articles, 'a.md'), titled('Artikel A', 'slug: dritter'));
    const full = await build({ root: project.root });
    expect(full.removed.sort()).toEqual(['out/neu.html', 'out/neu.txt']);

    // c gives "dup" up: d, which was refused it, is built in the same partial build
    await writeFile(path.join(project.articles, 'c.md'), titled('Artikel C', 'slug: eigen'));
    const freed = await build({ root: project.root, files: ['articles/c.md'] });
    expect(statuses(freed)).toEqual({ 'articles/c.md': 'built', 'articles/d.md': 'built' });
    expect(freed.removed).toEqual([]);
    expect(await readFile(path.join(project.out, 'dup.html'), 'utf8')).toContain('Artikel D');
    expect(await outputs(project.out)).toEqual(['dritter.html', 'dritter.txt', 'dup.html', 'dup.txt', 'eigen.html', 'eigen.txt']);
  });

  it('a failed article keeps its last good outputs, and they go once it is deleted', async () => {
    project = await makeProject({ articles: { 'a.md': titled('Artikel A'), 'b.md': titled('Artikel B') } });
    await build({ root: project.root });
    await writeFile(path.join(project.articles, 'a.md'), article('teasr: x'));
    expect(statuses(await build({ root: project.root }))).toEqual({ 'articles/a.md': 'failed', 'articles/b.md': 'cached' });
    expect(await outputs(project.out)).toEqual(['a.html', 'a.txt', 'b.html', 'b.txt']);
    await rm(path.join(project.articles, 'a.md'));
    expect((await build({ root: project.root })).removed.sort()).toEqual(['out/a.html', 'out/a.txt']);
  });
});

describe('file names', () => {
  it('NFC and NFD forms of the same name give the same slug, and so collide', async () => {
    const nfc = 'Über Geld.md'.normalize('NFC');
    const nfd = 'Über Geld.md'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    project = await makeProject({ articles: { [nfd]: titled('Zerlegt') } });
    const alone = await build({ root: project.root });
    expect(alone.articles).toEqual([expect.objectContaining({ status: 'built', slug: 'ueber-geld' })]);

    await writeFile(path.join(project.articles, nfc), titled('Zusammengesetzt'));
    const both = await build({ root: project.root });
    // the decomposed name sorts first ("U" + U+0308 before "Ü") and keeps the slug
    expect(statuses(both)).toEqual({ [`articles/${nfd}`]: 'cached', [`articles/${nfc}`]: 'failed' });
    expect(problems(both)).toEqual([`articles/${nfc}: the slug "ueber-geld" is already used by articles/${nfd}: set a different "slug" in one of them`]);
  });

  it('*.MD files are articles like *.md, in full and partial builds', async () => {
    project = await makeProject({ articles: { 'LAUT.MD': titled('Laut'), 'Gemischt.Md': titled('Gemischt') } });
    expect(statuses(await build({ root: project.root }))).toEqual({ 'articles/Gemischt.Md': 'built', 'articles/LAUT.MD': 'built' });
    expect(await outputs(project.out)).toEqual(['gemischt.html', 'gemischt.txt', 'laut.html', 'laut.txt']);
    await writeFile(path.join(project.articles, 'LAUT.MD'), titled('Lauter'));
    expect(statuses(await build({ root: project.root, files: ['articles/LAUT.MD'] }))).toEqual({ 'articles/LAUT.MD': 'built' });
  });

  it('a symbolic link that leads outside the project is refused; one inside the project is an article', async () => {
    project = await makeProject({ articles: { 'echt.md': titled('Echt') } });
    const outside = path.join(path.dirname(project.root), `${path.basename(project.root)}-outside.md`);
    await writeFile(outside, titled('Von draußen'));
    await symlink(outside, path.join(project.articles, 'draussen.md'));
    await project.write('entwuerfe/drinnen.md', titled('Von drinnen'));
    await symlink(path.join(project.root, 'entwuerfe/drinnen.md'), path.join(project.articles, 'drinnen.md'));
    try {
      const result = await build({ root: project.root });
      expect(statuses(result)).toEqual({ 'articles/draussen.md': 'failed', 'articles/drinnen.md': 'built', 'articles/echt.md': 'built' });
      expect(problems(result)).toEqual([`articles/draussen.md: is a symbolic link to ${outside}, outside the project: copy the article into articles/ instead`]);
    } finally {
      await rm(outside);
    }
  });

  it('a named file must be an article of the articles folder', async () => {
    project = await makeProject({ articles: { 'echt.md': titled('Echt') } });
    await project.write('anderswo/x.md', titled('X', 'slug: echt'));
    await expect(build({ root: project.root, files: ['anderswo/x.md'] })).rejects.toThrow('anderswo/x.md: not in the articles folder: name a .md file in articles/');
    await expect(build({ root: project.root, files: ['articles/echt.txt'] })).rejects.toThrow('not a Markdown article');
  });
});
