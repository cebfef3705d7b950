import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import type { EditionResult } from '../../src/build/build-editions.js';
import { formatProblem } from '../../src/errors.js';
import { makeProject, type TempProject } from '../helpers/project.js';

/** An article with these frontmatter lines (title, slug, … as given) and body. */
const article = (lines: string, body = 'Ein Absatz.\n') => `---\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein kurzer Teaser.\n${lines}\n---\n\n${body}`;
import { runCli } from '../helpers/run-cli.js';

const FULL = article(
  'title: Der große Deal\nslug: eins\nurl: https://example.com/eins\ncheck: Das **Urteil** der Redaktion.\nfaq:\n  - question: Lohnt sich das?\n    answer: Noch nicht.\nsources: [Handelsblatt]\npreheader: Eine Vorschau, die mehr sagt als der Titel.',
  'Der Text der ersten Geschichte.\n\n## Zwischentitel\n\nMehr Text.\n',
);
const TEASER = article(
  'title: Chips für alle\nslug: zwei\nurl: https://example.com/zwei\nimage: {src: "https://example.com/bild.jpg", alt: Ein Rechenzentrum, width: 1600, height: 900}\npreheader: Wer an den Chips verdient, und warum.',
  'Der Text der zweiten Geschichte, der im Teaser nicht erscheint.\n',
);
const OTHER = article('title: Etwas anderes\nslug: drei\npreheader: Nichts mit der Ausgabe zu tun.');
const EDITION = `---
subject: Die Woche in Tech
date: 2025-11-07
preheader: Der große Deal, die Chips und was beides für Sie heißt.
stories:
  - eins
  - zwei
---

Liebe Leserinnen und Leser, **willkommen**.
`;

const editionsOf = (result: BuildResult) => result.editions ?? [];
const statusOf = (result: BuildResult) => editionsOf(result).map((edition) => `${edition.file}:${edition.status}`);
const failure = (edition: EditionResult | undefined) => (edition?.status === 'failed' ? edition.error.problems.map(formatProblem) : []);

describe('editions', () => {
  let project: TempProject;
  let first: BuildResult;
  let html: string;
  let text: string;

  beforeAll(async () => {
    project = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER, 'drei.md': OTHER } });
    await project.write('editions/woche.md', EDITION);
    first = await build({ root: project.root });
    html = await readFile(path.join(project.out, 'editions/woche.html'), 'utf8');
    text = await readFile(path.join(project.out, 'editions/woche.txt'), 'utf8');
  });
  afterAll(() => project?.remove());

  it('builds every article and the edition, with no problems', () => {
    expect(first.problems).toEqual([]);
    expect(first.articles.map((result) => result.status)).toEqual(['built', 'built', 'built']);
    expect(editionsOf(first)).toMatchObject([{ status: 'built', slug: 'woche', subject: 'Die Woche in Tech', renderPath: 'full', fallbackReason: expect.stringMatching(/compiled with MJML/) }]);
    const [edition] = editionsOf(first);
    expect(edition?.status === 'built' && edition.stories.map((story) => [story.slug, story.presentation])).toEqual([
      ['eins', 'full'],
      ['zwei', 'teaser'],
    ]);
    expect(edition?.status === 'built' && edition.stories.every((story) => story.htmlBytes > 0)).toBe(true);
  });

  it('shows the subject as the only h1, the intro, "Die Themen heute" linked to each story, the full story with check box and FAQ, the teaser card and one footer', () => {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>Die Woche in Tech<\/h1>/);
    expect(html).toContain('<strong>willkommen</strong>');
    expect(html).toContain('Die Themen heute');
    for (const slug of ['eins', 'zwei']) {
      expect(html).toContain(`href="#story-${slug}"`);
      expect(html).toContain(`name="story-${slug}"`);
    }
    const order = ['Die Themen heute', 'Der große Deal', 'Der Text der ersten Geschichte', 'Business Punk Check', 'Häufig gestellte Fragen', 'Handelsblatt', 'Chips für alle', 'Weiterlesen', 'Newsletter abbestellen'];
    let from = 0;
    const found = order.map((needle) => {
      const position = html.indexOf(needle, from);
      from = position < 0 ? from : position + needle.length;
      return position < 0 ? `missing or out of order: ${needle}` : 'found';
    });
    expect(found).toEqual(order.map(() => 'found'));
    expect(html).not.toContain('Der Text der zweiten Geschichte'); // a teaser shows no body
    expect(html).toContain('src="https://example.com/bild.jpg"');
    expect(html).toContain('href="https://example.com/zwei" aria-label="Weiterlesen: Chips für alle"');
    expect(html.split('Newsletter abbestellen')).toHaveLength(2);
  });

  it('writes a plain-text part with the same structure', () => {
    const order = [
      'BUSINESS PUNK · Der Newsletter · 7. November 2025',
      'Die Woche in Tech\n=================',
      'Liebe Leserinnen und Leser, willkommen.',
      'DIE THEMEN HEUTE\n----------------\n\n01 Der große Deal\n02 Chips für alle',
      '01 · TECH & TRENDS\n\nDer große Deal\n==============',
      'Der Text der ersten Geschichte.',
      'BUSINESS PUNK CHECK',
      'HÄUFIG GESTELLTE FRAGEN',
      'Quellen: „Handelsblatt“',
      'Artikel im Web lesen:\nhttps://example.com/eins',
      '02 · TECH & TRENDS\n\nChips für alle\n==============\n\nEin kurzer Teaser.\n\n[Bild: Ein Rechenzentrum] https://example.com/bild.jpg\n\nWeiterlesen:\nhttps://example.com/zwei',
      '--\nBusiness Punk',
    ];
    let from = 0;
    const found = order.map((needle) => {
      const position = text.indexOf(needle, from);
      from = position < 0 ? from : position + needle.length;
      return position < 0 ? `missing or out of order: ${needle}` : 'found';
    });
    expect(found).toEqual(order.map(() => 'found'));
    expect(text).not.toContain('Der Text der zweiten Geschichte');
    expect(text.split('Newsletter abbestellen')).toHaveLength(2);
    expect(text).not.toContain('\u00ad'); // no soft hyphens in the text part
  });

  it('leaves the articles exactly as a project without editions builds them', async () => {
    const plain = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER, 'drei.md': OTHER } });
    try {
      await build({ root: plain.root });
      for (const name of ['eins.html', 'eins.txt', 'zwei.html', 'zwei.txt']) {
        expect(await readFile(path.join(project.out, name), 'utf8')).toBe(await readFile(path.join(plain.out, name), 'utf8'));
      }
    } finally {
      await plain.remove();
    }
  });

  describe('incremental', () => {
    const again = async () => statusOf(await build({ root: project.root }));
    const bump = async (file: string) => {
      const absolute = path.join(project.root, file);
      await writeFile(absolute, `${await readFile(absolute, 'utf8')}\n`);
    };

    it('rebuilds an edition when its file, a story, a template or the config changes, and only then', async () => {
      expect(await again()).toEqual(['editions/woche.md:cached']);
      await bump('articles/drei.md'); // not in the edition
      expect(await again()).toEqual(['editions/woche.md:cached']);
      await bump('articles/zwei.md'); // a teaser story
      expect(await again()).toEqual(['editions/woche.md:built']);
      expect(await again()).toEqual(['editions/woche.md:cached']);
      await bump('editions/woche.md');
      expect(await again()).toEqual(['editions/woche.md:built']);
      await bump('templates/partials/story-teaser.mjml.hbs');
      expect(await again()).toEqual(['editions/woche.md:built']);
      await bump('templates/edition.mjml.hbs');
      const layoutChange = await build({ root: project.root });
      expect(statusOf(layoutChange)).toEqual(['editions/woche.md:built']);
      expect(layoutChange.articles.map((result) => result.status)).toEqual(['cached', 'cached', 'cached']); // the edition layout is not theirs
      await project.write('newsletter.config.json', JSON.stringify({ brand: 'Punk' }));
      expect(await again()).toEqual(['editions/woche.md:built']);
      await rm(path.join(project.out, 'editions/woche.txt'));
      expect(await again()).toEqual(['editions/woche.md:built']);
      const touched = path.join(project.root, 'editions/woche.md');
      const later = new Date(Date.now() + 5000);
      await utimes(touched, later, later); // touched, not changed
      expect(await again()).toEqual(['editions/woche.md:cached']);
      await rm(path.join(project.root, 'newsletter.config.json'));
    });

    it('rebuilds the editions that contain a story when only that article is built (a save in --watch or the preview)', async () => {
      await build({ root: project.root });
      await bump('articles/eins.md');
      expect(statusOf(await build({ root: project.root, files: ['articles/eins.md'] }))).toEqual(['editions/woche.md:built']);
      await bump('articles/drei.md');
      expect(statusOf(await build({ root: project.root, files: ['articles/drei.md'] }))).toEqual([]); // unchanged editions are not listed
      expect(statusOf(await build({ root: project.root, files: ['articles/drei.md', 'editions/woche.md'] }))).toEqual(['editions/woche.md:cached']); // a named one is
    });

    it('does not trust a damaged cache: the edition is built again', async () => {
      await build({ root: project.root });
      const cacheDir = path.join(project.root, 'node_modules/.cache/punk-newsletter');
      const { readdir } = await import('node:fs/promises');
      const [cacheFile] = (await readdir(cacheDir)).filter((name) => name.startsWith('edition-manifest-'));
      expect(cacheFile).toBeDefined();
      const data = JSON.parse(await readFile(path.join(cacheDir, cacheFile as string), 'utf8')) as { entries: Record<string, { htmlBytes: unknown }> };
      for (const entry of Object.values(data.entries)) entry.htmlBytes = 'viel';
      await writeFile(path.join(cacheDir, cacheFile as string), JSON.stringify(data));
      expect(await again()).toEqual(['editions/woche.md:built']);
    });
  });

  it('builds a named edition alone, reports mistakes as one line with file, line and story, and exits 1', async () => {
    const run = await runCli('build-newsletter', ['editions/woche.md'], { cwd: project.root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^[✓=] editions\/woche +\d+\.\d KB html +\d+\.\d KB text/m);
    expect(run.stdout).not.toMatch(/^[✓=] eins/m);
    expect(run.code).toBe(0);

    await project.write('editions/kaputt.md', '---\nsubject: Kaputt\ndate: 2025-11-07\nstories:\n  - eins\n  - zwie\n  - eins\n---\n');
    const broken = await runCli('build-newsletter', [], { cwd: project.root });
    expect(broken.stderr.split('\n').filter(Boolean)).toEqual([
      '✗ editions/kaputt.md:6: story "zwie": no article has this slug or file name (did you mean "zwei"?): write the slug of an article in the articles folder',
      '✗ editions/kaputt.md:7: story "eins": articles/eins.md is already in this edition (line 5): name each article once',
    ]);
    expect(broken.stdout).toMatch(/^= editions\/woche/m);
    expect(broken.code).toBe(1);
    await rm(path.join(project.root, 'editions/kaputt.md'));
  });

  it('fails the edition whose story does not build, skips a draft edition unless --drafts, and removes the outputs of a deleted edition', async () => {
    await project.write('articles/vier.md', article('title: Vier\nslug: vier\nteasr: Tippfehler'));
    await project.write('editions/entwurf.md', '---\nsubject: Entwurf\ndate: 2025-11-08\ndraft: true\nstories: [vier]\n---\n');
    await project.write('editions/ausgabe.md', '---\nsubject: Ausgabe\ndate: 2025-11-08\nstories: [vier]\n---\n');
    const result = await build({ root: project.root });
    const byFile = new Map(editionsOf(result).map((edition) => [edition.file, edition]));
    expect(byFile.get('editions/entwurf.md')?.status).toBe('draft-skipped');
    expect(failure(byFile.get('editions/ausgabe.md'))).toEqual([
      'editions/ausgabe.md:4: story "vier": the article does not build (articles/vier.md:7: unknown key "teasr" (did you mean "teaser"?)): fix the article first',
    ]);
    const drafts = await build({ root: project.root, drafts: true, files: ['editions/entwurf.md'] });
    expect(failure(editionsOf(drafts)[0])[0]).toMatch(/^editions\/entwurf\.md:5: story "vier": the article does not build/);

    await project.write('articles/vier.md', article('title: Vier\nslug: vier\nurl: https://example.com/vier\npreheader: Eine Vorschau für den vierten Artikel.'));
    await build({ root: project.root });
    await expect(stat(path.join(project.out, 'editions/ausgabe.html'))).resolves.toBeTruthy();
    await rm(path.join(project.root, 'editions/ausgabe.md'));
    const removal = await build({ root: project.root });
    expect(removal.removed.sort()).toEqual(['out/editions/ausgabe.html', 'out/editions/ausgabe.txt']);
    await expect(stat(path.join(project.out, 'editions/woche.html'))).resolves.toBeTruthy();
    await rm(path.join(project.root, 'editions/entwurf.md'));
  });

  it('uses the locale for every fixed string', async () => {
    const english = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER }, config: { locale: 'en' } });
    try {
      await english.write('editions/week.md', EDITION);
      const result = await build({ root: english.root });
      expect(result.problems.filter((problem) => !/preheader|subject/.test(problem.message))).toEqual([]);
      const englishHtml = await readFile(path.join(english.out, 'editions/week.html'), 'utf8');
      const englishText = await readFile(path.join(english.out, 'editions/week.txt'), 'utf8');
      expect(englishHtml).toContain('Today’s stories');
      expect(englishHtml).toContain('Read more');
      expect(englishHtml).not.toContain('Weiterlesen');
      expect(englishText).toContain('TODAY’S STORIES');
      expect(englishText).toContain('Read more:\nhttps://example.com/zwei');
    } finally {
      await english.remove();
    }
  });

  it('fails an edition over Gmail\'s clipping limit with each story\'s share of the bytes', async () => {
    const long = Array.from({ length: 110 }, (_, index) => `Absatz ${index}: ${'Rechenleistung kostet Geld, und zwar viel davon. '.repeat(7)}`).join('\n\n');
    const big = await makeProject({
      articles: {
        'lang-eins.md': article('title: Lang eins\nslug: lang-eins\nurl: https://example.com/1\npreheader: Die erste lange Geschichte der Ausgabe.', long),
        'lang-zwei.md': article('title: Lang zwei\nslug: lang-zwei\nurl: https://example.com/2\npreheader: Die zweite lange Geschichte der Ausgabe.', long),
        'kurz.md': article('title: Kurz\nslug: kurz\nurl: https://example.com/3\npreheader: Die kurze Geschichte der Ausgabe, zum Schluss.'),
      },
    });
    try {
      await big.write('editions/dick.md', '---\nsubject: Zu viel auf einmal\ndate: 2025-11-07\npreheader: Alles auf einmal, und das ist zu viel für Gmail.\nstories:\n  - lang-eins\n  - {article: lang-zwei, as: full}\n  - kurz\n---\n');
      const result = await build({ root: big.root });
      expect(result.articles.map((entry) => entry.status)).toEqual(['built', 'built', 'built']); // each alone fits
      const [edition] = editionsOf(result);
      const clip = edition?.status === 'built' ? edition.findings.find((finding) => finding.rule === 'size/gmail-clip') : undefined;
      expect(clip?.severity).toBe('error');
      expect(clip?.message).toMatch(
        /^the HTML is \d+\.\d KB \([\d,]+ bytes\), over Gmail's clipping limit of 100\.0 KB \(102,400 bytes\); by story: "lang-(eins|zwei)" \(full\) \d+\.\d KB, "lang-(eins|zwei)" \(full\) \d+\.\d KB, "kurz" \(teaser\) \d\.\d KB, header, contents and footer \d+\.\d KB: show "lang-(eins|zwei)" as a teaser \(\{article: lang-(eins|zwei), as: teaser\}\) or move a story to another edition$/,
      );
      expect(result.problems.map(formatProblem)).toContain(`editions/dick.md: ${clip?.message ?? ''} [size/gmail-clip]`);
      const shares = edition?.status === 'built' ? edition.stories : [];
      const total = edition?.status === 'built' ? edition.htmlBytes : 0;
      expect(shares.reduce((sum, story) => sum + story.htmlBytes, 0)).toBeLessThan(total);
      expect(shares[0]?.htmlBytes).toBeGreaterThan(40_000);
      expect(shares[2]?.htmlBytes).toBeLessThan(10_000); // a teaser card
    } finally {
      await big.remove();
    }
  });
});
