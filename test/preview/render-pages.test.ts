import { describe, expect, it } from 'vitest';
import type { PreviewNewsletter } from '../../src/preview/preview-state.js';
import { escapeHtml, html } from '../../src/html.js';
import { renderDarkEmail } from '../../src/preview/render-dark-email.js';
import { renderIndexPage } from '../../src/preview/render-index-page.js';
import { renderInboxPage } from '../../src/preview/render-inbox-page.js';
import { groupProblems } from '../../src/preview/render-problems.js';
import { renderViewerPage } from '../../src/preview/render-viewer-page.js';
import { budgetLevel } from '../../src/preview/size-budget.js';
import type { CheckFinding } from '../../src/check/types.js';
import type { CaughtMessage } from '../../src/preview/inbox.js';
import { previewText } from '../../src/preview/preview-text.js';

const EN = previewText('en');
const DE = previewText('de');
const EVIL = '<script>alert(1)</script>"\'&';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;';

const newsletter = (overrides: Partial<PreviewNewsletter> = {}): PreviewNewsletter => ({
  file: 'articles/a.md',
  slug: 'a',
  title: 'Titel',
  subject: 'Titel',
  preheader: 'Die Vorschauzeile',
  category: 'Tech & Trends',
  date: '2025-11-04',
  draft: false,
  htmlFile: '/p/out/a.html',
  textFile: '/p/out/a.txt',
  htmlBytes: 30_000,
  textBytes: 2_000,
  builtAt: null,
  findings: [],
  ...overrides,
});

describe('html', () => {
  it('escapes every interpolated value and nothing already safe', () => {
    expect(escapeHtml(EVIL)).toBe(ESCAPED);
    expect(html`<p title="${EVIL}">${EVIL}${html`<b>ok</b>`}${[EVIL, html`<i/>`]}${null}${false}${0}</p>`.value).toBe(
      `<p title="${ESCAPED}">${ESCAPED}<b>ok</b>${ESCAPED}<i/>0</p>`,
    );
  });
});

describe('renderIndexPage', () => {
  const render = (overrides: Partial<Parameters<typeof renderIndexPage>[0]> = {}) =>
    renderIndexPage({ newsletters: [newsletter()], failing: new Set(), problems: [], lastBuild: null, articlesDir: 'articles', inboxCount: 0, assetVersion: 'v1', words: EN, ...overrides });

  it('escapes article text, file names and problems', () => {
    const page = render({
      newsletters: [newsletter({ title: EVIL, category: EVIL, file: `articles/${EVIL}.md` })],
      problems: [{ problem: { file: EVIL, line: 3, message: EVIL }, articles: [EVIL] }],
    });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain(`<a class="title" href="/view/a">${ESCAPED}</a>`);
    expect(page).toContain(`<code class="location">${ESCAPED}:3</code>`);
  });

  it('marks drafts, failing articles and the Gmail budget', () => {
    const page = render({ newsletters: [newsletter({ draft: true, htmlBytes: 95_000 })], failing: new Set(['articles/a.md']) });
    expect(page).toContain('badge-draft');
    expect(page).toContain('badge-error');
    expect(page).toContain('size-warning');
  });

  it('counts the check findings, listing them on hover', () => {
    const finding = (severity: CheckFinding['severity'], message: string): CheckFinding => ({ file: 'articles/a.md', slug: 'a', rule: 'inbox/subject-length', severity, message });
    const page = render({ newsletters: [newsletter({ findings: [finding('warning', 'long subject'), finding('warning', EVIL), finding('error', 'clipped'), finding('info', 'fyi')] })] });
    expect(page).toContain(`<span class="badge badge-warning" title="long subject [inbox/subject-length]\n${ESCAPED} [inbox/subject-length]">2 warnings</span>`);
    expect(page).toContain('<span class="badge badge-error" title="clipped [inbox/subject-length]">1 error</span>');
    expect(render()).toContain('<span class="none" title="No warnings">0</span>');
  });

  it('says where to add articles when there are none', () => {
    expect(render({ newsletters: [] })).toContain('Add a Markdown article to <code>articles/</code>');
  });
});

describe('renderViewerPage', () => {
  const render = (overrides: Partial<Parameters<typeof renderViewerPage>[0]> = {}) =>
    renderViewerPage({
      newsletter: newsletter(),
      view: 'desktop',
      text: null,
      inboxLine: { senderName: 'Business Punk', senderAddress: 'newsletter@example.com', subject: 'Titel', preheader: 'Vorschau', dateLabel: '4. Nov.' },
      problems: [],
      send: null,
      inboxCount: null,
      assetVersion: 'v1',
      words: EN,
      ...overrides,
    });

  it('escapes the plain text, the inbox line and send errors', () => {
    const page = render({
      view: 'text',
      text: EVIL,
      inboxLine: { senderName: EVIL, senderAddress: EVIL, subject: EVIL, preheader: EVIL, dateLabel: EVIL },
      send: { recipients: EVIL, target: { kind: 'smtp', server: EVIL }, outcome: { ok: false, message: EVIL } },
    });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain(`<pre class="plain-text">${ESCAPED}</pre>`);
    expect(page).toContain(`<div class="mail-subject">${ESCAPED}</div>`);
    expect(page).toContain(`role="alert">${ESCAPED}</p>`);
  });

  it.each([
    ['desktop', 'src="/email/a.html"'],
    ['mobile', 'class="stage stage-mobile"'],
    ['dark', 'src="/dark/a.html"'],
    ['text', '<pre class="plain-text">'],
  ] as const)('%s view', (view, marker) => {
    const page = render({ view, text: 'Text' });
    expect(page).toContain(marker);
    expect(page).toContain(`data-view="${view}" title=`);
    expect(page).toMatch(new RegExp(`data-view="${view}" title="[^"]*" aria-current="page"`));
  });

  it('lists the check findings, errors first, naming other files', () => {
    const findings: CheckFinding[] = [
      { file: 'articles/a.md', slug: 'a', rule: 'inbox/subject-length', severity: 'warning', message: 'long subject' },
      { file: 'templates/layout.mjml.hbs', line: 4, slug: null, rule: 'clients/unsupported-feature', severity: 'error', message: EVIL },
    ];
    const page = render({ newsletter: newsletter({ findings }) });
    expect(page.indexOf(ESCAPED)).toBeLessThan(page.indexOf('long subject'));
    expect(page).toContain('<code>templates/layout.mjml.hbs:4</code>');
    expect(render()).toContain('npm run check</code> passes');
  });

  it('reloads for its own article only', () => {
    expect(render()).toContain('data-reload="article" data-slug="a" data-file="articles/a.md"');
  });
});

describe('renderInboxPage', () => {
  it('escapes caught mail, which anyone on this machine can send', () => {
    const message: CaughtMessage = {
      id: '1',
      receivedAt: new Date(),
      envelope: { from: EVIL, to: [EVIL] },
      from: EVIL,
      to: EVIL,
      subject: EVIL,
      html: EVIL,
      text: EVIL,
      headerLines: [EVIL],
      raw: Buffer.from(EVIL),
    };
    const page = renderInboxPage({ messages: [message], address: 'smtp://127.0.0.1:2525', limit: 200, assetVersion: 'v1', words: EN });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain(`<a href="/inbox/1">${ESCAPED}</a>`);
  });
});

describe('groupProblems', () => {
  it('shows a problem shared by several articles once, with the articles it affects', () => {
    const shared = { file: 'templates/layout.mjml.hbs', line: 2, message: 'bad' };
    const groups = groupProblems([], new Map([['articles/a.md', [shared]], ['articles/b.md', [{ ...shared }, { file: 'articles/b.md', line: 1, message: 'own' }]]]));
    expect(groups).toEqual([
      { problem: shared, articles: ['articles/a.md', 'articles/b.md'] },
      { problem: { file: 'articles/b.md', line: 1, message: 'own' }, articles: ['articles/b.md'] },
    ]);
  });
});

describe('renderDarkEmail', () => {
  it('switches the dark rules on and light-only rules off', () => {
    const email = '<html lang="de"><style>@media (prefers-color-scheme: dark) { a { color: red } } @media screen and ( prefers-color-scheme:light ) { b {} }</style></html>';
    expect(renderDarkEmail(email)).toBe('<html style="color-scheme: dark" lang="de"><style>@media (min-width: 0px) { a { color: red } } @media screen and (max-width: -1px) { b {} }</style></html>');
  });
});

describe('size budget', () => {
  it.each([
    [50_000, 'ok'],
    [92_161, 'warning'],
    [102_400, 'warning'],
    [102_401, 'clipped'],
  ] as const)('%i bytes: %s', (bytes, level) => {
    expect(budgetLevel(bytes)).toBe(level);
  });
});

describe('the preview speaks the project\'s language', () => {
  it('German by default: the index, the viewer and its send form', () => {
    const index = renderIndexPage({ newsletters: [newsletter()], failing: new Set(), problems: [], lastBuild: null, articlesDir: 'articles', inboxCount: 0, assetVersion: 'v1', words: DE });
    expect(index).toContain('<html lang="de">');
    expect(index).toContain('<th scope="col">HTML-Größe</th><th scope="col">Warnungen</th>');
    expect(index).toContain('Newsletter-Vorschau');
    const viewer = renderViewerPage({
      newsletter: newsletter(),
      view: 'desktop',
      text: null,
      inboxLine: { senderName: 'Business Punk', senderAddress: 'newsletter@example.com', subject: 'Titel', preheader: 'Vorschau', dateLabel: '4. Nov.' },
      problems: [],
      send: { recipients: '', target: { kind: 'inbox', address: 'smtp://127.0.0.1:2525' }, outcome: { ok: false, message: DE.notAnAddress('kaputt') } },
      inboxCount: 0,
      assetVersion: 'v1',
      words: DE,
    });
    for (const words of ['Im Posteingang', 'Test senden', '<label for="send-to">An</label>', 'Betreff', '5 Zeichen', 'Prüfungen', 'Mobil']) expect(viewer).toContain(words);
    expect(viewer).toContain('„kaputt“ ist keine E-Mail-Adresse: schreiben Sie sie als name@example.com');
    expect(viewer).not.toMatch(/--to|Send a test|In the inbox/);
  });

  it('has every word in both languages, and no empty one', () => {
    const keys = (words: object) => Object.keys(words).sort();
    expect(keys(DE)).toEqual(keys(EN));
    for (const words of [DE, EN]) for (const value of Object.values(words)) if (typeof value === 'string') expect(value.trim()).not.toBe('');
  });
});
