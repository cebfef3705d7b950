import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { BASE, loadPage } from './site-helpers.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

describe('"view in browser" in the email', () => {
  it.each([
    ['de', 'Im Browser ansehen'],
    ['en', 'View in browser'],
  ])('with webBaseUrl (%s): the HTML header and the text part link the page', async (locale, label) => {
    project = await makeProject({ articles: { 'a.md': article() }, config: { webBaseUrl: BASE, locale } });
    for (const fastPath of [true, false]) {
      const result = await build({ root: project.root, fastPath, force: true });
      expect(result.problems).toEqual([]);
      const { $ } = await loadPage(path.join(project.out, 'a.html'));
      const link = $('a').filter((_, element) => $(element).text() === label);
      expect(link).toHaveLength(1);
      expect(link.attr('href')).toBe(`${BASE}/a/`);
      const text = await readFile(path.join(project.out, 'a.txt'), 'utf8');
      expect(text.split('\n')[0]).toBe(`${label}: ${BASE}/a/`);
    }
  });

  it('without webBaseUrl there is no such link', async () => {
    project = await makeProject({ articles: { 'a.md': article() } });
    await build({ root: project.root });
    const html = await readFile(path.join(project.out, 'a.html'), 'utf8');
    const text = await readFile(path.join(project.out, 'a.txt'), 'utf8');
    expect(html).not.toContain('Im Browser ansehen');
    expect(text).not.toContain('Im Browser ansehen');
  });
});
