import { formatKB, formatTime } from './format.js';
import { html, type SafeHtml } from '../html.js';
import type { CaughtMessage } from './inbox.js';
import { renderPageShell } from './render-page-shell.js';
import type { PreviewText } from './preview-text.js';

export const MESSAGE_VIEWS = ['html', 'text', 'headers'] as const;
export type MessageView = (typeof MESSAGE_VIEWS)[number];

export function isMessageView(value: string | null): value is MessageView {
  return (MESSAGE_VIEWS as readonly (string | null)[]).includes(value);
}

export interface MessagePageData {
  message: CaughtMessage;
  view: MessageView;
  inboxCount: number;
  assetVersion: string;
  /** The interface's words, in the project's locale. */
  words: PreviewText;
}

/** `GET /inbox/<id>`: one caught message, as HTML, text or raw headers. */
export function renderMessagePage(data: MessagePageData): string {
  const { message, view, words: t } = data;
  const base = `/inbox/${encodeURIComponent(message.id)}`;
  const tabs = MESSAGE_VIEWS.map(
    (mode) => html`<a class="tab" href="${mode === 'html' ? base : `${base}?view=${mode}`}"${mode === view ? html` aria-current="page"` : null}>${t.messageViews[mode]}</a>`,
  );
  const body = html`<nav class="crumbs"><a href="/inbox">← ${t.inboxHeading}</a></nav>
<div class="page-head">
  <h1>${message.subject || t.noSubject}</h1>
  <dl class="facts facts-wide">
    <dt>${t.from}</dt><dd>${message.from || t.none}</dd>
    <dt>${t.to}</dt><dd>${message.to || t.none}</dd>
    <dt>${t.envelope}</dt><dd>${message.envelope.from ?? '<>'} → ${message.envelope.to.join(', ')}</dd>
    <dt>${t.received}</dt><dd><time datetime="${message.receivedAt.toISOString()}">${formatTime(message.receivedAt)}</time> · ${formatKB(message.raw.length)}</dd>
  </dl>
</div>
<section class="viewer-stage" aria-label="${t.message}">
  <div class="toolbar">
    <nav class="tabs" aria-label="${t.viewLabel}">${tabs}</nav>
    <span class="raw-links"><a href="${base}.eml" download="message-${message.id}.eml">${t.downloadEml}</a></span>
  </div>
  ${renderContent(data)}
</section>`;
  return renderPageShell({ title: message.subject || t.message, section: 'inbox', body, inboxCount: data.inboxCount, reload: { on: 'none' }, assetVersion: data.assetVersion, words: t });
}

function renderContent({ message, view, words: t }: MessagePageData): SafeHtml {
  switch (view) {
    case 'html':
      return message.html === null
        ? html`<p class="empty">${t.noHtmlPart}</p>`
        : html`<div class="stage stage-message"><div class="frame-scroll"><iframe class="email-frame" src="/inbox/${encodeURIComponent(message.id)}.html" title="${t.htmlPartTitle}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-autosize></iframe></div></div>`;
    case 'text':
      return message.text === null ? html`<p class="empty">${t.noTextPart}</p>` : html`<div class="stage stage-text"><pre class="plain-text">${message.text}</pre></div>`;
    case 'headers':
      return html`<div class="stage stage-text"><pre class="plain-text headers">${message.headerLines.join('\n')}</pre></div>`;
  }
}
