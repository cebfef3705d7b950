import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

describe('build-newsletter CLI', () => {
  it('builds every article, one line each with its size, then a summary', async () => {
    project = await makeProject({ samples: true });
    const run = await runCli('build-newsletter', [], { cwd: project.root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ ki-chips-wettruesten\s+\d+\.\d KB html\s+\d+\.\d KB text/);
    expect(run.stdout).toMatch(/✓ openai-amazon-cloud-deal\s+\d+\.\d KB html/);
    expect(run.stdout).toMatch(/^2 built, 0 unchanged in \d+ ms/m); // the samples build without a single warning
    expect(run.stdout).not.toContain('warning');

    const again = await runCli('build-newsletter', [], { cwd: project.root });
    expect(again.stdout).toMatch(/^0 built, 2 unchanged in/m);
    const forced = await runCli('build-newsletter', ['--force', 'articles/ki-chips-wettruesten.md'], { cwd: project.root });
    expect(forced.stdout).toMatch(/^1 built, 0 unchanged/m);
  });

  // One project with every kind of mistake: each is one line of its own, the good article is built.
  const mistakes: [string, string, RegExp][] = [
    ['a mistyped key', article('teasr: x'), /^✗ articles\/bad-0\.md:6: unknown key "teasr" \(did you mean "teaser"\?\)$/m],
    ['malformed YAML', '---\ntitle: "offen\n---\n', /^✗ articles\/bad-1\.md:2: the value of "title" opens a quote \("\) that is not closed on its line: end it with " on the same line: title: "offen"$/m],
    ['an impossible date', article().replace('2025-11-04', '2025-02-30'), /^✗ articles\/bad-2\.md:4: "date" is not a real calendar date/m],
    ['a FAQ entry without answer', article('faq:\n  - question: Warum?'), /^✗ articles\/bad-3\.md:7: FAQ entry 1 \("Warum\?"\) has no answer: add "answer:" to it$/m],
    ['an image without alt', article('image:\n  src: https://example.com/a.jpg'), /^✗ articles\/bad-4\.md:6: missing required key "image\.alt"/m],
    ['a non-https url', article('url: http://example.com'), /^✗ articles\/bad-5\.md:6: "url" must be an absolute https:\/\/ URL/m],
    ['---javascript frontmatter', '---javascript\n{ title: require("fs").writeFileSync("pwned", "1") }\n---\n', /^✗ articles\/bad-6\.md:1: "---javascript" frontmatter is not allowed/m],
  ];
  it(`rejects ${mistakes.map(([name]) => name).join(', ')}: one line each naming file and line, exit 1, no stack trace`, async () => {
    project = await makeProject({ articles: { ...Object.fromEntries(mistakes.map(([, source], index) => [`bad-${index}.md`, source])), 'good.md': article() } });
    const run = await runCli('build-newsletter', [], { cwd: project.root });
    expect(run.code).toBe(1);
    for (const [, , expected] of mistakes) expect(run.stderr).toMatch(expected);
    expect(run.stderr.trim().split('\n')).toHaveLength(mistakes.length);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toMatch(/✓ good/);
    await expect(readFile(path.join(project.root, 'pwned'))).rejects.toThrow();
  });

  it('prints the result as JSON with --json', async () => {
    project = await makeProject({ articles: { 'good.md': article(), 'bad.md': article('teasr: x') } });
    const run = await runCli('build-newsletter', ['--json'], { cwd: project.root });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { articles: { status: string; file: string }[]; problems: { file: string; line: number; message: string }[] };
    expect(json.articles.map((entry) => entry.status).sort()).toEqual(['built', 'failed']);
    expect(json.problems).toEqual([{ file: 'articles/bad.md', line: 6, message: 'unknown key "teasr" (did you mean "teaser"?)' }]);

    // What preview, send and check need comes with each newsletter, built or unchanged; the cache's internals do not.
    const again = JSON.parse((await runCli('build-newsletter', ['--json'], { cwd: project.root })).stdout) as typeof json;
    for (const [status, result] of [['built', json], ['cached', again]] as const) {
      const good = result.articles.find((entry) => entry.file === 'articles/good.md') as Record<string, unknown> | undefined;
      expect(good).toMatchObject({ status, slug: 'good', title: 'Testartikel', subject: 'Testartikel', preheader: 'Ein kurzer Teaser.', date: '2025-11-04', findings: expect.any(Array) });
      expect(good?.htmlBytes).toBeGreaterThan(1000);
      expect(Object.keys(good ?? {}).filter((key) => ['hash', 'stat', 'stale'].includes(key))).toEqual([]);
    }
  });

  it('says, as a note of its own, why an article was compiled with MJML instead of the fast path', async () => {
    project = await makeProject({ articles: { 'good.md': article() } });
    const layout = path.join(project.root, 'templates/layout.mjml.hbs');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<mj-head>', '<mj-head>\n<mj-font name="Inter" href="https://fonts.example.com/inter.css" />'));
    const run = await runCli('build-newsletter', [], { cwd: project.root, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ good .*text\n {2}note compiled with MJML instead of the fast path: the layout uses mj-font, mj-html-attributes or mj-include$/m);
    expect(run.stdout).toMatch(/^1 built, 0 unchanged, 1 compiled with MJML instead of the fast path/m);
  });

  it('explains an unknown flag and a missing file', async () => {
    project = await makeProject({ articles: { 'good.md': article() } });
    const flag = await runCli('build-newsletter', ['--drafs'], { cwd: project.root });
    expect(flag.code).not.toBe(0);
    expect(flag.stderr).toMatch(/unknown option '--drafs'[\s\S]*Did you mean --drafts\?/);
    const missing = await runCli('build-newsletter', ['articles/nope.md'], { cwd: project.root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/articles\/nope\.md: no such file: check the path/);
  });

  it('names the config file and key of a config mistake', async () => {
    project = await makeProject({ articles: { 'good.md': article() }, config: { brand: 'X', colours: { accent: '#000000' } } });
    const run = await runCli('build-newsletter', [], { cwd: project.root });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsletter\.config\.json:3: unknown key "colours" \(did you mean "colors"\?\)/);
  });
});
