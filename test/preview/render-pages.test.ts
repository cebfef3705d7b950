import { describe, expect, it } from 'vitest';
import type { PreviewNewsletter } from '../../src/preview/preview-state.js';
import { escapeHtml, html } from '../../src/preview/html.js';
import { renderDarkEmail } from '../../src/preview/render-dark-email.js';
import { renderIndexPage } from '../../src/preview/render-index-page.js';
import { renderInboxPage } from '../../src/preview/render-inbox-page.js';
import { groupProblems } from '../../src/preview/render-problems.js';
import { renderViewerPage } from '../../src/preview/render-viewer-page.js';
import { budgetLevel, newsletterWarnings } from '../../src/preview/size-budget.js';
import type { CaughtMessage } from '../../src/preview/inbox.js';

const EVIL = '<script>alert(1)</script>"\'&';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;';

const newsletter = (overrides: Partial<PreviewNewsletter> = {}): PreviewNewsletter => ({
  file: 'articles/a.md',
  slug: 'a',
  title: 'Titel',
  category: 'Tech & Trends',
  date: '2025-11-04',
  draft: false,
  htmlFile: '/p/out/a.html',
  textFile: '/p/out/a.txt',
  htmlBytes: 30_000,
  textBytes: 2_000,
  builtAt: null,
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
    renderIndexPage({ newsletters: [newsletter()], failing: new Set(), problems: [], lastBuild: null, articlesDir: 'articles', inboxCount: 0, assetVersion: 'v1', ...overrides });

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
    expect(page).toContain('<span class="badge badge-warning"');
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
    const page = renderInboxPage({ messages: [message], address: 'smtp://127.0.0.1:2525', limit: 200, assetVersion: 'v1' });
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
    [50_000, 'ok', 0],
    [92_161, 'warning', 1],
    [102_400, 'warning', 1],
    [102_401, 'clipped', 1],
  ] as const)('%i bytes: %s', (bytes, level, warnings) => {
    expect(budgetLevel(bytes)).toBe(level);
    expect(newsletterWarnings({ htmlBytes: bytes })).toHaveLength(warnings);
  });
});
