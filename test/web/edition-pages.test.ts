import { lstat, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { BASE, childrenNamed, childText, loadPage, parseXml } from './site-helpers.js';

const story = (slug: string, title: string, lines = '', body = 'Ein Absatz.\n') =>
  `---\ntitle: ${title}\nslug: ${slug}\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Der Teaser von ${title}.\n${lines}${lines && !lines.endsWith('\n') ? '\n' : ''}---\n\n${body}`;
const FULL = story('eins', 'Der große Deal', 'check: Das **Urteil** der Redaktion.\nfaq:\n  - question: Lohnt sich das?\n    answer: Noch nicht.', 'Hallo [[vorname|liebe Leserin]], der Text der ersten Geschichte.\n\n## Zwischentitel\n\nMehr Text.\n');
const TEASER = story('zwei', 'Chips für alle', 'image: {src: "https://example.com/bild.jpg", alt: Ein Rechenzentrum, width: 1600, height: 900}', 'Der Text der zweiten Geschichte, der im Teaser nicht erscheint.\n');
const edition = (subject: string, date: string, intro = 'Willkommen, [[vorname|liebe Leserin]], zur **Ausgabe**.', extra = '') =>
  `---\nsubject: "${subject}"\ndate: ${date}\npreheader: Der Deal und die Chips.\nstories: [eins, zwei]\n${extra}---\n\n${intro}\n`;

const CONFIG = { webBaseUrl: BASE, esp: { provider: 'mailchimp', fields: { vorname: 'FNAME' } } };
const web = (project: TempProject, ...parts: string[]) => path.join(project.out, 'web', ...parts);
const written = (result: BuildResult) => (result.web?.written ?? []).map((file) => file.split(path.sep).join('/'));

describe('edition pages of the web version', () => {
  let project: TempProject;
  let first: BuildResult;

  beforeAll(async () => {
    project = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER }, config: CONFIG });
    await project.write('editions/woche.md', edition('[[vorname|Hallo]], die Woche in Tech', '2025-11-07'));
    await project.write('editions/entwurf.md', edition('Noch nicht fertig', '2025-11-14', 'Entwurf.', 'draft: true\n'));
    first = await build({ root: project.root });
  });
  afterAll(() => project?.remove());

  it('writes a page for the published edition, never for the draft', () => {
    expect(first.problems).toEqual([]);
    expect(existsSync(web(project, 'editions', 'woche', 'index.html'))).toBe(true);
    expect(existsSync(web(project, 'editions', 'entwurf'))).toBe(false);
    expect(first.web?.editionPages).toBe(1);
    expect(written(first)).toContain('out/web/editions/woche/index.html');
  });

  it('shows the subject as the one h1, the intro, the full story with h2 headline, check box and FAQ, the teaser linking to its article\'s page', async () => {
    const { $ } = await loadPage(web(project, 'editions', 'woche', 'index.html'));
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe('Hallo, die Woche in Tech'); // the fallback: a web page has no reader to fill the field
    expect($('.intro').text()).toContain('Willkommen, liebe Leserin, zur Ausgabe.');
    expect($('.intro strong').text()).toBe('Ausgabe');
    const stories = $('article.story');
    expect(stories).toHaveLength(2);
    expect(stories.eq(0).attr('id')).toBe('story-eins');
    expect(stories.eq(0).find('h2.story-title').text()).toBe('Der große Deal');
    expect(stories.eq(0).find('.body').text()).toContain('Hallo liebe Leserin, der Text der ersten Geschichte.');
    expect(stories.eq(0).find('.body h2').text()).toBe('Zwischentitel');
    expect(stories.eq(0).find('aside.check').text()).toContain('Urteil');
    expect(stories.eq(0).find('.faq h3').text()).toBe('Lohnt sich das?');
    expect(stories.eq(1).find('h2.story-title a').attr('href')).toBe(`${BASE}/zwei/`);
    expect(stories.eq(1).find('.more a').attr('href')).toBe(`${BASE}/zwei/`);
    expect(stories.eq(1).text()).not.toContain('Der Text der zweiten Geschichte');
    expect($('.contents a').map((_, element) => $(element).attr('href')).get()).toEqual(['#story-eins', '#story-zwei']);
    // ids stay unique with several stories on the page
    const ids = $('[id]').map((_, element) => $(element).attr('id')).get();
    expect(new Set(ids).size).toBe(ids.length);
    const source = await readFile(web(project, 'editions', 'woche', 'index.html'), 'utf8');
    expect(source).not.toMatch(/\*\||esp7q3x|\[\[vorname/);
  });

  it('has a canonical link and Open Graph tags of its own', async () => {
    const { $ } = await loadPage(web(project, 'editions', 'woche', 'index.html'));
    expect($('link[rel="canonical"]').attr('href')).toBe(`${BASE}/editions/woche/`);
    expect($('meta[property="og:url"]').attr('content')).toBe(`${BASE}/editions/woche/`);
    expect($('meta[property="og:type"]').attr('content')).toBe('website');
    expect($('meta[property="og:title"]').attr('content')).toBe('Hallo, die Woche in Tech');
    expect($('meta[property="og:description"]').attr('content')).toBe('Der Deal und die Chips.');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://example.com/bild.jpg');
    expect($('html').attr('lang')).toBe('de');
  });

  it('lists the edition in the archive (newest first), the feed and the sitemap with the articles', async () => {
    const { $ } = await loadPage(web(project, 'index.html'));
    const links = $('.archive h2 a').map((_, element) => $(element).attr('href')).get();
    expect(links[0]).toBe(`${BASE}/editions/woche/`);
    expect(links.slice(1).sort()).toEqual([`${BASE}/eins/`, `${BASE}/zwei/`]);
    expect($('.archive .kicker').first().text()).toBe('Ausgabe');
    expect(links).not.toContain(`${BASE}/editions/entwurf/`);
    const feed = parseXml(await readFile(web(project, 'feed.xml'), 'utf8'));
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(3);
    expect(childText(entries[0]!, 'title')).toBe('Hallo, die Woche in Tech');
    const sitemap = await readFile(web(project, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${BASE}/editions/woche/</loc>`);
    expect(sitemap).not.toContain('entwurf');
  });

  it('links "Im Browser ansehen" in the edition email to its page when no ESP is set, and to the ESP\'s tag when one is', async () => {
    const withEsp = await readFile(path.join(project.out, 'editions', 'woche.html'), 'utf8');
    expect(withEsp).toMatch(/<a href="\*\|ARCHIVE\|\*"[^>]*>Im Browser ansehen<\/a>/);
    const other = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER }, config: { webBaseUrl: BASE, esp: { fields: { vorname: 'FNAME' } } } });
    try {
      await other.write('editions/woche.md', edition('Die Woche', '2025-11-07'));
      expect((await build({ root: other.root })).problems).toEqual([]);
      const { $ } = await loadPage(path.join(other.out, 'editions', 'woche.html'));
      expect($('a').filter((_, element) => $(element).text() === 'Im Browser ansehen').attr('href')).toBe(`${BASE}/editions/woche/`);
      expect((await readFile(path.join(other.out, 'editions', 'woche.txt'), 'utf8')).split('\n')[0]).toBe(`Im Browser ansehen: ${BASE}/editions/woche/`);
    } finally {
      await other.remove();
    }
  });

  it('a build with --drafts makes the draft edition\'s email but never its page', async () => {
    const withDrafts = await build({ root: project.root, drafts: true });
    expect(withDrafts.editions?.map((result) => `${result.file}:${result.status}`)).toContain('editions/entwurf.md:built');
    expect(existsSync(path.join(project.out, 'editions', 'entwurf.html'))).toBe(true);
    expect(existsSync(web(project, 'editions', 'entwurf'))).toBe(false);
    expect(await readFile(web(project, 'index.html'), 'utf8')).not.toContain('entwurf');
  });
});

describe('edition pages are incremental and leave with their edition', () => {
  let project: TempProject;
  const page = () => web(project, 'editions', 'woche', 'index.html');

  beforeAll(async () => {
    project = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER }, config: CONFIG });
    await project.write('editions/woche.md', edition('Die Woche', '2025-11-07'));
    expect((await build({ root: project.root })).problems).toEqual([]);
  });
  afterAll(() => project?.remove());

  it('an unchanged build writes no edition page; a changed intro or story writes it again', async () => {
    const before = (await stat(page())).mtimeMs;
    const again = await build({ root: project.root });
    expect(written(again).filter((file) => file.includes('editions/'))).toEqual([]);
    expect((await stat(page())).mtimeMs).toBe(before);

    await project.write('editions/woche.md', edition('Die Woche', '2025-11-07', 'Ein neues Intro.'));
    const intro = await build({ root: project.root });
    expect(written(intro)).toContain('out/web/editions/woche/index.html');
    expect(await readFile(page(), 'utf8')).toContain('Ein neues Intro.');

    await project.write('articles/zwei.md', TEASER.replace('title: Chips für alle', 'title: Chips für wenige'));
    const storyChanged = await build({ root: project.root });
    expect(written(storyChanged)).toContain('out/web/editions/woche/index.html');
    expect(await readFile(page(), 'utf8')).toContain('Chips für wenige');
  });

  it('a damaged cache is not trusted: the page is made again', async () => {
    const { config } = await build({ root: project.root });
    const found = readdirSync(config.cacheDir).filter((name) => name.startsWith('web-editions-'));
    expect(found).toHaveLength(1);
    await writeFile(path.join(config.cacheDir, found[0]!), '{"version":1,"key":"x","entries":{"editions/woche.md":{"key":"nope"}}}');
    const rebuilt = await build({ root: project.root });
    expect(rebuilt.problems).toEqual([]);
    expect(written(rebuilt)).toContain('out/web/editions/woche/index.html');
  });

  it('a failing edition keeps its last good page', async () => {
    await project.write('editions/woche.md', edition('Die Woche', '2025-11-07').replace('stories: [eins, zwei]', 'stories: [eins, fehlt]'));
    const failed = await build({ root: project.root });
    expect(failed.editions?.[0]?.status).toBe('failed');
    expect(existsSync(page())).toBe(true);
    const { $ } = await loadPage(web(project, 'index.html'));
    expect($('.archive h2 a').map((_, element) => $(element).attr('href')).get()).toContain(`${BASE}/editions/woche/`);
    await project.write('editions/woche.md', edition('Die Woche', '2025-11-07'));
    expect((await build({ root: project.root })).problems).toEqual([]);
  });

  it('a draft or deleted edition leaves the site; only its page is removed, nothing else in out/web/editions or outside', async () => {
    const outside = await mkdirTemp();
    try {
      await writeFile(path.join(outside, 'index.html'), 'not ours');
      await mkdir(web(project, 'editions', 'notizen'), { recursive: true });
      await writeFile(web(project, 'editions', 'notizen', 'liesmich.txt'), 'bleibt');
      await symlink(outside, web(project, 'editions', 'fremd'));

      await project.write('editions/woche.md', edition('Die Woche', '2025-11-07', 'Intro.', 'draft: true\n'));
      const drafted = await build({ root: project.root });
      expect(drafted.problems).toEqual([]);
      expect(existsSync(page())).toBe(false);
      expect(drafted.web?.removed.map((file) => file.split(path.sep).join('/'))).toContain('out/web/editions/woche/index.html');
      expect(await readFile(web(project, 'index.html'), 'utf8')).not.toContain('/editions/woche/');

      await project.write('editions/woche.md', edition('Die Woche', '2025-11-07'));
      await build({ root: project.root });
      expect(existsSync(page())).toBe(true);
      await rm(path.join(project.root, 'editions', 'woche.md'));
      const deleted = await build({ root: project.root });
      expect(existsSync(page())).toBe(false);
      expect(await readFile(web(project, 'sitemap.xml'), 'utf8')).not.toContain('/editions/woche/');
      expect(deleted.problems).toEqual([]);

      expect(await readFile(web(project, 'editions', 'notizen', 'liesmich.txt'), 'utf8')).toBe('bleibt');
      expect((await lstat(web(project, 'editions', 'fremd'))).isSymbolicLink()).toBe(true);
      expect(await readFile(path.join(outside, 'index.html'), 'utf8')).toBe('not ours');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

const mkdirTemp = () => mkdtemp(path.join(os.tmpdir(), 'edition-pages-outside-'));
