import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { describeBrowser, launchChromium } from '../helpers/chromium.js';
import { makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';

const ARTEFACTS = path.join(REPO_ROOT, 'test-results');
const CHIPS = 'articles/ki-chips-wettruesten.md';

describeBrowser('preview pages in Chromium', () => {
  let browser: Browser;
  let project: TempProject;
  let preview: PreviewServer;

  beforeAll(async () => {
    project = await makeProject({ samples: true });
    preview = await startPreview({ root: project.root, port: 0, smtpPort: 0, env: {} });
    browser = await launchChromium();
    await mkdir(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await project?.remove();
  });

  /** A page that records uncaught errors and never leaves the machine (the sample images are on example.com). */
  async function open(width: number, pathname: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    await page.goto(new URL(pathname, preview.url).href);
    return { page, errors };
  }

  const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  /** Wait until the email frame has loaded and been sized to its content. */
  const frameReady = (page: Page) =>
    page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.email-frame');
      const doc = frame?.contentDocument;
      return !!frame && !!doc && doc.readyState === 'complete' && doc.URL !== 'about:blank' && frame.style.height !== '' && frame.style.height !== '0px';
    });

  for (const width of [1280, 375]) {
    it(`index at ${width} px: every newsletter, no horizontal scroll, no page errors`, async () => {
      const { page, errors } = await open(width, '/');
      expect(await page.locator('a.title').count()).toBe(2);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(ARTEFACTS, `preview-index-${width}.png`), fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
    });
  }

  it('viewer: desktop, then mobile, dark and text views at 375 px without horizontal scroll', async () => {
    const { page, errors } = await open(1280, '/');
    await page.click('a.title >> nth=0');
    await frameReady(page);
    expect(await page.title()).toContain('Schaufeln für den Goldrausch');
    const desktopWidth = await page.evaluate(() => document.querySelector('iframe.email-frame')!.getBoundingClientRect().width);
    expect(desktopWidth).toBeGreaterThanOrEqual(600);
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-viewer-desktop-1280.png'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.click('a.tab[data-view="mobile"]');
    await frameReady(page);
    expect(page.url()).toContain('view=mobile');
    const mobile = await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.email-frame')!;
      const doc = frame.contentDocument!;
      return { frame: frame.getBoundingClientRect().width, emailOverflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth };
    });
    expect(mobile.frame).toBeLessThanOrEqual(375);
    expect(mobile.emailOverflow).toBeLessThanOrEqual(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-viewer-mobile-375.png'), fullPage: true });

    await page.click('a.tab[data-view="dark"]');
    await frameReady(page);
    const paper = await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe.email-frame')!.contentDocument!;
      return getComputedStyle(doc.querySelector('.bp-paper')!).backgroundColor;
    });
    expect(paper).toBe('rgb(28, 27, 25)'); // the template's dark-mode paper colour
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-viewer-dark-375.png'), fullPage: true });

    await page.click('a.tab[data-view="text"]');
    expect(await page.locator('pre.plain-text').first().textContent()).toContain('BUSINESS PUNK CHECK');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-viewer-text-375.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('updates an open viewer by itself when the article is saved, keeping the scroll position', async () => {
    const { page, errors } = await open(1280, '/view/ki-chips-wettruesten');
    await frameReady(page);
    await page.waitForFunction(() => document.querySelector('[data-live-status]')?.textContent === 'live');
    await page.evaluate(() => window.scrollTo(0, 1200));
    const file = path.join(project.root, CHIPS);
    const before = await readFile(file, 'utf8');
    try {
      await writeFile(file, before.replace('Schaufeln für den Goldrausch', 'Live neu geladen'));
      await page.waitForFunction(
        () => document.querySelector<HTMLIFrameElement>('iframe.email-frame')?.contentDocument?.body?.textContent?.includes('Live neu geladen') === true,
        undefined,
        { timeout: 10_000 },
      );
      expect(await page.locator('h1').first().textContent()).toContain('Live neu geladen');
      await frameReady(page);
      expect(await page.evaluate(() => window.scrollY)).toBe(1200);
    } finally {
      await writeFile(file, before);
    }
    await page.close();
    expect(errors).toEqual([]);
  });

  it('sends a test from the form and shows it in the inbox', async () => {
    const { page, errors } = await open(1280, '/view/openai-amazon-cloud-deal');
    await page.fill('#send-to', 'redaktion@example.com');
    await page.click('.send-form button[type="submit"]');
    expect(await page.locator('.notice-ok').first().textContent()).toContain('Gesendet an redaktion@example.com');
    await frameReady(page);
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-viewer-sent-1280.png') });
    await page.click('.notice-ok a[href="/inbox"]');
    expect(await page.locator('.messages .col-subject a').first().textContent()).toContain('OpenAI löst sich von Microsoft');
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-inbox-1280.png') });
    await page.click('.messages .col-subject a >> nth=0');
    await frameReady(page);
    const subject = await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe.email-frame')!.contentDocument!.querySelector('h1')?.textContent);
    expect(subject).toContain('OpenAI löst sich von Microsoft');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'preview-message-375.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  });
});
