import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';
import { BASE } from '../web/site-helpers.js';

const ARTEFACTS = path.join(REPO_ROOT, 'test-results');

const story = (slug: string, title: string, lines: string, body: string) =>
  `---\ntitle: ${title}\nslug: ${slug}\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Was ${title} für Gründerinnen und Investoren bedeutet, in drei Minuten erklärt.\n${lines}\n---\n\n${body}`;
const FULL = story(
  'eins',
  'OpenAI und Amazon schließen den großen Cloud-Deal',
  'check: "**Unser Urteil:** Ein Deal, der die Machtverhältnisse in der Cloud verschiebt."\nfaq:\n  - question: Was bedeutet das für Start-ups?\n    answer: Mehr Rechenleistung, aber auch mehr Abhängigkeit.\nsources: [Handelsblatt, Reuters]',
  'Die Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsvorschrift gilt auch hier. Der Vertrag läuft sieben Jahre und umfasst 38 Milliarden Dollar.\n\n## Was dahintersteckt\n\nRechenzentren in Virginia und Oregon, Chips von Nvidia.\n',
);
const TEASER = story('zwei', 'Das Wettrüsten um KI-Chips', 'image: {src: "https://example.com/bild.jpg", alt: Ein Rechenzentrum, width: 1600, height: 900}', 'Der Text.\n');
const THIRD = story('drei', 'Warum Europas Gründer jetzt auf eigene Modelle setzen', '', 'Der Text.\n');
const EDITION = `---
subject: Die Woche in Tech – Cloud-Milliarden und Chip-Rennen
date: 2025-11-07
stories: [eins, zwei, drei]
---

Liebe Leserinnen und Leser, diese Woche geht es um **sehr viel Geld** und die Frage, wer die Rechenleistung der nächsten Jahre kontrolliert.
`;

describeBrowser('an edition page in Chromium', () => {
  let browser: Browser;
  let project: TempProject;

  beforeAll(async () => {
    project = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER, 'drei.md': THIRD }, config: { webBaseUrl: BASE } });
    await project.write('editions/woche.md', EDITION);
    const result = await build({ root: project.root });
    if (result.problems.length > 0) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    browser = await launchChromium();
    await mkdir(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  for (const width of [320, 375, 1280]) {
    it(`at ${width} px: no horizontal scroll, one h1, story headlines smaller than it, the check box as highlight`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(path.join(project.out, 'web', 'editions', 'woche', 'index.html')).href);
      const layout = await page.evaluate(() => {
        const px = (selector: string) => Number.parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          h1: document.querySelectorAll('h1').length,
          h1Size: px('h1'),
          storySize: px('h2.story-title'),
          stories: document.querySelectorAll('article.story').length,
          checkBackground: getComputedStyle(document.querySelector('aside.check')!).backgroundColor,
          scripts: document.querySelectorAll('script').length,
        };
      });
      if (width === 375 || width === 1280) await page.screenshot({ path: path.join(ARTEFACTS, `web-edition-${width}.png`), fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.h1).toBe(1);
      expect(layout.h1Size).toBe(width <= 480 ? 27 : 32);
      expect(layout.storySize).toBeLessThan(layout.h1Size);
      expect(layout.stories).toBe(3);
      expect(layout.checkBackground).toBe('rgb(255, 225, 77)');
      expect(layout.scripts).toBe(0);
    });
  }
});
