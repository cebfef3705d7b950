import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { limitFindings } from '../../src/check/limit-findings.js';
import type { CheckFinding } from '../../src/check/types.js';
import { resolveConfig } from '../../src/config/config.js';
import { manifestFile } from '../../src/io/build-cache.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

describe('article size limit', () => {
  it('refuses an article over 1 MB before reading it, with the sizes and the setting to change; the others are built', async () => {
    project = await makeProject({ articles: { 'gross.md': article('', `${'Ein Satz, der sich wiederholt. '.repeat(40_000)}\n`), 'klein.md': article() } });
    const result = await build({ root: project.root });
    expect(result.articles.map((entry) => entry.status)).toEqual(['failed', 'built']);
    expect(result.problems).toEqual([{ file: 'articles/gross.md', line: undefined, message: 'is 1.2 MB, more than the 1.0 MB an article may have: split it, or raise "maxArticleBytes" in newsletter.config.json' }]);
  });

  it('follows "maxArticleBytes" in the config (validated: see load-config.test.ts)', async () => {
    project = await makeProject({ articles: { 'a.md': article('', `${'x'.repeat(3000)}\n`), 'b.md': article() }, config: { maxArticleBytes: 2048 } });
    const result = await build({ root: project.root });
    expect(result.articles.map((entry) => entry.status)).toEqual(['failed', 'built']);
    expect(result.problems[0]?.message).toMatch(/^is 3\.\d KB, more than the 2\.0 KB an article may have/);
  });
});

describe('what a large article renders to', () => {
  it('is held to the same limit before the email is made: a long table is refused at once', async () => {
    const table = `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(7000)}`;
    project = await makeProject({ articles: { 'tabelle.md': article('', table), 'prosa.md': article('', `${'Ein ganz normaler Satz. '.repeat(3000)}\n`) }, config: { maxArticleBytes: 100_000 } });
    const result = await build({ root: project.root });
    expect(result.articles.map((entry) => [entry.file, entry.status])).toEqual([['articles/prosa.md', 'built'], ['articles/tabelle.md', 'failed']]);
    expect(result.problems.filter((problem) => problem.file === 'articles/tabelle.md')).toEqual([
      { file: 'articles/tabelle.md', line: undefined, message: expect.stringMatching(/^its Markdown renders to \d+\.\d KB of HTML, more than the 97\.7 KB an article may have \(long tables grow the most\): shorten it, or raise "maxArticleBytes"/) },
    ]);
  });
});

describe('findings are limited per rule and newsletter', () => {
  const finding = (index: number, rule: CheckFinding['rule'] = 'links/absolute'): CheckFinding => ({ file: 'articles/x.md', slug: 'x', rule, severity: 'error', message: `link ${index}` });

  it('keeps the first 20 of a rule, then one "and N more", and leaves other rules alone', () => {
    const findings = [...Array.from({ length: 25 }, (_, index) => finding(index)), finding(0, 'images/alt'), ...Array.from({ length: 1020 }, (_, index) => finding(index, 'a11y/link-text'))];
    const limited = limitFindings(findings);
    expect(limited.filter((entry) => entry.rule === 'links/absolute').map((entry) => entry.message)).toEqual([
      ...Array.from({ length: 20 }, (_, index) => `link ${index}`),
      'and 5 more like these: fix the ones above and run again to see the rest',
    ]);
    expect(limited.filter((entry) => entry.rule === 'images/alt')).toHaveLength(1);
    expect(limited.filter((entry) => entry.rule === 'a11y/link-text').at(-1)?.message).toBe('and 1,000 more like these: fix the ones above and run again to see the rest');
    expect(limitFindings(findings.slice(0, 20))).toEqual(findings.slice(0, 20));
  });

  it('an article with 300 broken links reports 20 and "and 280 more", and the manifest stays small', async () => {
    const links = Array.from({ length: 300 }, (_, index) => `[Preis ${index}](/preise/${index})`).join('\n\n');
    project = await makeProject({ articles: { 'links.md': article('', `${links}\n`) } });
    const result = await build({ root: project.root });
    const absolute = result.articles[0] && 'findings' in result.articles[0] ? result.articles[0].findings.filter((entry) => entry.rule === 'links/absolute') : [];
    expect(absolute).toHaveLength(21);
    expect(absolute.at(-1)?.message).toBe('and 280 more like these: fix the ones above and run again to see the rest');
    expect(result.problems.filter((problem) => problem.message.endsWith('[links/absolute]'))).toHaveLength(21);
    expect((await stat(manifestFile(resolveConfig({}, project.root)))).size).toBeLessThan(30_000);
    // the same on an unchanged build, from the manifest
    const again = await build({ root: project.root });
    expect(again.articles[0]?.status).toBe('cached');
    expect(again.problems).toEqual(result.problems);
  });
});
