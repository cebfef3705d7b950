import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { openEventStream, rawRequest, type EventStream } from './preview-helpers.js';

/** An alias used before its anchor: before the build had one boundary per article, this stopped the whole preview. */
const ALIAS_BEFORE_ANCHOR = article('author: *name\npreheader: &name Vorschau');

describe('preview: one bad article never stops the others, and later saves still rebuild', () => {
  let project: TempProject;
  let preview: PreviewServer;
  let events: EventStream;

  beforeAll(async () => {
    project = await makeProject({
      articles: { 'gut.md': article().replace('title: Testartikel', 'title: Der gute Artikel'), 'kaputt.md': ALIAS_BEFORE_ANCHOR },
    });
    preview = await startPreview({ root: project.root, port: 0, smtpPort: null, env: {}, debounceMs: 20 });
    events = await openEventStream(preview.port);
  });
  afterAll(async () => {
    events?.close();
    await preview?.close();
    await project?.remove();
  });

  const index = async () => (await rawRequest(preview.port, '/')).body;

  it('the index names the file and line of the broken article and lists the good one', async () => {
    const page = await index();
    expect(page).toContain('/view/gut');
    expect(page).toMatch(/articles\/kaputt\.md:6[\s\S]*YAML alias \(\*name\) that is not defined above it/);
    expect(page).not.toContain('stopped unexpectedly');
  });

  it('fixing it rebuilds it; a slug taken from another article is shown with both names, and the other\'s output stays', async () => {
    await project.write('articles/kaputt.md', article('author: Jane').replace('title: Testartikel', 'title: Repariert'));
    await events.until(async () => (await index()).includes('/view/kaputt'));
    expect(await index()).not.toContain('class="problems"');

    const good = await readFile(path.join(project.out, 'gut.html'), 'utf8');
    await project.write('articles/kaputt.md', article('slug: gut').replace('title: Testartikel', 'title: Eindringling'));
    await events.until(async () => (await index()).includes('the slug &quot;gut&quot; is already used by articles/gut.md'));
    expect(await index()).toContain('articles/kaputt.md');
    expect(await readFile(path.join(project.out, 'gut.html'), 'utf8')).toBe(good);
  });
});
