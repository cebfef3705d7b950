import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { openEventStream, rawRequest, type EventStream } from '../preview/preview-helpers.js';

const article = (title: string, slug: string) => `---\ntitle: ${title}\nslug: ${slug}\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein kurzer Teaser.\nurl: https://example.com/${slug}\n---\n\nEin Absatz.\n`;

describe('preview: editions', () => {
  let project: TempProject;
  let preview: PreviewServer;
  let events: EventStream;

  beforeAll(async () => {
    project = await makeProject({ articles: { 'eins.md': article('Der Deal', 'eins'), 'zwei.md': article('Die Chips', 'zwei'), 'drei.md': article('Etwas anderes', 'drei') } });
    await project.write('editions/woche.md', '---\nsubject: Die Woche in Tech\ndate: 2025-11-07\npreheader: Was diese Woche zählt, in zwei Geschichten.\nstories: [eins, zwei]\n---\n');
    preview = await startPreview({ root: project.root, port: 0, smtpPort: null, env: {}, debounceMs: 20 });
    events = await openEventStream(preview.port);
  });
  afterAll(async () => {
    events?.close();
    await preview?.close();
    await project?.remove();
  });

  it('lists editions above the articles, and shows an edition in the same viewer (email, text, inbox line)', async () => {
    const index = (await rawRequest(preview.port, '/')).body;
    expect(index).toContain('<caption>Ausgaben</caption>'); // the preview speaks the project's locale (German here)
    expect(index).toContain('<span class="kicker">2 Geschichten</span>');
    expect(index.indexOf('/view/editions.woche')).toBeGreaterThan(0);
    expect(index.indexOf('/view/editions.woche')).toBeLessThan(index.indexOf('/view/eins'));

    const viewer = await rawRequest(preview.port, '/view/editions.woche');
    expect(viewer.status).toBe(200);
    expect(viewer.body).toContain('Die Woche in Tech');
    expect(viewer.body).toContain('Was diese Woche zählt, in zwei Geschichten.'); // the inbox line's preheader
    expect(viewer.body).toContain('/email/editions.woche.html');
    const email = await rawRequest(preview.port, '/email/editions.woche.html');
    expect(email.status).toBe(200);
    expect(email.body).toBe(await readFile(path.join(project.out, 'editions/woche.html'), 'utf8'));
    expect((await rawRequest(preview.port, '/email/editions.woche.txt')).body).toContain('DIE THEMEN HEUTE');
    expect((await rawRequest(preview.port, '/view/editions.woche?view=text')).status).toBe(200);
    expect((await rawRequest(preview.port, '/email/editions.nichts.html')).status).toBe(404);
  });

  it('saving a story rebuilds the editions that contain it, and only those', async () => {
    const rebuilt = events.next('rebuilt', (data) => (data as { files: string[] }).files.includes('articles/zwei.md'));
    await project.write('articles/zwei.md', article('Die neuen Chips', 'zwei'));
    const event = (await rebuilt).data as { newsletters: { slug: string }[] };
    expect(event.newsletters.map((entry) => entry.slug).sort()).toEqual(['editions.woche', 'zwei']);
    expect(await readFile(path.join(project.out, 'editions/woche.html'), 'utf8')).toContain('Die neuen Chips');

    const other = events.next('rebuilt', (data) => (data as { files: string[] }).files.includes('articles/drei.md'));
    await project.write('articles/drei.md', article('Noch etwas anderes', 'drei'));
    expect(((await other).data as { newsletters: { slug: string }[] }).newsletters.map((entry) => entry.slug)).toEqual(['drei']);
  });

  it('saving an edition rebuilds it', async () => {
    const rebuilt = events.next('rebuilt', (data) => (data as { files: string[] }).files.includes('editions/woche.md'));
    await project.write('editions/woche.md', '---\nsubject: Die neue Woche\ndate: 2025-11-07\npreheader: Was diese Woche zählt, in zwei Geschichten.\nstories: [zwei, eins]\n---\n');
    await rebuilt;
    expect((await rawRequest(preview.port, '/view/editions.woche')).body).toContain('Die neue Woche');
  });
});
