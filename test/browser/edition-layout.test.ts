import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

const ARTEFACTS = path.join(REPO_ROOT, 'test-results');
const article = (lines: string, body: string) => `---\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein Teaser, der in zwei Sätzen sagt, worum es geht. Und warum es wichtig ist.\n${lines}\n---\n\n${body}`;
const TITLES = [
  'Bundesdatenschutzbeauftragte prüft Kreditkartenzahlungsabwicklung der Rechenzentrumsbetreiber',
  'Chips für alle: wer am Wettrüsten verdient',
  'Donaudampfschifffahrtsgesellschaftskapitäne entdecken künstliche Intelligenz',
];

describeBrowser('edition layout in Chromium', () => {
  let browser: Browser;
  let project: TempProject;
  let file: string;

  beforeAll(async () => {
    project = await makeProject({
      articles: {
        'eins.md': article(`title: ${TITLES[0]}\nslug: eins\nurl: https://example.com/eins\ncheck: Ein **klares** Urteil.\nfaq:\n  - question: Was heißt das?\n    answer: Eine Antwort.\nsources: [Handelsblatt]`, 'Ein Absatz.\n\n## Zwischentitel\n\nNoch ein Absatz mit einem Wort wie Datenschutzgrundverordnungsanpassungsgesetz.\n'),
        'zwei.md': article(`title: "${TITLES[1]}"\nslug: zwei\nurl: https://example.com/zwei\nimage: {src: "https://example.com/bild.jpg", alt: Ein Rechenzentrum, width: 1600, height: 900}`, 'Text.\n'),
        'drei.md': article(`title: ${TITLES[2]}\nslug: drei\nurl: https://example.com/drei`, 'Text.\n'),
      },
    });
    await project.write('editions/woche.md', '---\nsubject: Die Woche mit Rechenzentrumsbetreibern und Donaudampfschiffen\ndate: 2025-11-07\npreheader: Drei Geschichten über Rechenleistung, die Sie kennen sollten.\nstories: [eins, zwei, drei]\n---\n\nLiebe Leserinnen und Leser, willkommen.\n');
    const result = await build({ root: project.root });
    expect(result.problems).toEqual([]);
    file = pathToFileURL(path.join(project.out, 'editions/woche.html')).href;
    browser = await launchChromium();
    await mkdir(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  for (const width of [375, 600]) {
    it(`at ${width} px: no horizontal scroll, every story title visible in the contents and as a headline, no page errors`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(file);
      const layout = await page.evaluate(() => {
        const visible = (element: Element) => {
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          return box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= window.innerWidth && style.visibility !== 'hidden' && style.display !== 'none';
        };
        const text = (element: Element) => (element.textContent ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          contents: [...document.querySelectorAll('a[href^="#story-"]')].filter(visible).map(text),
          headlines: [...document.querySelectorAll('h2')].filter(visible).map(text),
          h1: [...document.querySelectorAll('h1')].map(text),
          contentsHeading: [...document.querySelectorAll('h2')].some((element) => /die themen heute/i.test(element.textContent ?? '') && visible(element)),
          readMore: [...document.querySelectorAll('a')].filter((element) => /Weiterlesen/.test(element.textContent ?? '') && visible(element)).length,
        };
      });
      await page.screenshot({ path: path.join(ARTEFACTS, `edition-${width}.png`), fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.contents).toEqual(TITLES);
      for (const title of TITLES) expect(layout.headlines).toContain(title);
      expect(layout.h1).toEqual(['Die Woche mit Rechenzentrumsbetreibern und Donaudampfschiffen']);
      expect(layout.contentsHeading).toBe(true);
      expect(layout.readMore).toBe(2);
    });
  }

  it('jumps to a story from the contents', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(file);
    await page.click('a[href="#story-zwei"]');
    await page.waitForFunction(() => window.scrollY > 0);
    const top = await page.evaluate(() => document.querySelector('a[name="story-zwei"]')?.getBoundingClientRect().top ?? -1);
    await page.close();
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(50);
  });
});
