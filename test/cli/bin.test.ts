import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

const run = promisify(execFile);
const packageJson = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

describe('package commands', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject({ articles: { 'a.md': article() } });
  });
  afterAll(() => project.remove());

  it('has a bin entry for every command script, pointing at the same compiled file', async () => {
    const commands = Object.entries(packageJson.scripts).filter(([, command]) => /^node dist\/cli\/[a-z-]+\.js$/.test(command));
    expect(commands.map(([name]) => name).sort()).toEqual(['bench', 'build-newsletter', 'check', 'esp-upload', 'preview', 'send-test']);
    for (const [name, command] of commands) {
      expect(packageJson.bin[name], name).toBe(command.replace(/^node /, ''));
      const source = await readFile(path.join(REPO_ROOT, command.replace(/^node /, '')), 'utf8');
      expect(source.startsWith('#!/usr/bin/env node\n'), name).toBe(true);
      await access(path.join(REPO_ROOT, command.replace(/^node /, '')));
    }
  });

  it('`npx check --json` and `npm run -s check -- --json` print JSON only, ready for jq', async () => {
    const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
    const viaNpx = await run('npx', ['--no-install', 'check', '--root', project.root, '--json'], { cwd: REPO_ROOT, env });
    expect(JSON.parse(viaNpx.stdout)).toMatchObject({ summary: { articles: 1, errors: 0 } });
    const viaNpm = await run('npm', ['run', '-s', 'check', '--', '--root', project.root, '--json'], { cwd: REPO_ROOT, env });
    expect(JSON.parse(viaNpm.stdout)).toMatchObject({ summary: { articles: 1, errors: 0 } });
    // without -s npm prints its "> punk-newsletter@… check" banner first: why the README shows -s
    const noisy = await run('npm', ['run', 'check', '--', '--root', project.root, '--json'], { cwd: REPO_ROOT, env });
    expect(() => JSON.parse(noisy.stdout) as unknown).toThrow();
  });
});
