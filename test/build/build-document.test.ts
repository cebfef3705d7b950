import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { buildDocument, type DocumentContext } from '../../src/build/build-document.js';
import type { Renderer } from '../../src/build/renderer.js';
import { createSlugClaims } from '../../src/build/slug-claims.js';
import { limitFindings } from '../../src/check/limit-findings.js';
import type { CheckFinding } from '../../src/check/types.js';
import { resolveConfig } from '../../src/config/config.js';
import { formatError, InternalError } from '../../src/errors.js';
import { emptyManifest, manifestFile } from '../../src/io/build-cache.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import { createOutputWriter } from '../../src/io/output-writer.js';
import { readArticle } from '../../src/pipeline/build-article.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

/** A context for one document, with a renderer whose stages are given: the rest is the real build's. */
async function contextWith(root: string, stages: Partial<Renderer>): Promise<DocumentContext> {
  const config = resolveConfig({}, root);
  const renderer: Renderer = {
    readArticle,
    render: () => Promise.reject(new Error('not used')),
    renderFull: () => Promise.reject(new Error('not used')),
    forgetLayouts: () => undefined,
    layouts: undefined,
    ...stages,
  };
  return {
    config,
    drafts: false,
    templates: await loadTemplateSources(config.paths.templates, root),
    manifest: emptyManifest('key'),
    claims: createSlugClaims(),
    renderer: () => Promise.resolve(renderer),
    checks: () => import('../../src/check/run-checks.js'),
    outputNames: () => Promise.resolve(new Set()),
    writer: createOutputWriter(),
    projectFindings: new Map(),
  };
}

describe('buildDocument: one boundary around every stage', () => {
  it.each<[string, Partial<Renderer>]>([
    ['render', { render: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'html')")) }],
    ['parse', { readArticle: () => { throw new RangeError('Maximum call stack size exceeded'); } }],
    ['a stage that throws a non-error', { render: () => Promise.reject('a string, not an Error') }],
  ])('a bug in %s fails that document with one line, the file and the cause', async (_stage, stages) => {
    project = await makeProject({ articles: { 'x.md': article() } });
    const context = await contextWith(project.root, stages);
    const outcome = await buildDocument(context, path.join(project.articles, 'x.md'));
    expect(outcome.result.status).toBe('failed');
    if (outcome.result.status !== 'failed') return;
    const { error } = outcome.result;
    expect(error).toBeInstanceOf(InternalError);
    expect(error.problems).toEqual([{ file: 'articles/x.md', line: undefined, message: expect.stringMatching(/^internal error: .+ \(please report; run with DEBUG=1 for the stack\)$/) }]);
    expect(formatError(error)).toHaveLength(1); // no stack
    const withStack = formatError(error, { stack: true });
    if (error.cause instanceof Error) expect(withStack.slice(1).join('\n')).toMatch(/\n\s+at /);
    expect(context.manifest.entries).toEqual({}); // built again next time
  });
});

describe('a hostile frontmatter fails only its own article, printed safely (build-newsletter)', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n');
  const hostile: Record<string, [string, RegExp]> = {
    'alias-before-anchor.md': [article('author: *name\npreheader: &name Vorschau'), /^✗ articles\/alias-before-anchor\.md:6: the frontmatter uses a YAML alias \(\*name\) that is not defined above it: write the value out$/m],
    'alias-bomb.md': [`---\n${bomb}\n---\nText\n`, /^✗ articles\/alias-bomb\.md:3: the frontmatter's YAML aliases \(\*name\) expand to too much data: write the values out$/m],
    'deep.md': [article(`check: ${'['.repeat(3000)}${']'.repeat(3000)}`), /^✗ articles\/deep\.md:6: the frontmatter is nested too deeply/m],
    'function.md': [article('check: !!js/function "function () { process.exit(3) }"'), /^✗ articles\/function\.md:6: the frontmatter uses the YAML tag !!js\/function, which articles do not allow/m],
    // printed escaped: neither the file name nor the title reaches the terminal raw
    '\u001b]52;c;aGk=\u0007.md': [article().replace('title: Testartikel', 'title: "Hallo \\e]52;c;ZWNobyBoaQ==\\a"'), /^✗ articles\/\\x1B\]52;c;aGk=\\x07\.md:2: "title" contains the control character U\+001B: remove it$/m],
  };

  it('each is one line with its line number, the good article is built, exit 1, no stack trace (not even with DEBUG=1: these are user mistakes)', async () => {
    project = await makeProject({ articles: { ...Object.fromEntries(Object.entries(hostile).map(([name, [source]]) => [name, source])), 'zz-good.md': article() } });
    const run = await runCli('build-newsletter', [], { cwd: project.root, env: { DEBUG: '1' } });
    expect(run.code).toBe(1);
    for (const [, expected] of Object.values(hostile)) expect(run.stderr).toMatch(expected);
    expect(run.stderr.trim().split('\n')).toHaveLength(Object.keys(hostile).length);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toMatch(/^✓ zz-good /m);
    expect(run.stdout).toMatch(/^1 built, 0 unchanged, 5 failed/m);
  });
});

describe('nothing executable is ever written', () => {
  it('templates that put an event handler into the email fail every article with one line, and nothing is written', async () => {
    const markup = '<p onclick="track()">{{strings.footerReason}}</p>';
    const expected = /^the email would contain an event handler attribute \(onclick\) on <p>, which no email may carry: remove it from the templates/;
    project = await makeProject({ articles: { 'eins.md': article(), 'zwei.md': article('author: Jane') } });
    const footer = path.join(project.root, 'templates/partials/footer.mjml.hbs');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('<p style="margin: 0 0 8px 0;">{{strings.footerReason}}</p>', markup));
    // the fast path's output has it, so does the full path it falls back to: both are refused
    const result = await build({ root: project.root });
    expect(result.articles.map((entry) => entry.status)).toEqual(['failed', 'failed']);
    for (const problem of result.problems) expect(problem.message).toMatch(expected);
    await expect(readdir(project.out)).rejects.toThrow();
  });
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
