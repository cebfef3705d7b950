import { formatKB, formatTime } from './format.js';
import { html } from '../html.js';
import type { CaughtMessage } from './inbox.js';
import { renderPageShell } from './render-page-shell.js';

export interface InboxPageData {
  /** Newest first. */
  messages: readonly CaughtMessage[];
  /** `smtp://127.0.0.1:2525` */
  address: string;
  limit: number;
  assetVersion: string;
}

/** `GET /inbox`: every caught message, newest first. */
export function renderInboxPage(data: InboxPageData): string {
  const rows = data.messages.map(
    (message) => html`<tr>
  <td class="col-time"><time datetime="${message.receivedAt.toISOString()}">${formatTime(message.receivedAt)}</time></td>
  <td class="col-from">${message.from || message.envelope.from || '(no sender)'}</td>
  <td class="col-to">${message.to || message.envelope.to.join(', ')}</td>
  <td class="col-subject"><a href="/inbox/${message.id}">${message.subject || '(no subject)'}</a></td>
  <td class="col-size">${formatKB(message.raw.length)}</td>
</tr>`,
  );
  const body = html`<div class="page-head page-head-row">
  <div>
    <h1>Inbox</h1>
    <p class="lede">Catches every message sent to <code>${data.address}</code>, such as test sends without <code>SMTP_URL</code>. Kept in memory: the last ${data.limit}, gone when the preview stops.</p>
  </div>
  ${data.messages.length > 0 ? html`<form method="post" action="/inbox/clear"><button type="submit" class="button-quiet">Empty the inbox</button></form>` : null}
</div>
${
  data.messages.length === 0
    ? html`<p class="empty">No messages yet. Send a test from a newsletter's page, or run <code>npm run send-test -- &lt;slug&gt; --to you@example.com</code> without <code>SMTP_URL</code>.</p>`
    : html`<table class="messages">
  <thead><tr><th scope="col">Time</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Size</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`
}`;
  return renderPageShell({ title: 'Inbox', section: 'inbox', body, inboxCount: data.messages.length, reload: { on: 'mail' }, assetVersion: data.assetVersion });
}
