import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_CONFIG, makeProject, REPO_ROOT as REPO, type TempProject as Project } from '../helpers/project.js';

// The compiled CLI, as `npm run check` runs it (`npm ci` compiles src/ to dist/).
const CLI = path.join(REPO, 'dist/cli/check.js');
const run = promisify(execFile);

async function check(root: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, '--root', root, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run check (compiled CLI)', () => {
  let clean: Project;
  let warnings: Project;
  let errors: Project;
  beforeAll(async () => {
    [clean, warnings, errors] = await Promise.all([
      makeProject({ fixtures: ['clean'], config: CHECK_CONFIG }),
      makeProject({ fixtures: ['clean', 'inbox-subject-length'], config: CHECK_CONFIG }),
      makeProject({ fixtures: ['clean', 'links-relative', 'a11y-link-text'], config: CHECK_CONFIG }),
    ]);
  });
  afterAll(() => Promise.all([clean, warnings, errors].map((project) => project.remove())));

  it('exits 0 with nothing to report', async () => {
    const result = await check(clean.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ 1 article: 0 errors, 0 warnings');
  });

  it('exits 0 on warnings, 1 with --strict', async () => {
    const relaxed = await check(warnings.root);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('articles/inbox-subject-length.md');
    expect(relaxed.stdout).toMatch(/warning +inbox\/subject-length +line 2: the title, which is also the subject line/);
    const strict = await check(warnings.root, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('✗ 2 articles: 0 errors, 1 warning (warnings fail with --strict)');
  });

  it('exits 1 on errors and prints only JSON on stdout with --json', async () => {
    const result = await check(errors.root, '--json');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { findings: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(json.findings).toEqual([
      { file: 'articles/a11y-link-text.md', line: 29, slug: 'a11y-link-text', rule: 'a11y/link-text', severity: 'warning', message: expect.stringContaining('"hier"') },
      { file: 'articles/links-relative.md', line: 29, slug: 'links-relative', rule: 'links/absolute', severity: 'error', message: expect.stringContaining('/preise/kundenservice') },
    ]);
    expect(json.summary).toMatchObject({ articles: 3, errors: 1, warnings: 1, info: 0, draftsSkipped: 0, online: false });
    expect(typeof json.summary.durationMs).toBe('number');
  });

  it('checks only the named files', async () => {
    const result = await check(errors.root, '--json', 'articles/clean.md');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [], summary: { articles: 1 } });
  });

  it('fails with one line naming the config and the fix for an unknown rule id', async () => {
    const project = await makeProject({ fixtures: ['clean'], config: { checks: { rules: { 'links/absolut': 'off' } } } });
    try {
      const result = await check(project.root, '--json');
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim()).toBe('error newsletter.config.json:4: unknown key "checks.rules.links/absolut" (did you mean "links/absolute"?)');
    } finally {
      await project.remove();
    }
  });

  it('reports an article that does not build as build/failed, with its line', async () => {
    const broken = '---\ncategory: Test\ndate: 2025-11-10\nteaser: Ohne Titel.\n---\n\nText.\n';
    const project = await makeProject({ fixtures: ['clean'], articles: { 'broken.md': broken }, config: CHECK_CONFIG });
    try {
      const result = await check(project.root, '--json');
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).findings).toEqual([
        { file: 'articles/broken.md', line: 2, slug: null, rule: 'build/failed', severity: 'error', message: 'missing required key "title": add it to the frontmatter' },
      ]);
    } finally {
      await project.remove();
    }
  });

  it('lists the rules with the severities in force', async () => {
    const result = await check(clean.root, '--rules');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^size\/gmail-clip +error +HTML larger than 102,400 bytes/m);
    expect(result.stdout).toMatch(/^clients\/unsupported-feature +off .*\(default warning\)$/m);
  });
});
