import { html } from '../html.js';
import { renderPageShell } from './render-page-shell.js';
import type { PreviewText } from './preview-text.js';

export interface ErrorPageData {
  status: number;
  heading: string;
  message: string;
  /** e.g. a did-you-mean link */
  suggestion?: { href: string; label: string } | null;
  inboxCount: number | null;
  assetVersion: string;
  /** The interface's words, in the project's locale. */
  words: PreviewText;
}

/** 4xx/5xx pages: what went wrong and a way back. */
export function renderErrorPage(data: ErrorPageData): string {
  const t = data.words;
  const body = html`<div class="page-head">
  <h1>${data.heading}</h1>
  <p class="lede">${data.message}</p>
  ${data.suggestion ? html`<p>${t.didYouMean} <a href="${data.suggestion.href}">${data.suggestion.label}</a>?</p>` : null}
  <p><a href="/">${t.allNewsletters}</a></p>
</div>`;
  return renderPageShell({ title: `${data.status} ${data.heading}`, section: null, body, inboxCount: data.inboxCount, reload: { on: 'any' }, assetVersion: data.assetVersion, words: t });
}
