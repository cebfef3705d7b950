import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { CHECK_CONFIG, makeProject, REPO_ROOT as REPO, type TempProject as Project } from '../helpers/project.js';

interface BuildJson {
  articles: { file: string; status: string; findings?: { rule: string }[] }[];
  problems: { file: string; message: string }[];
}

describe('the build runs the same rules', () => {
  let project: Project;
  beforeAll(async () => {
    project = await makeProject({ fixtures: ['clean', 'links-relative', 'inbox-subject-length'], config: CHECK_CONFIG });
  });
  afterAll(() => project.remove());

  // Through the compiled CLI as a user runs it (--json), so that the next test finds the same cache.
  it('puts findings on each article, fails on errors, and reports them again when nothing changed', async () => {
    const cli = path.join(REPO, 'dist/cli/build-newsletter.js');
    const buildJson = () =>
      promisify(execFile)(process.execPath, [cli, '--root', project.root, '--json']).then(
        ({ stdout }) => stdout,
        (error: { stdout: string }) => error.stdout,
      );
    const first = JSON.parse(await buildJson()) as BuildJson;
    const second = JSON.parse(await buildJson()) as BuildJson;
    for (const result of [first, second]) {
      const byFile = Object.fromEntries(result.articles.map((article) => [article.file, article.findings ? article.findings.map((finding) => finding.rule) : article.status]));
      expect(byFile).toEqual({ 'articles/clean.md': [], 'articles/links-relative.md': ['links/absolute'], 'articles/inbox-subject-length.md': ['inbox/subject-length'] });
      expect(result.problems).toEqual([{ file: 'articles/links-relative.md', line: 29, message: expect.stringMatching(/is relative .* \[links\/absolute\]$/) }]);
    }
    expect(first.articles.map((article) => article.status)).toEqual(['built', 'built', 'built']);
    expect(second.articles.map((article) => article.status)).toEqual(['cached', 'cached', 'cached']);
  });

  it('build-newsletter prints warnings under the article and exits 1 on errors', async () => {
    const cli = path.join(REPO, 'dist/cli/build-newsletter.js');
    const result = await promisify(execFile)(process.execPath, [cli, '--root', project.root], { env: { ...process.env, NO_COLOR: '1' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/= inbox-subject-length .*\n {2}! warning articles\/inbox-subject-length\.md:2: the title, which is also the subject line, .*\[inbox\/subject-length\]\n/);
    expect(result.stderr).toMatch(/✗ error articles\/links-relative\.md:29: the link "\/preise\/kundenservice" .* \[links\/absolute\]/);
    expect(result.stdout).toContain('1 check error, 1 warning');
  });
});

describe('template findings: once per build, not once per article', () => {
  let project: Project;
  const cli = path.join(REPO, 'dist/cli/build-newsletter.js');
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [cli, '--root', project.root, ...args], { env: { ...process.env, NO_COLOR: '1' } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => error,
    );
  beforeAll(async () => {
    // the real templates with the accept marker of the phone @media rule removed
    project = await makeProject({ fixtures: ['clean', 'inbox-subject-length', 'links-insecure-http'] });
    const styles = path.join(project.root, 'templates/partials/styles.mjml.hbs');
    await writeFile(styles, (await readFile(styles, 'utf8')).replace('{{!-- clients: accept "@media" because phones', '{{!-- phones'));
  });
  afterAll(() => project.remove());

  it('build() returns them once in projectFindings, and no article carries them, built or unchanged', async () => {
    for (const result of [await build({ root: project.root }), await build({ root: project.root })]) {
      expect(result.projectFindings?.map((finding) => [finding.file, finding.rule, finding.message.slice(0, 11)])).toEqual([['templates/partials/styles.mjml.hbs', 'clients/unsupported-feature', 'uses @media']]);
      for (const article of result.articles) expect('findings' in article && article.findings.every((finding) => finding.slug === article.slug)).toBe(true);
    }
  });

  it('build-newsletter prints them once, after the articles, and --json lists them once', async () => {
    const text = await run('--force');
    expect(text.code).toBe(0);
    expect(text.stdout.match(/uses @media/g)).toHaveLength(1);
    expect(text.stdout).toMatch(/✓ links-insecure-http[^\n]*\n(?: {2}! warning [^\n]*\n)* {2}! warning templates\/partials\/styles\.mjml\.hbs:\d+: uses @media/);
    const json = JSON.parse((await run('--force', '--json')).stdout) as { projectFindings: unknown[]; articles: { findings: { slug: string | null }[] }[] };
    expect(json.projectFindings).toHaveLength(1);
    expect(json.articles.flatMap((article) => article.findings).filter((finding) => finding.slug === null)).toEqual([]);
  });
});
