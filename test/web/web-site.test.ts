import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { siteCacheFile } from '../../src/io/site-cache.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { HOSTILE_ARTICLE, HOSTILE_QUESTION, HOSTILE_TITLE } from './hostile-article.js';
import { BASE, childrenNamed, childText, jsonLdOf, loadPage, parseXml } from './site-helpers.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const FAQ = 'faq:\n  - question: Was kostet das?\n    answer: "**38 Milliarden** Dollar."\n  - question: Wer zahlt?\n    answer: Die Anleger.\n';

function projectArticles(): Record<string, string> {
  return {
    'alt.md': article(`author: Jana Beispiel\n${FAQ}`).replace('date: 2025-11-04', 'date: 2025-10-01').replace('title: Testartikel', 'title: Der ältere Artikel'),
    'neu.md': article('image: { src: "https://example.com/bild.jpg", alt: Serverschränke, width: 1600, height: 900 }\ncheck: Ein klares Urteil.\nsources: [Handelsblatt]').replace('title: Testartikel', 'title: Der neue Artikel'),
    'entwurf.md': article('draft: true').replace('title: Testartikel', 'title: Ein Entwurf'),
  };
}

async function webBuild(options: BuildOptions = {}) {
  if (!project) throw new Error('no project');
  return build({ root: project.root, ...options });
}

const web = (...parts: string[]) => path.join(project!.out, 'web', ...parts);

describe('the web version', () => {
  it('is not written without webBaseUrl', async () => {
    project = await makeProject({ articles: { 'a.md': article() } });
    const result = await webBuild();
    expect(result.web).toBeUndefined();
    expect(existsSync(web())).toBe(false);
  });

  it('writes a page per published article with canonical link, social cards and JSON-LD; drafts never appear', async () => {
    project = await makeProject({ articles: projectArticles(), config: { webBaseUrl: `${BASE}/` } });
    const result = await webBuild({ drafts: true });
    expect(result.problems).toEqual([]);
    expect(result.web?.pages).toBe(2);
    expect((await readdir(web())).sort()).toEqual(['alt', 'feed.xml', 'index.html', 'neu', 'sitemap.xml']);

    const { $ } = await loadPage(web('alt', 'index.html'));
    expect($('html').attr('lang')).toBe('de');
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe('Der ältere Artikel');
    expect($('link[rel=canonical]').attr('href')).toBe(`${BASE}/alt/`);
    expect($('meta[property="og:title"]').attr('content')).toBe('Der ältere Artikel');
    expect($('meta[property="og:description"]').attr('content')).toBe('Ein kurzer Teaser.');
    expect($('meta[property="og:url"]').attr('content')).toBe(`${BASE}/alt/`);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect($('article h3').map((_, element) => $(element).text()).get()).toEqual(['Was kostet das?', 'Wer zahlt?']);
    const graph = jsonLdOf($)['@graph'];
    expect(graph[0]).toMatchObject({ '@type': 'NewsArticle', headline: 'Der ältere Artikel', datePublished: '2025-10-01', author: { name: 'Jana Beispiel' }, publisher: { name: 'Business Punk' } });
    expect(graph[1]).toMatchObject({
      '@type': 'FAQPage',
      mainEntity: [
        { name: 'Was kostet das?', acceptedAnswer: { text: '38 Milliarden Dollar.' } },
        { name: 'Wer zahlt?', acceptedAnswer: { text: 'Die Anleger.' } },
      ],
    });

    const neu = await loadPage(web('neu', 'index.html'));
    expect(neu.$('meta[property="og:image"]').attr('content')).toBe('https://example.com/bild.jpg');
    expect(neu.$('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect(neu.$('aside.check').text()).toContain('Ein klares Urteil.');
    expect(neu.$('.sources').text()).toContain('„Handelsblatt“');
    expect(jsonLdOf(neu.$)['@graph']).toHaveLength(1); // no FAQ, no FAQPage
    expect(neu.$('figure img').attr('height')).toBe('302');

    const archive = await loadPage(web('index.html'));
    expect(archive.$('h1')).toHaveLength(1);
    expect(archive.$('.archive h2 a').map((_, element) => [[archive.$(element).text(), archive.$(element).attr('href')]]).get()).toEqual([
      ['Der neue Artikel', `${BASE}/neu/`],
      ['Der ältere Artikel', `${BASE}/alt/`],
    ]);
    const all = [archive.source, await readFile(web('feed.xml'), 'utf8'), await readFile(web('sitemap.xml'), 'utf8')].join('\n');
    expect(all).not.toContain('Ein Entwurf');
    expect(all).not.toContain('entwurf');
  });

  it('feed.xml is well-formed Atom with one entry per newsletter, newest first, absolute links; sitemap.xml lists every page', async () => {
    project = await makeProject({ articles: projectArticles(), config: { webBaseUrl: BASE } });
    await webBuild();
    const feed = parseXml(await readFile(web('feed.xml'), 'utf8'));
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(childText(feed, 'id')).toBe(`${BASE}/`);
    expect(childText(feed, 'updated')).toBe('2025-11-04T00:00:00Z');
    expect(childrenNamed(feed, 'link').map((link) => link.attributes.href)).toEqual([`${BASE}/feed.xml`, `${BASE}/`]);
    const entries = childrenNamed(feed, 'entry');
    expect(entries.map((entry) => childText(entry, 'title'))).toEqual(['Der neue Artikel', 'Der ältere Artikel']);
    for (const entry of entries) {
      const href = childrenNamed(entry, 'link')[0]?.attributes.href ?? '';
      expect(new URL(href).href).toBe(href);
      expect(href.startsWith(`${BASE}/`)).toBe(true);
      expect(childText(entry, 'id')).toBe(href);
      expect(childText(entry, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(childText(entry, 'summary')).toBe('Ein kurzer Teaser.');
    }
    const sitemap = parseXml(await readFile(web('sitemap.xml'), 'utf8'));
    expect(childrenNamed(sitemap, 'url').map((url) => childText(url, 'loc'))).toEqual([`${BASE}/`, `${BASE}/neu/`, `${BASE}/alt/`]);
  });

  it('is incremental: an unchanged build writes nothing, an edit rewrites its page and the lists, a deleted article and a new draft leave the site', async () => {
    project = await makeProject({ articles: projectArticles(), config: { webBaseUrl: BASE } });
    await webBuild();
    const again = await webBuild();
    expect(again.web?.written).toEqual([]);
    expect(again.web?.removed).toEqual([]);
    const forced = await webBuild({ force: true });
    expect(forced.web?.written.sort()).toEqual(['out/web/alt/index.html', 'out/web/neu/index.html']); // the lists are the same bytes

    await writeFile(path.join(project.articles, 'neu.md'), projectArticles()['neu.md']!.replace('Der neue Artikel', 'Der neue Titel'));
    const edited = await webBuild();
    // the sitemap lists addresses and dates only: unchanged by a new title
    expect(edited.web?.written.sort()).toEqual(['out/web/feed.xml', 'out/web/index.html', 'out/web/neu/index.html']);
    expect(await readFile(web('feed.xml'), 'utf8')).toContain('Der neue Titel');

    await rm(path.join(project.articles, 'alt.md'));
    await writeFile(path.join(project.articles, 'neu.md'), projectArticles()['neu.md']!.replace('sources:', 'draft: true\nsources:'));
    const removed = await webBuild();
    expect(removed.web?.removed.sort()).toEqual(['out/web/alt/index.html', 'out/web/neu/index.html']);
    expect(existsSync(web('alt'))).toBe(false);
    expect(existsSync(web('neu'))).toBe(false);
    const feed = parseXml(await readFile(web('feed.xml'), 'utf8'));
    expect(childrenNamed(feed, 'entry')).toHaveLength(0);
  });

  it('a changed slug moves the page; a missing page is written again; deleting stays inside out/web and spares what the build did not make', async () => {
    project = await makeProject({ articles: { 'a.md': article() }, config: { webBaseUrl: BASE } });
    await webBuild();
    await mkdir(web('eigenes'), { recursive: true });
    await writeFile(web('eigenes', 'notiz.txt'), 'bleibt');
    await writeFile(web('robots.txt'), 'bleibt');
    await writeFile(path.join(project.root, 'a'), 'outside');

    await writeFile(path.join(project.articles, 'a.md'), article('slug: b'));
    const moved = await webBuild();
    expect(moved.web?.removed).toEqual(['out/web/a/index.html']);
    expect(existsSync(web('a'))).toBe(false);
    expect(existsSync(web('b', 'index.html'))).toBe(true);
    expect(await readFile(web('eigenes', 'notiz.txt'), 'utf8')).toBe('bleibt');
    expect(await readFile(web('robots.txt'), 'utf8')).toBe('bleibt');
    expect(await readFile(path.join(project.root, 'a'), 'utf8')).toBe('outside');

    await rm(web('b', 'index.html'));
    const restored = await webBuild();
    expect(restored.web?.written).toEqual(['out/web/b/index.html']);
  });

  it('never writes through a symbolic link in out/web: that page fails with one line, the others are written', async () => {
    project = await makeProject({ articles: { 'a.md': article(), 'b.md': article('slug: b') }, config: { webBaseUrl: BASE } });
    const elsewhere = path.join(project.root, 'elsewhere');
    await mkdir(elsewhere);
    await mkdir(web(), { recursive: true });
    await symlink(elsewhere, web('a'));
    const result = await webBuild();
    expect(result.problems.map((problem) => [problem.file, problem.message])).toEqual([
      ['out/web/a', 'cannot write the web page: out/web/a is a symbolic link, not a folder: remove it and build again'],
    ]);
    expect(await readdir(elsewhere)).toEqual([]);
    expect(existsSync(web('b', 'index.html'))).toBe(true);
  });

  it('a damaged site cache is rebuilt from the articles, never trusted', async () => {
    project = await makeProject({ articles: { 'a.md': article() }, config: { webBaseUrl: BASE } });
    const first = await webBuild();
    const cacheFile = siteCacheFile(first.config);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { entries: Record<string, { entry: Record<string, unknown> }> };
    const entry = cache.entries['articles/a.md']!;
    entry.entry.title = '<script>alert(1)</script>';
    entry.entry.url = 'javascript:alert(1)';
    cache.entries['../../etc/passwd.md'] = entry;
    await writeFile(cacheFile, JSON.stringify(cache));
    const second = await webBuild();
    expect(second.problems).toEqual([]);
    expect(second.web?.written).toContain('out/web/a/index.html');
    const archive = await readFile(web('index.html'), 'utf8');
    expect(archive).toContain(`href="${BASE}/a/"`);
    expect(archive).not.toContain('javascript:');

    await writeFile(cacheFile, '{not json');
    const third = await webBuild();
    expect(third.problems).toEqual([]);
    expect(third.web?.pages).toBe(1);
  });

  it('a partial build keeps every other article in the archive', async () => {
    project = await makeProject({ articles: projectArticles(), config: { webBaseUrl: BASE } });
    await webBuild();
    await writeFile(path.join(project.articles, 'neu.md'), projectArticles()['neu.md']!.replace('Der neue Artikel', 'Neu, geändert'));
    const partial = await webBuild({ files: ['articles/neu.md'] });
    expect(partial.web?.pages).toBe(2);
    const archive = await readFile(web('index.html'), 'utf8');
    expect(archive).toContain('Der ältere Artikel');
    expect(archive).toContain('Neu, geändert');
  });

  it('a failed article keeps its last good page', async () => {
    project = await makeProject({ articles: projectArticles(), config: { webBaseUrl: BASE } });
    await webBuild();
    const before = await stat(web('alt', 'index.html'));
    await writeFile(path.join(project.articles, 'alt.md'), article('teasr: Tippfehler'));
    const failed = await webBuild();
    expect(failed.problems.map((problem) => problem.file)).toEqual(['articles/alt.md']);
    expect((await stat(web('alt', 'index.html'))).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(web('index.html'), 'utf8')).toContain('Der ältere Artikel');
  });

  it('a hostile article stays inert on its page, in the JSON-LD, the archive and the feed', async () => {
    project = await makeProject({ articles: { 'hostile.md': HOSTILE_ARTICLE }, config: { webBaseUrl: BASE } });
    const result = await webBuild();
    expect(result.articles.map((entry) => entry.status)).toEqual(['built']);
    const { source, $ } = await loadPage(web('hostile', 'index.html'));
    // exactly one script element, the JSON-LD, and one "</script" in the whole page: its own end
    expect($('script')).toHaveLength(1);
    expect(source.match(/<\/script/gi)).toHaveLength(1);
    expect(source.match(/<script/gi)).toHaveLength(1);
    expect($('iframe, svg, object, embed, b')).toHaveLength(0);
    expect($('img')).toHaveLength(1); // the lead image, with its text as attributes
    $('*').each((_, element) => {
      for (const [name, value] of Object.entries((element as { attribs?: Record<string, string> }).attribs ?? {})) {
        expect(name.startsWith('on')).toBe(false);
        expect(value.trim().toLowerCase().startsWith('javascript:')).toBe(false);
      }
    });
    expect($('h1').text()).toBe(HOSTILE_TITLE);
    const [news, faq] = jsonLdOf($)['@graph'];
    expect(news?.headline).toBe(HOSTILE_TITLE);
    expect((faq?.mainEntity as { name: string }[])[0]?.name).toBe(HOSTILE_QUESTION);

    const archive = await loadPage(web('index.html'));
    expect(archive.$('script')).toHaveLength(0);
    expect(archive.$('.archive h2').text()).toBe(HOSTILE_TITLE);
    const feed = parseXml(await readFile(web('feed.xml'), 'utf8'));
    expect(childText(childrenNamed(feed, 'entry')[0]!, 'title')).toBe(HOSTILE_TITLE);
    parseXml(await readFile(web('sitemap.xml'), 'utf8'));
  });
});
