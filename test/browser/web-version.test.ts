import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';
import { HOSTILE_ARTICLE, HOSTILE_TITLE } from '../web/hostile-article.js';
import { BASE } from '../web/site-helpers.js';

const ARTEFACTS = path.join(REPO_ROOT, 'test-results');

/** Content that pushes a layout sideways: a wide table, a very long word, a long code line, a long link. */
const WIDE = article(
  'faq:\n  - question: Passt das?\n    answer: Ja.',
  [
    'Die Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsvorschrift gilt.',
    '',
    '| Anbieter | Rechenzentren | Kapazität | Laufzeit | Volumen | Partner | Region | Status |',
    '|---|---|---|---|---|---|---|---|',
    '| Amazon Web Services | Virginia, Oregon | 1,2 GW | sieben Jahre | 38 Milliarden Dollar | OpenAI | Nordamerika | unterzeichnet |',
    '',
    '```',
    'const zeile = "eine sehr lange Codezeile, die nicht umbrechen will, weil Code nun einmal so ist, und noch länger";',
    '```',
    '',
    '<https://www.example.com/ein/sehr/langer/pfad/der/nie/zu/enden/scheint/und/weiter/geht/bis/zum/rand>',
    '',
  ].join('\n'),
).replace('title: Testartikel', 'title: Breite Inhalte');

describeBrowser('the web version in Chromium', () => {
  let browser: Browser;
  let project: TempProject;

  beforeAll(async () => {
    project = await makeProject({ samples: true, articles: { 'breit.md': WIDE, 'hostile.md': HOSTILE_ARTICLE }, config: { webBaseUrl: BASE } });
    const result = await build({ root: project.root });
    if (result.problems.length > 0) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    browser = await launchChromium();
    await mkdir(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  /** A page of out/web, offline: requests leave for nowhere (images are on other hosts). */
  async function open(relative: string, width: number): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(path.join(project.out, 'web', relative)).href);
    return { page, errors, dialogs };
  }

  const measure = (page: Page) =>
    page.evaluate(() => {
      const px = (element: Element | null) => (element ? Number.parseFloat(getComputedStyle(element).fontSize) : null);
      const check = document.querySelector('aside.check');
      const main = document.querySelector('main')!;
      const text = document.querySelector('.body p') ?? document.querySelector('.teaser');
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        h1: document.querySelectorAll('h1').length,
        h1Size: px(document.querySelector('h1')),
        lang: document.documentElement.lang,
        scripts: [...document.querySelectorAll('script')].map((script) => script.type),
        checkBackground: check ? getComputedStyle(check).backgroundColor : null,
        mainWidth: main.getBoundingClientRect().width,
        textWidth: text ? text.getBoundingClientRect().width : null,
        bodySize: px(document.querySelector('.body p')),
        lineHeight: document.querySelector('.body p') ? Number.parseFloat(getComputedStyle(document.querySelector('.body p')!).lineHeight) : null,
      };
    });

  for (const [name, relative] of [
    ['article', 'openai-amazon-cloud-deal/index.html'],
    ['article-image', 'ki-chips-wettruesten/index.html'],
    ['wide', 'breit/index.html'],
    ['archive', 'index.html'],
  ] as const) {
    for (const width of [320, 375, 1280, 1440]) {
      it(`${name} at ${width} px: no horizontal scroll, one h1, no script but the structured data`, async () => {
        const { page, errors } = await open(relative, width);
        const layout = await measure(page);
        if (width === 375 || width === 1280) await page.screenshot({ path: path.join(ARTEFACTS, `web-${name}-${width}.png`), fullPage: true });
        await page.close();
        expect(errors).toEqual([]);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.h1).toBe(1);
        expect(layout.lang).toBe('de');
        expect(layout.h1Size).toBe(width <= 480 ? 27 : 32);
        expect(layout.scripts).toEqual(name === 'archive' ? [] : ['application/ld+json']);
        // the column: 680 px at most, fluid below, text with side padding (32 px, 20 on phones)
        expect(layout.mainWidth).toBe(Math.min(680, width));
        if (layout.textWidth !== null) expect(layout.textWidth).toBe(Math.min(680, width) - 2 * (width <= 480 ? 20 : 32));
        if (name !== 'archive') {
          expect(layout.bodySize).toBe(18);
          expect(layout.lineHeight).toBeCloseTo(18 * 1.65, 1);
        }
        if (name === 'article') expect(layout.checkBackground).toBe('rgb(255, 225, 77)');
      });
    }
  }

  it('a hostile article stays inert in the browser: no dialog, no error, one (data) script, its text shown as text', async () => {
    for (const relative of ['hostile/index.html', 'index.html']) {
      const { page, errors, dialogs } = await open(relative, 375);
      const facts = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        frames: document.querySelectorAll('iframe, svg, object, embed').length,
        titles: [...document.querySelectorAll('h1, .archive h2')].map((heading) => heading.textContent ?? ''),
        structured: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null') as unknown,
      }));
      if (relative.startsWith('hostile')) await page.screenshot({ path: path.join(ARTEFACTS, 'web-hostile-375.png'), fullPage: true });
      await page.close();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(facts.frames).toBe(0);
      expect(facts.titles).toContain(HOSTILE_TITLE);
      if (relative.startsWith('hostile')) {
        expect(facts.scripts).toBe(1);
        expect((facts.structured as { '@graph': { headline?: string }[] })['@graph'][0]?.headline).toBe(HOSTILE_TITLE);
      } else {
        expect(facts.scripts).toBe(0);
      }
    }
  });

  it('the feed and the sitemap are well-formed XML to Chromium', async () => {
    const page = await browser.newPage();
    for (const name of ['feed.xml', 'sitemap.xml']) {
      const xml = await readFile(path.join(project.out, 'web', name), 'utf8');
      const parsed = await page.evaluate((text) => {
        const document = new DOMParser().parseFromString(text, 'application/xml');
        return { errors: document.getElementsByTagName('parsererror').length, root: document.documentElement.localName };
      }, xml);
      expect(parsed, name).toEqual({ errors: 0, root: name === 'feed.xml' ? 'feed' : 'urlset' });
    }
    await page.close();
  });
});
