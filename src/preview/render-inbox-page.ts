import { formatKB, formatTime } from './format.js';
import { html } from '../html.js';
import type { CaughtMessage } from './inbox.js';
import { renderPageShell } from './render-page-shell.js';
import type { PreviewText } from './preview-text.js';

export interface InboxPageData {
  /** Newest first. */
  messages: readonly CaughtMessage[];
  /** `smtp://127.0.0.1:2525` */
  address: string;
  limit: number;
  assetVersion: string;
  /** The interface's words, in the project's locale. */
  words: PreviewText;
}

/** `GET /inbox`: every caught message, newest first. */
export function renderInboxPage(data: InboxPageData): string {
  const t = data.words;
  const rows = data.messages.map(
    (message) => html`<tr>
  <td class="col-time"><time datetime="${message.receivedAt.toISOString()}">${formatTime(message.receivedAt)}</time></td>
  <td class="col-from">${message.from || message.envelope.from || t.noSender}</td>
  <td class="col-to">${message.to || message.envelope.to.join(', ')}</td>
  <td class="col-subject"><a href="/inbox/${message.id}">${message.subject || t.noSubject}</a></td>
  <td class="col-size">${formatKB(message.raw.length)}</td>
</tr>`,
  );
  const body = html`<div class="page-head page-head-row">
  <div>
    <h1>${t.inboxHeading}</h1>
    <p class="lede">${t.inboxLede(data.address, data.limit)}</p>
  </div>
  ${data.messages.length > 0 ? html`<form method="post" action="/inbox/clear"><button type="submit" class="button-quiet">${t.emptyInbox}</button></form>` : null}
</div>
${
  data.messages.length === 0
    ? html`<p class="empty">${t.inboxEmpty}</p>`
    : html`<table class="messages">
  <thead><tr><th scope="col">${t.inboxColumns.time}</th><th scope="col">${t.inboxColumns.from}</th><th scope="col">${t.inboxColumns.to}</th><th scope="col">${t.inboxColumns.subject}</th><th scope="col">${t.inboxColumns.size}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`
}`;
  return renderPageShell({ title: t.inboxHeading, section: 'inbox', body, inboxCount: data.messages.length, reload: { on: 'mail' }, assetVersion: data.assetVersion, words: t });
}
