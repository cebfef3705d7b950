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

it('--watch reads the config again when it changes: the new brand is in every newsletter, and stays after a template edit; a broken config keeps the last good one', async () => {
  project = await makeProject({ articles: { 'eins.md': article() }, config: { brand: 'Alte Marke' } });
  const configFile = path.join(project.root, 'newsletter.config.json');
  const watch = startWatch(project.root);
  try {
    await watch.ready();
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toContain('ALTE MARKE');
    watch.output.stdout = '';
    await writeFile(configFile, JSON.stringify({ brand: 'Neue Marke' }));
    await watch.waitFor(/^1 built, 0 unchanged/m);
    const html = await readFile(path.join(project.out, 'eins.html'), 'utf8');
    expect(html).toContain('NEUE MARKE');
    expect(html).not.toContain('ALTE MARKE');

    // A config that cannot be read: one line, and the next build uses the last good config.
    watch.output.stdout = '';
    await writeFile(configFile, '{ "brand": ');
    await watch.waitFor(/newsletter\.config\.json.*\(building with the last good config\)/, 'stderr');
    await watch.waitFor(/^0 built, 1 unchanged/m);

    watch.output.stdout = '';
    const footer = path.join(project.root, 'templates/partials/footer.mjml.hbs');
    await writeFile(footer, `${await readFile(footer, 'utf8')}\n`);
    await watch.waitFor(/^1 built, 0 unchanged/m);
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toContain('NEUE MARKE');
  } finally {
    watch.child.kill('SIGINT');
  }
  expect(await watch.exited).toBe(0);
});
