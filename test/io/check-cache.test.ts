import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clientSupportMemo, unsupportedHtmlFeatures, useClientSupportMemo } from '../../src/check/client-support.js';
import { checkCacheFile, loadCheckCache, writeCheckCache } from '../../src/io/check-cache.js';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

describe('check cache', () => {
  it('reads back what it wrote; a corrupt file or one from other caniemail data is ignored', async () => {
    project = await makeProject();
    const memo = { templates: {}, elements: { 'p  ': {} } };
    const file = checkCacheFile(path.join(project.root, 'cache'));
    await writeCheckCache(file, memo);
    expect(await loadCheckCache(file)).toEqual(memo);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { data: string };
    await writeFile(file, JSON.stringify({ ...stored, data: '0.0.1' }));
    expect(await loadCheckCache(file)).toBeUndefined();
    await writeFile(file, '{"format":1,"data":');
    expect(await loadCheckCache(file)).toBeUndefined();
  });

  it('a stored memo that does not look like one is not used', () => {
    const before = clientSupportMemo().memo;
    useClientSupportMemo({ templates: {}, elements: { p: { feature: 'not a list' } } });
    useClientSupportMemo({ templates: { x: { 'a.hbs': [{ feature: 1 }] } }, elements: {} });
    useClientSupportMemo('nonsense');
    expect(clientSupportMemo().memo).toBe(before);
    // a usable one is taken as it is, and its verdicts are used instead of asking doiuse
    useClientSupportMemo({ templates: {}, elements: { 'time  ': { 'made-up feature': ['gmail.desktop-webmail'] } } });
    expect(unsupportedHtmlFeatures('<time>heute</time>')).toEqual([{ feature: 'made-up feature', clients: ['gmail.desktop-webmail'], sample: '<time>' }]);
    useClientSupportMemo({ templates: {}, elements: {} });
  });
});

describe('a build whose templates and element kinds are known', () => {
  /** Build in a fresh Node process from dist/; whether doiuse-email was loaded, and the findings per article. */
  function buildInChild(root: string): Promise<{ doiuseLoaded: boolean; findings: Record<string, string[]> }> {
    const script = `
      import { createRequire } from 'node:module';
      const { build } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)});
      const result = await build({ root: ${JSON.stringify(root)} });
      const doiuseLoaded = Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('doiuse-email'));
      const findings = Object.fromEntries(result.articles.map((a) => [a.file, (a.findings ?? []).map((f) => f.rule + ' ' + f.message)]));
      findings['(project)'] = (result.projectFindings ?? []).map((f) => f.rule + ' ' + f.message);
      process.stdout.write(JSON.stringify({ doiuseLoaded, findings }));
    `;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`exit ${code}: ${stderr}`))));
    });
  }

  it('does not load the caniemail data, and finds the same as with it', async () => {
    project = await makeProject({ samples: true });
    // a template feature without its accept marker, so the verdicts are not empty
    const styles = path.join(project.root, 'templates/partials/styles.mjml.hbs');
    await writeFile(styles, (await readFile(styles, 'utf8')).replace(/^\s*\{\{!-- clients: accept "white-space".*--\}\}\n/m, ''));
    const cold = await buildInChild(project.root);
    expect(cold.doiuseLoaded).toBe(true);
    expect(cold.findings['(project)']?.some((finding) => finding.startsWith('clients/unsupported-feature'))).toBe(true);

    const file = path.join(project.articles, 'ki-chips-wettruesten.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nEin Nachtrag mit **Fettdruck** und einem [Bericht der Redaktion](https://example.com/bericht).\n`);
    const edited = await buildInChild(project.root);
    expect(edited.doiuseLoaded).toBe(false);
    expect(edited.findings['articles/ki-chips-wettruesten.md']).toEqual(cold.findings['articles/ki-chips-wettruesten.md']);
    expect(edited.findings['(project)']).toEqual(cold.findings['(project)']);

    // an element kind not seen before loads it
    await writeFile(path.join(project.articles, 'neu.md'), article('', '| A | B |\n|---|---|\n| 1 | 2 |\n\n~~durch~~\n'));
    expect((await buildInChild(project.root)).doiuseLoaded).toBe(true);
  });
});
