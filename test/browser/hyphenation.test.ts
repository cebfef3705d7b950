import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { SOFT_HYPHEN } from '../../src/pipeline/hyphenate.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { article, makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

const LONG = 'Donaudampfschifffahrtsgesellschaft';
const BODY = [
  `Die ${LONG} meldet Rekordzahlen, laut [Rechenleistungsvergleich](https://example.com/rechenleistungsvergleich) und https://example.com/Rechenleistungsvergleich.`,
  '',
  '| Werkzeug | Einsatz | Preis |',
  '|---|---|---|',
  '| Notion | Projektdokumentation und Wissensmanagement | 10 Euro |',
  '| Monday.com | Projektmanagementsoftware für Arbeitsgruppen | 12 Euro |',
  '',
  '`Rechenleistungsvergleich` im Code.',
  '',
].join('\n');

describeBrowser('hyphenation in Chromium and in the outputs', () => {
  let browser: Browser;
  let project: TempProject;
  let html: string;

  beforeAll(async () => {
    const source = article(`preheader: Die ${LONG} im Vorschautext der Inbox, lang genug für die Regel`, BODY).replace('title: Testartikel', `title: ${LONG} auf Rekordkurs`);
    project = await makeProject({ articles: { 'lang.md': source } });
    await build({ root: project.root });
    html = await readFile(path.join(project.out, 'lang.html'), 'utf8');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  it('puts soft hyphens into the headline and body, never into the title, preheader, links, code or the text part', async () => {
    const text = await readFile(path.join(project.out, 'lang.txt'), 'utf8');
    expect(text).not.toContain(SOFT_HYPHEN);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe(`${LONG} auf Rekordkurs`);
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toContain(SOFT_HYPHEN);
    const preview = /<div style="display:none[^>]*>([^<]*)<\/div>/.exec(html)?.[1] ?? '';
    expect(preview.startsWith(`Die ${LONG} im Vorschautext`)).toBe(true);
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).not.toContain(SOFT_HYPHEN);
    expect(html).toContain('>https://example.com/Rechenleistungsvergleich</a>');
    expect(html).toMatch(/<code[^>]*>Rechenleistungsvergleich<\/code>/);
    expect(html).toContain(`Rechen${SOFT_HYPHEN}leis`);
  });

  it('breaks long words at 375 px only where a hyphen shows, never mid-word', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(pathToFileURL(path.join(project.out, 'lang.html')).href);
    const breaks = await page.evaluate(() => {
      // For every text in the headline, body and table: the characters before each line break.
      const found: { text: string; before: string }[] = [];
      const elements = document.querySelectorAll('h1, td.bp-body p, td.bp-body td, td.bp-body th');
      for (const element of elements) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let previousTop: number | undefined;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const data = node.textContent ?? '';
          for (let index = 0; index < data.length; index++) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            const rect = range.getClientRects()[0];
            if (!rect || rect.width === 0) continue;
            if (previousTop !== undefined && rect.top > previousTop + 2) found.push({ text: element.textContent ?? '', before: `${data.slice(Math.max(0, index - 12), index)}|${data.slice(index, index + 3)}` });
            previousTop = rect.top;
          }
        }
      }
      return { found, scrollWidth: document.documentElement.scrollWidth };
    });
    await mkdir(path.join(REPO_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'hyphenation-375.png'), fullPage: true });
    await page.close();
    expect(breaks.scrollWidth).toBeLessThanOrEqual(375);
    expect(breaks.found.length).toBeGreaterThan(3);
    // A line may end after a space, a hyphen or a soft hyphen (Chromium reports the letter after a taken soft
    // hyphen still on the line before it), or at the start of a link: anything else is a word broken without a
    // hyphen. The bare URL may break anywhere: it has no hyphenation points and must still fit.
    const atBreak = /(?:^|[\s\u00ad-]|\u00ad[^\s\u00ad])\|/;
    const midWord = breaks.found.filter(({ before }) => !atBreak.test(before) && !/ungsvergleic\|h/.test(before));
    expect(midWord).toEqual([]);
    expect(breaks.found.some(({ text, before }) => text.startsWith('Donau') && /\u00ad[^\s\u00ad]?\|/.test(before))).toBe(true); // the headline breaks at a soft hyphen
  });
});
