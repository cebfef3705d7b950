import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { contrastRatio, toHex } from '../../src/check/contrast.js';
import { PREVIEW_LENGTH } from '../../src/pipeline/render-view.js';
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

  /** `rgb(28, 27, 25)` → `#1c1b19` */
  const hex = (rgb: string) => toHex((rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [number, number, number]);

  for (const [width, headline] of [[375, '27px'], [600, '32px']] as const) {
    it(`sets the headline at ${headline} at ${width} px, as computed by Chromium`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(path.join(project.out, 'ki-chips-wettruesten.html')).href);
      const size = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize);
      await page.close();
      expect(size).toBe(headline);
    });
  }

  it('gives the check box text at least 85 % of the body text width at 375 px', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(pathToFileURL(path.join(project.out, 'openai-amazon-cloud-deal.html')).href);
    const widths = await page.evaluate(() => ({
      body: document.querySelector('td.bp-body div')!.getBoundingClientRect().width,
      check: document.querySelector('td.bp-check-body div')!.getBoundingClientRect().width,
    }));
    await page.close();
    expect(widths.body).toBe(335);
    expect(widths.check / widths.body).toBeGreaterThanOrEqual(0.85);
  });

  for (const slug of ['openai-amazon-cloud-deal', 'ki-chips-wettruesten']) for (const width of [375, 600]) {
    it(`${slug} in dark mode at ${width} px: every text reaches 4.5:1 and the button and check box frame 3:1 against the dark paper`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'dark' });
      await page.goto(pathToFileURL(path.join(project.out, `${slug}.html`)).href);
      const colours = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const backgroundOf = (element: Element) => {
          for (let node: Element | null = element; node; node = node.parentElement) {
            const background = getComputedStyle(node).backgroundColor;
            if (background !== 'rgba(0, 0, 0, 0)') return background;
          }
          return 'rgb(255, 255, 255)';
        };
        const texts = [...document.querySelectorAll('td.bp-text p, td.bp-text li, td.bp-text h1, td.bp-text h2, td.bp-text h3, td.bp-text a, td.bp-muted p, td.bp-muted a, td.bp-kicker p, td.bp-check h2, td.bp-check p, td.bp-button a')]
          .filter((element) => element.textContent?.trim())
          .map((element) => ({ text: element.textContent!.trim().slice(0, 30), color: getComputedStyle(element).color, background: backgroundOf(element) }));
        const frame = document.querySelector('div.bp-check > table > tbody > tr > td')!;
        return {
          texts,
          paper: backgroundOf(document.querySelector('h1')!),
          button: document.querySelector('td.bp-button td') ? style('td.bp-button td').backgroundColor : null,
          frame: getComputedStyle(frame).borderTopColor,
          sourceLink: document.querySelector('td.bp-muted a') ? getComputedStyle(document.querySelector('td.bp-muted a')!).color : null,
        };
      });
      await page.screenshot({ path: path.join(ARTEFACTS, `newsletter-${slug}-${width}-dark.png`), fullPage: true });
      await page.close();
      expect(hex(colours.paper)).toBe('#1c1b19');
      expect(colours.texts.length).toBeGreaterThan(20);
      const failing = colours.texts.filter(({ color, background }) => contrastRatio(hex(color), hex(background)) < 4.5);
      expect(failing).toEqual([]);
      if (colours.button) expect(contrastRatio(hex(colours.button), hex(colours.paper))).toBeGreaterThanOrEqual(3);
      expect(colours.button !== null || slug === 'openai-amazon-cloud-deal').toBe(true); // the sample without a web link has no button
      expect(contrastRatio(hex(colours.frame), hex(colours.paper))).toBeGreaterThanOrEqual(3);
      if (colours.sourceLink) expect(contrastRatio(hex(colours.sourceLink), hex(colours.paper))).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('hides the preheader from every client (mso-hide:all) and fills the preview up to about 150 characters', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    await page.goto(pathToFileURL(path.join(project.out, 'ki-chips-wettruesten.html')).href);
    const preview = await page.evaluate(() => {
      const hidden = document.body.querySelector('div[style*="display:none"]')!;
      return { style: hidden.getAttribute('style'), visible: hidden.getBoundingClientRect().height, bodyText: document.body.textContent!.replace(/\s+/g, ' ').trim() };
    });
    await page.close();
    const preheader = 'Nvidia, AMD, Broadcom, Amazon: Wer an OpenAIs Billionen-Plan für Rechenleistung sicher verdient.';
    expect(preview.style).toContain('mso-hide:all');
    expect(preview.visible).toBe(0);
    // what an inbox shows as the preview: the preheader, then only invisible filler up to 150 characters
    const first = [...preview.bodyText].slice(0, PREVIEW_LENGTH).join('');
    expect(first.startsWith(preheader)).toBe(true);
    expect(first.slice(preheader.length)).toMatch(/^[\u034f\u200c\u00a0 ]+$/);
    expect(preview.bodyText.indexOf('BUSINESS PUNK')).toBeGreaterThan(PREVIEW_LENGTH);
  });

  for (const [width, reserved] of [[600, 302], [375, 189]] as const) {
    it(`reserves the lead image's place at ${width} px and shows its alt text there in a styled box while images are blocked`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.route(/\.(jpe?g|png|gif)$/, (route) => route.abort());
      await page.goto(pathToFileURL(path.join(project.out, 'ki-chips-wettruesten.html')).href);
      const image = await page.evaluate(() => {
        const element = document.querySelector('img')!;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return { width: box.width, height: box.height, attributes: [element.getAttribute('width'), element.getAttribute('height')], font: style.fontFamily, color: style.color, background: style.backgroundColor };
      });
      await page.close();
      // ki-chips-wettruesten.md gives the file's size, 1600 × 900: 536 × 302 in the column, scaled on phones
      expect(image.attributes).toEqual(['536', '302']);
      expect(image.width).toBe(width === 600 ? 536 : 335);
      expect(Math.round(image.height)).toBe(reserved);
      expect(image.font).toMatch(/Helvetica/);
      expect(hex(image.color)).toBe('#5c5c5c');
      expect(hex(image.background)).toBe('#e3ddd2');
      expect(contrastRatio(hex(image.color), hex(image.background))).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('uses the narrow-screen side padding at 375 px', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(pathToFileURL(path.join(project.out, 'openai-amazon-cloud-deal.html')).href);
    const left = await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().left);
    await page.close();
    expect(left).toBe(20);
  });
});
