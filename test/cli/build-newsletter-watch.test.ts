import { spawn } from 'node:child_process';
import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

it('--watch rebuilds a changed article and stops cleanly on Ctrl-C', async () => {
  project = await makeProject({ articles: { 'eins.md': article(), 'zwei.md': article() } });
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli/build-newsletter.js'), '--watch'], {
    cwd: project.root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const waitFor = async (pattern: RegExp) => {
    for (let waited = 0; !pattern.test(stdout); waited += 50) {
      if (waited > 15_000) throw new Error(`timed out waiting for ${pattern}; output so far:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await waitFor(/Watching/);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the watcher finish its initial scan
    await writeFile(path.join(project.articles, 'eins.md'), article('author: Neue Autorin'));
    await waitFor(/1 built, 0 unchanged/);
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toContain('Neue Autorin');
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
});
