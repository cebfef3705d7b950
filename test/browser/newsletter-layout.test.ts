import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

const ARTEFACTS = path.join(REPO_ROOT, 'test-results');

describeBrowser('newsletter layout in Chromium', () => {
  let browser: Browser;
  let project: TempProject;

  beforeAll(async () => {
    project = await makeProject({ samples: true });
    await build({ root: project.root });
    browser = await launchChromium();
    await mkdir(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  for (const slug of ['openai-amazon-cloud-deal', 'ki-chips-wettruesten']) {
    for (const width of [375, 600, 1024]) {
      it(`${slug} at ${width} px: no horizontal scroll, check box set apart, no page errors`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(pathToFileURL(path.join(project.out, `${slug}.html`)).href);
        const layout = await page.evaluate(() => {
          const heading = [...document.querySelectorAll('h2')].find((element) => /business punk check/i.test(element.textContent ?? ''));
          let box: Element | null | undefined = heading;
          while (box && getComputedStyle(box).backgroundColor === 'rgba(0, 0, 0, 0)') box = box.parentElement;
          const paper = getComputedStyle(document.querySelector('h1')!.closest('div[style*="background"]')!).backgroundColor;
          const faq = document.querySelectorAll('h3').length;
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            boxBackground: box ? getComputedStyle(box).backgroundColor : null,
            paper,
            faq,
            h1: document.querySelectorAll('h1').length,
            lang: document.documentElement.lang,
          };
        });
        await page.screenshot({ path: path.join(ARTEFACTS, `newsletter-${slug}-${width}.png`), fullPage: true });
        await page.close();
        expect(errors).toEqual([]);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.boxBackground).toBe('rgb(255, 225, 77)');
        expect(layout.boxBackground).not.toBe(layout.paper);
        expect(layout.h1).toBe(1);
        expect(layout.lang).toBe('de');
        expect(layout.faq).toBeGreaterThanOrEqual(2);
      });
    }
  }

  it('uses the narrow-screen side padding at 375 px', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(pathToFileURL(path.join(project.out, 'openai-amazon-cloud-deal.html')).href);
    const left = await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().left);
    await page.close();
    expect(left).toBe(20);
  });
});
