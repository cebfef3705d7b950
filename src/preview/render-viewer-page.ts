import { html, type SafeHtml } from '../html.js';
import { formatKB, formatTime } from './format.js';
import type { PreviewNewsletter } from './preview-state.js';
import { renderPageShell } from './render-page-shell.js';
import { renderProblems, type ProblemGroup } from './render-problems.js';
import { renderFindingList } from './render-findings.js';

export const VIEW_MODES = ['desktop', 'mobile', 'dark', 'text'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export function isViewMode(value: string | null): value is ViewMode {
  return (VIEW_MODES as readonly (string | null)[]).includes(value);
}

/** How the newsletter shows up in an inbox list, before it is opened. */
export interface InboxLine {
  senderName: string;
  senderAddress: string;
  subject: string;
  /** null when the article could not be read just now (it is failing). */
  preheader: string | null;
  /** e.g. "6. Nov." */
  dateLabel: string;
}

export type SendOutcome =
  | { ok: true; accepted: string[]; rejected: string[]; messageId: string; bytes: number; server: string; toInbox: boolean }
  | { ok: false; message: string };

export interface SendPanel {
  /** Prefilled recipients, comma-separated. */
  recipients: string;
  /** Where a send goes: the built-in inbox, or the server named by SMTP_URL (host and port only, never credentials). */
  target: { kind: 'inbox'; address: string } | { kind: 'smtp'; server: string } | { kind: 'invalid'; message: string };
  /** The outcome of the send that led here, if any. */
  outcome: SendOutcome | null;
}

export interface ViewerPageData {
  newsletter: PreviewNewsletter;
  view: ViewMode;
  /** The plain-text part, for the text view. */
  text: string | null;
  inboxLine: InboxLine;
  /** This article's errors right now (its last good version is shown). */
  problems: readonly ProblemGroup[];
  /** null when sending is not available. */
  send: SendPanel | null;
  inboxCount: number | null;
  assetVersion: string;
}

const VIEW_LABELS: Record<ViewMode, { label: string; title: string }> = {
  desktop: { label: 'Desktop', title: 'The email in a wide window (600 px column)' },
  mobile: { label: 'Mobile', title: 'The email 375 px wide, as on a phone' },
  dark: { label: 'Dark', title: 'The email with its dark-mode styles' },
  text: { label: 'Text', title: 'The plain-text part' },
};

/** The viewer: the email as readers see it on desktop, phone, in dark mode and as text. */
export function renderViewerPage(data: ViewerPageData): string {
  const { newsletter, view } = data;
  const slug = encodeURIComponent(newsletter.slug);
  const viewHref = (mode: ViewMode) => (mode === 'desktop' ? `/view/${slug}` : `/view/${slug}?view=${mode}`);
  const tabs = VIEW_MODES.map(
    (mode) => html`<a class="tab" href="${viewHref(mode)}" data-view="${mode}" title="${VIEW_LABELS[mode].title}"${mode === view ? html` aria-current="page"` : null}>${VIEW_LABELS[mode].label}</a>`,
  );

  const body = html`<nav class="crumbs"><a href="/">← All newsletters</a></nav>
<div class="page-head">
  <span class="kicker">${newsletter.category}</span>
  <h1>${newsletter.title}</h1>
  <p class="meta">
    <time datetime="${newsletter.date}">${newsletter.date}</time>
    ${newsletter.draft ? html`<span class="badge badge-draft">draft</span>` : null}
    <span><code>${newsletter.file}</code></span>
    <span>${formatKB(newsletter.htmlBytes)} HTML · ${formatKB(newsletter.textBytes)} text</span>
    ${newsletter.builtAt ? html`<span>built ${formatTime(newsletter.builtAt)}</span>` : null}
  </p>
</div>
${renderProblems(data.problems, 'This article has an error: the preview shows its last good version')}
<div class="viewer">
  <section class="viewer-inbox card" aria-labelledby="inbox-line-heading">
    <h2 id="inbox-line-heading">In the inbox</h2>
    ${renderInboxLine(data.inboxLine)}
  </section>
  <section class="viewer-stage" aria-label="Email preview">
    <div class="toolbar">
      <nav class="tabs" aria-label="View">${tabs}</nav>
      <span class="raw-links"><a href="/email/${slug}.html" target="_blank" rel="noopener">HTML file</a> <a href="/email/${slug}.txt" target="_blank" rel="noopener">Text file</a></span>
    </div>
    ${renderStage(data)}
  </section>
  <section class="viewer-checks card" aria-labelledby="checks-heading">
    <h2 id="checks-heading">Checks</h2>
    ${renderFindingList(newsletter.findings, newsletter.file)}
  </section>
  ${data.send ? renderSendPanel(data.send, newsletter.slug, view) : null}
</div>`;
  return renderPageShell({
    title: newsletter.title,
    section: 'newsletters',
    body,
    inboxCount: data.inboxCount,
    reload: { on: 'article', slug: newsletter.slug, file: newsletter.file },
    assetVersion: data.assetVersion,
  });
}

function renderStage(data: ViewerPageData): SafeHtml {
  const slug = encodeURIComponent(data.newsletter.slug);
  // No scripts run in the frame (no allow-scripts, and the files are served with a CSP);
  // same origin lets the page size the frame to its content and open links in a new tab.
  const frame = (src: string, title: string) => html`<iframe class="email-frame" src="${src}" title="${title}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-autosize></iframe>`;
  switch (data.view) {
    case 'desktop':
      return html`<div class="stage stage-desktop"><div class="frame-scroll">${frame(`/email/${slug}.html`, 'The email at desktop width')}</div></div>`;
    case 'mobile':
      return html`<div class="stage stage-mobile"><div class="phone">${frame(`/email/${slug}.html`, 'The email at 375 px, phone width')}</div></div>`;
    case 'dark':
      return html`<div class="stage stage-dark"><div class="frame-scroll">${frame(`/dark/${slug}.html`, 'The email with its dark-mode styles applied')}</div></div>
<p class="stage-note">Applies the template's own <code>prefers-color-scheme: dark</code> styles, as Apple Mail and Outlook.com do in dark mode. Gmail's apps instead invert colours on their own.</p>`;
    case 'text':
      return html`<div class="stage stage-text"><pre class="plain-text">${data.text ?? ''}</pre></div>`;
  }
}

function renderInboxLine(line: InboxLine): SafeHtml {
  const initial = (line.senderName.trim()[0] ?? '?').toLocaleUpperCase();
  return html`<div class="mail-row">
  <span class="avatar" aria-hidden="true">${initial}</span>
  <div class="mail-lines">
    <div class="mail-top"><strong class="sender" title="${line.senderAddress}">${line.senderName}</strong><span class="mail-date">${line.dateLabel}</span></div>
    <div class="mail-subject">${line.subject}</div>
    <div class="mail-preheader">${line.preheader ?? ''}</div>
  </div>
</div>
<dl class="facts">
  <dt>From</dt><dd>${line.senderName} &lt;${line.senderAddress}&gt;</dd>
  <dt>Subject</dt><dd>${line.subject.length} characters</dd>
  <dt>Preheader</dt><dd>${line.preheader === null ? 'unavailable while the article has an error' : `${line.preheader.length} characters`}</dd>
</dl>`;
}

function renderTarget(target: SendPanel['target']): SafeHtml {
  switch (target.kind) {
    case 'inbox':
      return html`No <code>SMTP_URL</code> is set: the test goes to the built-in <a href="/inbox">inbox</a> (<code>${target.address}</code>), not to real mailboxes.`;
    case 'smtp':
      return html`Sent through <code>${target.server}</code> (<code>SMTP_URL</code>), exactly as <code>npm run send-test</code> sends.`;
    case 'invalid':
      return html`<span class="notice-error">${target.message}</span>`;
  }
}

function renderSendPanel(panel: SendPanel, slug: string, view: ViewMode): SafeHtml {
  const outcome = panel.outcome;
  const message =
    outcome === null
      ? null
      : outcome.ok
        ? html`<p class="notice notice-ok" role="status">Sent to ${outcome.accepted.join(', ')} (${formatKB(outcome.bytes)}) via ${outcome.server}.${
            outcome.toInbox ? html` <a href="/inbox">Open the inbox</a>` : null
          }</p>`
        : html`<p class="notice notice-error" role="alert">${outcome.message}</p>`;
  return html`<section class="viewer-send card" aria-labelledby="send-heading">
  <h2 id="send-heading">Send a test</h2>
  ${message}
  <form method="post" action="/send/${encodeURIComponent(slug)}" class="send-form">
    <input type="hidden" name="view" value="${view}">
    <label for="send-to">To</label>
    <input id="send-to" name="to" type="text" inputmode="email" autocomplete="email" value="${panel.recipients}" placeholder="you@example.com, colleague@example.com" required>
    <button type="submit">Send test</button>
  </form>
  <p class="hint">${renderTarget(panel.target)}</p>
</section>`;
}
