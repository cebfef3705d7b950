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

/** `build-newsletter --watch` in the project, with helpers to wait for its output. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli/build-newsletter.js'), '--watch'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const waitFor = async (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout') => {
    for (let waited = 0; !pattern.test(output[stream]); waited += 50) {
      if (waited > 15_000) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output.stdout}\n${output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const ready = async () => {
    await waitFor(/Watching/);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the watcher finish its initial scan
  };
  return { child, output, exited, waitFor, ready };
}

it('--watch goes on after an article that once stopped every build, rebuilds it once fixed, and stops cleanly on Ctrl-C', async () => {
  project = await makeProject({ articles: { 'eins.md': article('author: *name\npreheader: &name Vorschau'), 'zwei.md': article() } });
  const watch = startWatch(project.root);
  try {
    await watch.ready();
    expect(watch.output.stderr).toMatch(/^✗ articles\/eins\.md:6: the frontmatter uses a YAML alias \(\*name\) that is not defined above it/m);
    expect(watch.output.stdout).toMatch(/^1 built, 0 unchanged, 1 failed/m);
    await writeFile(path.join(project.articles, 'eins.md'), article('author: Neue Autorin'));
    await watch.waitFor(/^✓ eins /m);
    await watch.waitFor(/^1 built, 0 unchanged(?!, 1 failed)/m);
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toContain('Neue Autorin');
  } finally {
    watch.child.kill('SIGINT');
  }
  expect(await watch.exited).toBe(0);
});
