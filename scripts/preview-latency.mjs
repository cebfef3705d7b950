#!/usr/bin/env node
/* global process, performance, URL, setTimeout, document, window, HTMLIFrameElement -- Node, and the browser inside page callbacks */
// Save-to-updated-page latency of `npm run preview`, measured in real headless Chromium.
//
//   npm run prepare && node scripts/preview-latency.mjs [--saves 20] [--json]
//
// Copies the sample project to a temp folder, starts the preview there (free ports), opens a
// viewer page and then, for each save, writes the article with a new headline and waits until
// the page has reloaded by itself and the email frame shows it. Latency = from just before the
// write to the email frame's load event (both on this machine's clock). Also splits the time
// into detection (file watcher and debounce), build, and browser (page update until the frame has loaded).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startPreview } from '../dist/preview/server.js';

const { values: flags } = parseArgs({ options: { saves: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } } });
const saves = Number(flags.saves);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const slug = 'ki-chips-wettruesten';
const title = 'Schaufeln für den Goldrausch';

const root = await mkdtemp(path.join(os.tmpdir(), 'preview-latency-'));
await cp(path.join(repo, 'articles'), path.join(root, 'articles'), { recursive: true });
await cp(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
const articleFile = path.join(root, 'articles', `${slug}.md`);
const original = await readFile(articleFile, 'utf8');

const rebuilds = [];
const startedAt = performance.now();
const preview = await startPreview({ root, port: 0, smtpPort: null, env: {}, onEvent: (event) => event.type === 'rebuilt' && rebuilds.push({ at: Date.now(), durationMs: event.report.durationMs }) });
const startMs = performance.now() - startedAt;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  // The sample images live on example.com: resolve no host but loopback, so nothing leaves the machine
  // and no request waits on the network (faster and steadier than intercepting each request).
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Note when an email frame finishes loading, and which "Messung N" headline it shows.
  await page.addInitScript(() => {
    document.addEventListener(
      'load',
      (event) => {
        const frame = event.target;
        if (!(frame instanceof HTMLIFrameElement)) return;
        const match = /Messung (\d+)/.exec(frame.contentDocument?.body?.textContent ?? '');
        if (match) window.__frameLoaded = { save: Number(match[1]), at: Date.now() };
      },
      true,
    );
  });
  await page.goto(new URL(`/view/${slug}`, preview.url).href);
  await page.waitForFunction(() => document.querySelector('[data-live-status]')?.textContent === 'live');
  await new Promise((resolve) => setTimeout(resolve, 1000)); // as an editor would: look at the page before the first save

  for (let save = 1; save <= saves; save++) {
    const before = rebuilds.length;
    const wroteAt = Date.now();
    await writeFile(articleFile, original.replace(title, `Messung ${save}`));
    const seen = await page.waitForFunction((n) => window.__frameLoaded?.save === n && window.__frameLoaded, save, { timeout: 10_000 }).then((handle) => handle.jsonValue());
    const rebuild = rebuilds.slice(before).find((entry) => entry.at <= seen.at) ?? rebuilds[before];
    results.push({
      save,
      totalMs: seen.at - wroteAt,
      detectMs: rebuild ? rebuild.at - rebuild.durationMs - wroteAt : NaN,
      buildMs: rebuild ? rebuild.durationMs : NaN,
      browserMs: rebuild ? seen.at - rebuild.at : NaN,
    });
    await new Promise((resolve) => setTimeout(resolve, 250)); // let the watcher settle between saves
  }
} finally {
  await browser.close();
  await preview.close();
  await rm(root, { recursive: true, force: true });
}

const stats = (key) => {
  const sorted = results.map((result) => result[key]).sort((a, b) => a - b);
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
  return { min: sorted[0], median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
};
const summary = {
  saves,
  startMs: Math.round(startMs),
  firstSaveMs: results[0]?.totalMs,
  totalMs: stats('totalMs'),
  detectMs: stats('detectMs'),
  buildMs: stats('buildMs'),
  browserMs: stats('browserMs'),
  targetMs: 300,
};
if (flags.json) {
  process.stdout.write(`${JSON.stringify({ summary, results }, null, 2)}\n`);
} else {
  const row = (name, value) => `${name.padEnd(34)}${['min', 'median', 'p90', 'max'].map((key) => `${Math.round(value[key])}`.padStart(8)).join('')}\n`;
  process.stdout.write(`Preview save-to-updated-page latency, ${saves} saves of one article, ${os.cpus().length} cores, Node ${process.version}\n`);
  process.stdout.write(`preview start (build + MJML warm-up): ${summary.startMs} ms; first save after start: ${summary.firstSaveMs} ms\n\n`);
  process.stdout.write(`${''.padEnd(34)}${['min', 'median', 'p90', 'max'].map((key) => key.padStart(8)).join('')}\n`);
  process.stdout.write(row('save → email frame loaded (ms)', summary.totalMs));
  process.stdout.write(row('  watcher + debounce (ms)', summary.detectMs));
  process.stdout.write(row('  build of the article (ms)', summary.buildMs));
  process.stdout.write(row('  page update + frame load (ms)', summary.browserMs));
  process.stdout.write(`\ntarget: under ${summary.targetMs} ms → ${summary.totalMs.p90 < summary.targetMs ? 'met' : 'MISSED'} at p90\n`);
}
