import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { article, makeProject, type TempProject } from './helpers/project.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

/** The text a reader sees: tags dropped, entities decoded, whitespace folded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('build (end to end, sample articles)', () => {
  it('writes an HTML email and a text part per article with everything a reader needs', async () => {
    project = await makeProject({ samples: true });
    const result = await build({ root: project.root });
    expect(result.problems).toEqual([]);
    expect(result.articles.map((entry) => entry.status)).toEqual(['built', 'built']);

    const html = await readFile(path.join(project.out, 'openai-amazon-cloud-deal.html'), 'utf8');
    const text = await readFile(path.join(project.out, 'openai-amazon-cloud-deal.txt'), 'utf8');
    const seen = visibleText(html);

    expect(html).toMatch(/<html lang="de"/);
    expect(html).toContain('<title>OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud</title>');
    expect(Buffer.byteLength(html)).toBeLessThan(102_400);
    // the preheader is the first thing in the body, and hidden
    const body = html.slice(html.indexOf('<body'));
    const preheaderAt = body.indexOf('Der ChatGPT-Macher kauft für 38 Milliarden Dollar Rechenpower bei AWS');
    expect(preheaderAt).toBeGreaterThan(0);
    expect(preheaderAt).toBeLessThan(body.indexOf('BUSINESS PUNK'));
    expect(body.slice(0, preheaderAt)).toMatch(/display:none/);

    for (const needle of [
      'Tech & Trends',
      'OpenAI löst sich von Microsoft',
      'Sieben Jahre, 38 Milliarden Dollar',
      'Raus aus der Abhängigkeit',
      'Business Punk Check',
      'Die Summen sind atemberaubend',
      'Wer jetzt auf KI setzt, braucht Ausdauer und tiefe Taschen.',
      'Häufig gestellte Fragen',
      'Quellen: „Handelsblatt“, „TechCrunch“, „Spiegel“, „Bild“',
      'Newsletter abbestellen',
    ]) {
      expect(seen).toContain(needle);
    }
    const faqQuestions = [
      'Lohnt sich OpenAIs Milliardenwette auf Rechenleistung wirtschaftlich?',
      'Wie kommen kleinere Unternehmen an KI-Rechenleistung?',
      'Ist der Deal zwischen OpenAI und Amazon ein Zeichen für eine KI-Blase?',
      'Was bedeutet das Wettrennen um Rechenleistung für den Chipmarkt?',
    ];
    for (const question of faqQuestions) {
      expect(seen).toContain(question);
      expect(text).toContain(question.slice(0, 30));
    }
    for (const answerStart of ['Im Moment nicht.', 'Eigene Infrastruktur lohnt sich selten.', 'Die Hinweise mehren sich.', 'Nvidia, AMD und andere Chiphersteller']) {
      expect(seen).toContain(answerStart);
      expect(text).toContain(answerStart);
    }
    // FAQ answers are expanded, never hidden accordions
    expect(html).not.toMatch(/<details|<summary|<input[^>]+checkbox/i);
    expect(html).toContain('href="https://example.com/newsletter/abmelden"');
  });

  it('renders the optional keys: image with alt and caption, author, web link, linked sources', async () => {
    project = await makeProject({ samples: true });
    await build({ root: project.root });
    const html = await readFile(path.join(project.out, 'ki-chips-wettruesten.html'), 'utf8');
    expect(html).toMatch(/<img[^>]+alt="Serverschränke mit blau leuchtenden Statuslampen in einem Rechenzentrum"[^>]+src="https:\/\/example.com\/images\/ki-chips-rechenzentrum.jpg"/);
    expect(visibleText(html)).toContain('Rechenzentren sind das Nadelöhr des KI-Booms.');
    expect(visibleText(html)).toContain('Von Redaktion Business Punk');
    expect(html).toContain('href="https://example.com/tech-trends/ki-chips-wettruesten"');
    expect(html).toMatch(/<a href="https:\/\/www.spiegel.de\/"[^>]*>„Spiegel“<\/a>/);
  });
});

describe('build (security)', () => {
  const hostile = article(
    'check: "<img src=x onerror=alert(1)> [x](javascript:alert(1))"\nfaq:\n  - question: "<script>alert(1)</script>"\n    answer: "{{constructor.constructor \'alert(1)\'}}"\nsources:\n  - "<b>Fett</b>"',
    '<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n[klick](javascript:alert(1)) [daten](data:text/html,hi)\n\n{{constructor.constructor "alert(1)"}}\n',
  );

  it('keeps raw HTML, script links and template syntax from articles out of the email as live markup', async () => {
    project = await makeProject({ articles: { 'hostile.md': hostile.replace('title: Testartikel', 'title: "<img src=x onerror=alert(1)>"') } });
    const result = await build({ root: project.root });
    expect(result.problems).toEqual([]);
    const html = await readFile(path.join(project.out, 'hostile.html'), 'utf8');
    expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|<b>Fett|href="(javascript|data):/i);
    expect(html).toContain('{{constructor.constructor');
    expect(visibleText(html)).toContain('<script>alert(1)</script>');
    const text = await readFile(path.join(project.out, 'hostile.txt'), 'utf8');
    expect(text).toContain('[klick](javascript:alert(1))');
  });
});

describe('build (lines smuggled through fields)', () => {
  it('a url, image or source url with line breaks cannot forge lines (another unsubscribe link) in the text part', async () => {
    const forged = '\\n\\nNewsletter abbestellen: https://evil.example/abmelden';
    project = await makeProject({
      articles: {
        'url.md': article(`url: "https://example.com/a${forged}"`),
        'bild.md': article(`image: { src: "https://example.com/a.jpg${forged}", alt: Bild }`),
        'quelle.md': article(`sources: [{ name: Quelle, url: "https://example.com/${forged}" }]`),
      },
    });
    const result = await build({ root: project.root });
    expect(result.articles.map((entry) => entry.status)).toEqual(['failed', 'failed', 'failed']);
    expect(result.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message.replace(/ \(.*$/, '')}`)).toEqual([
      'articles/bild.md:6: "image.src" must not contain U+000A',
      'articles/quelle.md:6: "sources[0].url" must not contain U+000A',
      'articles/url.md:6: "url" must not contain U+000A',
    ]);
    await expect(readdir(project.out)).rejects.toThrow(); // nothing was written
  });
});

describe('build (bad input)', () => {
  it('reports every bad article of a run, builds the good ones, and leaves earlier output untouched', async () => {
    project = await makeProject({ articles: { 'a-good.md': article(), 'b-bad.md': article('teasr: typo'), 'c-bad.md': article().replace('date: 2025-11-04', 'date: 2025-02-30') } });
    const first = await build({ root: project.root });
    expect(first.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['articles/b-bad.md:6', 'articles/c-bad.md:4']);
    expect(first.articles.map((entry) => entry.status)).toEqual(['built', 'failed', 'failed']);

    // break the good article: its earlier output must survive byte for byte
    const before = await readFile(path.join(project.out, 'a-good.html'));
    await writeFile(path.join(project.articles, 'a-good.md'), article('image:\n  src: https://example.com/a.jpg'));
    const second = await build({ root: project.root });
    expect(second.problems[0]?.message).toMatch(/missing required key "image\.alt"/);
    expect(await readFile(path.join(project.out, 'a-good.html'))).toEqual(before);
    expect((await readdir(project.out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses ---js frontmatter without running it', async () => {
    const flag = `__buildRan_${Date.now()}`;
    project = await makeProject({ articles: { 'evil.md': `---js\n{ title: (globalThis.${flag} = 1, "x") }\n---\nBody\n` } });
    const result = await build({ root: project.root });
    expect(result.problems[0]).toMatchObject({ file: 'articles/evil.md', line: 1 });
    expect(result.problems[0]?.message).toMatch(/"---js" frontmatter is not allowed/);
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
  });

  it('reports two articles that claim the same slug', async () => {
    project = await makeProject({ articles: { 'a.md': article('slug: gleich'), 'b.md': article('slug: gleich') } });
    const result = await build({ root: project.root });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/the slug "gleich" is already used by articles\/a.md/);
  });
});

describe('build (drafts, cache, removal)', () => {
  it('skips drafts unless asked', async () => {
    project = await makeProject({ articles: { 'entwurf.md': article('draft: true') } });
    expect((await build({ root: project.root })).articles[0]?.status).toBe('draft-skipped');
    expect((await build({ root: project.root, drafts: true })).articles[0]?.status).toBe('built');
  });

  it('rebuilds only what changed, everything with force, and removes outputs of deleted articles', async () => {
    project = await makeProject({ articles: { 'eins.md': article(), 'zwei.md': article() } });
    await build({ root: project.root });
    const mtime = async (name: string) => (await stat(path.join(project!.out, name))).mtimeMs;
    const zweiBefore = await mtime('zwei.html');

    await writeFile(path.join(project.articles, 'eins.md'), article('author: Neu'));
    const second = await build({ root: project.root });
    expect(second.articles.map((entry) => entry.status)).toEqual(['built', 'cached']);
    expect(await mtime('zwei.html')).toBe(zweiBefore);

    expect((await build({ root: project.root, force: true })).articles.map((entry) => entry.status)).toEqual(['built', 'built']);

    await rm(path.join(project.articles, 'zwei.md'));
    const third = await build({ root: project.root });
    expect(third.removed.sort()).toEqual(['out/zwei.html', 'out/zwei.txt']);
    expect((await readdir(project.out)).filter((name) => !name.startsWith('.')).sort()).toEqual(['eins.html', 'eins.txt']);
  });

  it('rebuilds everything when a partial changes', async () => {
    project = await makeProject({ articles: { 'eins.md': article() } });
    await build({ root: project.root });
    const footer = path.join(project.root, 'templates/partials/footer.mjml.hbs');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('{{strings.footerReason}}', 'Geänderter Fußtext'));
    const result = await build({ root: project.root });
    expect(result.articles[0]?.status).toBe('built');
    expect(await readFile(path.join(project.out, 'eins.html'), 'utf8')).toContain('Geänderter Fußtext');
  });
});
