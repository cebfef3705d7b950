import { formatKB, formatTime } from './format.js';
import { html, type SafeHtml } from '../html.js';
import type { CaughtMessage } from './inbox.js';
import { renderPageShell } from './render-page-shell.js';

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
}

const LABELS: Record<MessageView, string> = { html: 'HTML', text: 'Text', headers: 'Headers' };

/** `GET /inbox/<id>`: one caught message, as HTML, text or raw headers. */
export function renderMessagePage(data: MessagePageData): string {
  const { message, view } = data;
  const base = `/inbox/${encodeURIComponent(message.id)}`;
  const tabs = MESSAGE_VIEWS.map(
    (mode) => html`<a class="tab" href="${mode === 'html' ? base : `${base}?view=${mode}`}"${mode === view ? html` aria-current="page"` : null}>${LABELS[mode]}</a>`,
  );
  const body = html`<nav class="crumbs"><a href="/inbox">← Inbox</a></nav>
<div class="page-head">
  <h1>${message.subject || '(no subject)'}</h1>
  <dl class="facts facts-wide">
    <dt>From</dt><dd>${message.from || '(none)'}</dd>
    <dt>To</dt><dd>${message.to || '(none)'}</dd>
    <dt>Envelope</dt><dd>${message.envelope.from ?? '<>'} → ${message.envelope.to.join(', ')}</dd>
    <dt>Received</dt><dd><time datetime="${message.receivedAt.toISOString()}">${formatTime(message.receivedAt)}</time> · ${formatKB(message.raw.length)}</dd>
  </dl>
</div>
<section class="viewer-stage" aria-label="Message">
  <div class="toolbar">
    <nav class="tabs" aria-label="View">${tabs}</nav>
    <span class="raw-links"><a href="${base}.eml" download="message-${message.id}.eml">Download .eml</a></span>
  </div>
  ${renderContent(data)}
</section>`;
  return renderPageShell({ title: message.subject || 'Message', section: 'inbox', body, inboxCount: data.inboxCount, reload: { on: 'none' }, assetVersion: data.assetVersion });
}

function renderContent({ message, view }: MessagePageData): SafeHtml {
  switch (view) {
    case 'html':
      return message.html === null
        ? html`<p class="empty">This message has no HTML part.</p>`
        : html`<div class="stage stage-message"><div class="frame-scroll"><iframe class="email-frame" src="/inbox/${encodeURIComponent(message.id)}.html" title="HTML part of the message" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-autosize></iframe></div></div>`;
    case 'text':
      return message.text === null ? html`<p class="empty">This message has no text part.</p>` : html`<div class="stage stage-text"><pre class="plain-text">${message.text}</pre></div>`;
    case 'headers':
      return html`<div class="stage stage-text"><pre class="plain-text headers">${message.headerLines.join('\n')}</pre></div>`;
  }
}
