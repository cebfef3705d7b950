import { html, type SafeHtml } from '../html.js';
import { formatKB, formatTime } from './format.js';
import type { PreviewNewsletter } from './preview-state.js';
import { renderPageShell } from './render-page-shell.js';
import { renderProblems, type ProblemGroup } from './render-problems.js';
import { renderFindingList } from './render-findings.js';
import type { PreviewText } from './preview-text.js';

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
  /** The interface's words, in the project's locale. */
  words: PreviewText;
}

/** The viewer: the email as readers see it on desktop, phone, in dark mode and as text. */
export function renderViewerPage(data: ViewerPageData): string {
  const { newsletter, view, words: t } = data;
  const slug = encodeURIComponent(newsletter.slug);
  const viewHref = (mode: ViewMode) => (mode === 'desktop' ? `/view/${slug}` : `/view/${slug}?view=${mode}`);
  const tabs = VIEW_MODES.map(
    (mode) => html`<a class="tab" href="${viewHref(mode)}" data-view="${mode}" title="${t.views[mode].title}"${mode === view ? html` aria-current="page"` : null}>${t.views[mode].label}</a>`,
  );

  const body = html`<nav class="crumbs"><a href="/">${t.allNewsletters}</a></nav>
<div class="page-head">
  <span class="kicker">${newsletter.category}</span>
  <h1>${newsletter.title}</h1>
  <p class="meta">
    <time datetime="${newsletter.date}">${newsletter.date}</time>
    ${newsletter.draft ? html`<span class="badge badge-draft">${t.statusDraft}</span>` : null}
    <span><code>${newsletter.file}</code></span>
    <span>${t.htmlAndText(formatKB(newsletter.htmlBytes), formatKB(newsletter.textBytes))}</span>
    ${newsletter.builtAt ? html`<span>${t.builtAt(formatTime(newsletter.builtAt))}</span>` : null}
  </p>
</div>
${renderProblems(data.problems, t.articleError, t.affects)}
<div class="viewer">
  <section class="viewer-inbox card" aria-labelledby="inbox-line-heading">
    <h2 id="inbox-line-heading">${t.inTheInbox}</h2>
    ${renderInboxLine(data.inboxLine, t)}
  </section>
  <section class="viewer-stage" aria-label="${t.emailPreview}">
    <div class="toolbar">
      <nav class="tabs" aria-label="${t.viewLabel}">${tabs}</nav>
      <span class="raw-links"><a href="/email/${slug}.html" target="_blank" rel="noopener">${t.htmlFile}</a> <a href="/email/${slug}.txt" target="_blank" rel="noopener">${t.textFile}</a></span>
    </div>
    ${renderStage(data)}
  </section>
  <section class="viewer-checks card" aria-labelledby="checks-heading">
    <h2 id="checks-heading">${t.checks}</h2>
    ${renderFindingList(newsletter.findings, newsletter.file, t)}
  </section>
  ${data.send ? renderSendPanel(data.send, newsletter.slug, view, t) : null}
</div>`;
  return renderPageShell({
    title: newsletter.title,
    section: 'newsletters',
    body,
    inboxCount: data.inboxCount,
    reload: { on: 'article', slug: newsletter.slug, file: newsletter.file },
    assetVersion: data.assetVersion,
    words: t,
  });
}

function renderStage(data: ViewerPageData): SafeHtml {
  const slug = encodeURIComponent(data.newsletter.slug);
  const t = data.words;
  // No scripts run in the frame (no allow-scripts, and the files are served with a CSP);
  // same origin lets the page size the frame to its content and open links in a new tab.
  const frame = (src: string, title: string) => html`<iframe class="email-frame" src="${src}" title="${title}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-autosize></iframe>`;
  switch (data.view) {
    case 'desktop':
      return html`<div class="stage stage-desktop"><div class="frame-scroll">${frame(`/email/${slug}.html`, t.frameDesktop)}</div></div>`;
    case 'mobile':
      return html`<div class="stage stage-mobile"><div class="phone">${frame(`/email/${slug}.html`, t.frameMobile)}</div></div>`;
    case 'dark':
      return html`<div class="stage stage-dark"><div class="frame-scroll">${frame(`/dark/${slug}.html`, t.frameDark)}</div></div>
<p class="stage-note">${t.darkNote}</p>`;
    case 'text':
      return html`<div class="stage stage-text"><pre class="plain-text">${data.text ?? ''}</pre></div>`;
  }
}

function renderInboxLine(line: InboxLine, t: PreviewText): SafeHtml {
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
  <dt>${t.from}</dt><dd>${line.senderName} &lt;${line.senderAddress}&gt;</dd>
  <dt>${t.subject}</dt><dd>${t.characters([...line.subject].length)}</dd>
  <dt>${t.preheader}</dt><dd>${line.preheader === null ? t.preheaderUnavailable : t.characters([...line.preheader].length)}</dd>
</dl>`;
}

function renderTarget(target: SendPanel['target'], t: PreviewText): SafeHtml {
  switch (target.kind) {
    case 'inbox':
      return html`${t.targetInbox}<a href="/inbox">${t.navInbox}</a> (<code>${target.address}</code>)${t.targetInboxMiddle}`;
    case 'smtp':
      return html`${t.targetSmtp}<code>${target.server}</code> (<code>SMTP_URL</code>)${t.targetSmtpAfter}`;
    case 'invalid':
      return html`<span class="notice-error">${target.message}</span>`;
  }
}

function renderSendPanel(panel: SendPanel, slug: string, view: ViewMode, t: PreviewText): SafeHtml {
  const outcome = panel.outcome;
  const message =
    outcome === null
      ? null
      : outcome.ok
        ? html`<p class="notice notice-ok" role="status">${t.sentTo(outcome.accepted.join(', '), formatKB(outcome.bytes), outcome.server)}${
            outcome.toInbox ? html` <a href="/inbox">${t.openInbox}</a>` : null
          }</p>`
        : html`<p class="notice notice-error" role="alert">${outcome.message}</p>`;
  return html`<section class="viewer-send card" aria-labelledby="send-heading">
  <h2 id="send-heading">${t.sendHeading}</h2>
  ${message}
  <form method="post" action="/send/${encodeURIComponent(slug)}" class="send-form">
    <input type="hidden" name="view" value="${view}">
    <label for="send-to">${t.sendTo}</label>
    <input id="send-to" name="to" type="text" inputmode="email" autocomplete="email" value="${panel.recipients}" placeholder="${t.sendPlaceholder}" required>
    <button type="submit">${t.sendButton}</button>
  </form>
  <p class="hint">${renderTarget(panel.target, t)}</p>
</section>`;
}
