import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { contrastRatio, toHex } from '../../src/check/contrast.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

const ARTEFACTS = path.join(REPO_ROOT, 'test-results');
const LOGO = 'https://example.com/brand/logo.png';
/** Stands in for the logo file, which the test serves itself (no network). */
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="72" viewBox="0 0 360 72"><rect width="360" height="72" fill="#111"/><text x="0" y="54" font-family="Helvetica, Arial, sans-serif" font-size="52" font-weight="800" fill="#fff" letter-spacing="4">PUNK</text><rect x="200" y="14" width="150" height="44" fill="#c2185b"/></svg>';

const hex = (rgb: string) => toHex((rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [number, number, number]);

const CONFIG = {
  brand: 'Business Punk',
  logo: { src: LOGO, alt: 'Business Punk', width: 180 },
  footer: {
    imprint: '**Business Punk Media GmbH**, Beispielstraße 1, 20095 Hamburg\n\nAmtsgericht Hamburg, HRB 123456 · Verantwortlich nach § 18 Abs. 2 MStV: Jane Doe · [Impressum](https://example.com/impressum)',
    social: [
      { name: 'LinkedIn', url: 'https://www.linkedin.com/company/example' },
      { name: 'Instagram', url: 'https://www.instagram.com/example' },
    ],
  },
};

async function open(browser: Browser, file: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route(LOGO, (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO_SVG }));
  await page.goto(pathToFileURL(file).href);
  return page;
}

describeBrowser('header logo and footer imprint in Chromium', () => {
  let browser: Browser;
  let branded: TempProject;
  let plain: TempProject;

  beforeAll(async () => {
    [branded, plain] = await Promise.all([makeProject({ articles: { 'a.md': article() }, config: CONFIG }), makeProject({ articles: { 'a.md': article() } })]);
    await Promise.all([build({ root: branded.root }), build({ root: plain.root })]);
    browser = await launchChromium();
    await mkdir(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([branded?.remove(), plain?.remove()]);
  });

  for (const width of [375, 600]) {
    it(`at ${width} px: the logo at its width in place of the brand text, the imprint and social links readable in the footer`, async () => {
      const page = await open(browser, path.join(branded.out, 'a.html'), width);
      const shown = await page.evaluate((logo) => {
        const image = document.querySelector<HTMLImageElement>(`img[src="${logo}"]`);
        const footer = [...document.querySelectorAll('td')].filter((cell) => /Amtsgericht Hamburg/.test(cell.textContent ?? '')).at(-1)!;
        const links = [...document.querySelectorAll('a')].filter((link) => /LinkedIn|Instagram|Impressum/.test(link.textContent ?? ''));
        let background: Element | null = footer;
        while (background && getComputedStyle(background).backgroundColor === 'rgba(0, 0, 0, 0)') background = background.parentElement;
        return {
          logo: image ? { width: image.getBoundingClientRect().width, alt: image.alt, loaded: image.complete && image.naturalWidth > 0 } : null,
          brandText: [...document.querySelectorAll('div')].some((div) => div.children.length === 0 && div.textContent?.trim() === 'BUSINESS PUNK' && div.getBoundingClientRect().top < 150),
          links: links.map((link) => ({ text: link.textContent, color: getComputedStyle(link).color })),
          footerBackground: background ? getComputedStyle(background).backgroundColor : null,
          imprintSize: getComputedStyle(footer.querySelector('p')!).fontSize,
          footerBox: background ? (({ x, y, width, height }) => ({ x, y: y + window.scrollY, width, height }))(background.getBoundingClientRect()) : null,
          scrollWidth: document.documentElement.scrollWidth,
        };
      }, LOGO);
      await page.screenshot({ path: path.join(ARTEFACTS, `header-logo-${width}.png`), clip: { x: 0, y: 0, width, height: 200 } });
      if (shown.footerBox) await page.screenshot({ path: path.join(ARTEFACTS, `footer-imprint-${width}.png`), clip: shown.footerBox, fullPage: true });
      await page.close();
      expect(shown.logo).toEqual({ width: 180, alt: 'Business Punk', loaded: true });
      expect(shown.brandText).toBe(false);
      expect(shown.links.map((link) => link.text)).toEqual(['LinkedIn', 'Instagram', 'Impressum']);
      for (const link of shown.links) expect(contrastRatio(hex(link.color), hex(shown.footerBackground ?? ''))).toBeGreaterThanOrEqual(4.5);
      expect(shown.imprintSize).toBe('12px');
      expect(shown.scrollWidth).toBeLessThanOrEqual(width);
    });
  }

  it('without a logo the brand name is the header, as text', async () => {
    const page = await open(browser, path.join(plain.out, 'a.html'), 600);
    const header = await page.evaluate(() => ({ images: document.querySelectorAll('img').length, text: document.body.innerText.split('\n').map((line) => line.trim()).find(Boolean) }));
    await page.screenshot({ path: path.join(ARTEFACTS, 'header-text-600.png'), clip: { x: 0, y: 0, width: 600, height: 160 } });
    await page.close();
    expect(header).toEqual({ images: 0, text: 'BUSINESS PUNK' });
  });

  it('the plain-text part carries the social links and the imprint', async () => {
    const text = await readFile(path.join(branded.out, 'a.txt'), 'utf8');
    expect(text).toContain('LinkedIn: https://www.linkedin.com/company/example\nInstagram: https://www.instagram.com/example');
    expect(text).toMatch(/Business Punk Media GmbH, Beispielstraße 1, 20095 Hamburg\n\nAmtsgericht Hamburg, HRB 123456 · Verantwortlich nach § 18 Abs\. 2 MStV: Jane\s+Doe · Impressum <https:\/\/example\.com\/impressum>\n$/);
  });
});
