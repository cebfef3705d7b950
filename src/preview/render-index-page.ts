import { html } from '../html.js';
import { renderPageShell } from './render-page-shell.js';
import type { PreviewNewsletter } from './preview-state.js';
import { renderProblems, type ProblemGroup } from './render-problems.js';
import { budgetLevel, GMAIL_CLIP_BYTES } from './size-budget.js';
import { renderFindingCounts } from './render-findings.js';
import { formatKB, formatTime } from './format.js';

export interface IndexPageData {
  /** Newest first. */
  newsletters: readonly PreviewNewsletter[];
  /** Article files failing right now (their last good version is listed). */
  failing: ReadonlySet<string>;
  problems: readonly ProblemGroup[];
  lastBuild: { finishedAt: Date; durationMs: number } | null;
  /** Project-relative articles folder, for the empty state. */
  articlesDir: string;
  inboxCount: number | null;
  assetVersion: string;
  /** `webBaseUrl` is set: the build writes the web version, served under /web/. */
  webVersion?: boolean;
}

/** `GET /`: every newsletter with its size budget and warnings, and the build errors. */
export function renderIndexPage(data: IndexPageData): string {
  const row = (newsletter: PreviewNewsletter) => {
    const href = `/view/${encodeURIComponent(newsletter.slug)}`;
    const level = budgetLevel(newsletter.htmlBytes);
    const failing = data.failing.has(newsletter.file);
    return html`<tr>
  <td class="col-title">
    <span class="kicker">${newsletter.category}</span>
    <a class="title" href="${href}">${newsletter.title}</a>
    <span class="file">${newsletter.file}</span>
  </td>
  <td class="col-date"><time datetime="${newsletter.date}">${newsletter.date}</time></td>
  <td class="col-status">${failing ? html`<span class="badge badge-error" title="The article has an error (see above); this is its last good version">error</span> ` : null}${
    newsletter.draft ? html`<span class="badge badge-draft">draft</span>` : failing ? null : html`<span class="badge badge-ready">ready</span>`
  }</td>
  <td class="col-size">
    <span class="size size-${level}">${formatKB(newsletter.htmlBytes)}</span>
    <meter min="0" max="${GMAIL_CLIP_BYTES}" low="${GMAIL_CLIP_BYTES * 0.75}" high="${GMAIL_CLIP_BYTES * 0.9}" optimum="0" value="${Math.min(newsletter.htmlBytes, GMAIL_CLIP_BYTES)}" title="HTML size against Gmail's clipping limit of ${formatKB(GMAIL_CLIP_BYTES)}">${formatKB(newsletter.htmlBytes)}</meter>
    <span class="budget">of ${formatKB(GMAIL_CLIP_BYTES)}</span>
  </td>
  <td class="col-warnings">${renderFindingCounts(newsletter.findings)}</td>
</tr>`;
  };
  // Editions (several stories in one email) are listed above the articles.
  const editions = data.newsletters.filter((newsletter) => newsletter.edition !== undefined);
  const articles = data.newsletters.filter((newsletter) => newsletter.edition === undefined);
  const table = (caption: string | null, newsletters: readonly PreviewNewsletter[], first: string) => html`<table class="newsletters">
  ${caption === null ? null : html`<caption>${caption}</caption>`}
  <thead><tr><th scope="col">${first}</th><th scope="col">Date</th><th scope="col">Status</th><th scope="col">HTML size</th><th scope="col">Warnings</th></tr></thead>
  <tbody>
    ${newsletters.map(row)}
  </tbody>
</table>`;

  const built = data.lastBuild ? html`Last build ${formatTime(data.lastBuild.finishedAt)} in ${Math.round(data.lastBuild.durationMs)} ms. ` : null;
  const body = html`<div class="page-head">
  <h1>Newsletters</h1>
  <p class="lede">${built}Saving an article, a template or the config rebuilds and reloads this page.${data.webVersion ? html` <a href="/web/">The web version</a>: archive, article pages, feed.` : null}</p>
</div>
${renderProblems(data.problems, data.problems.length === 1 ? '1 build error: the last good versions stay in place' : `${data.problems.length} build errors: the last good versions stay in place`)}
${
  data.newsletters.length === 0
    ? html`<p class="empty">No newsletters yet. Add a Markdown article to <code>${data.articlesDir}/</code> and it appears here.</p>`
    : html`${editions.length > 0 ? table('Editions', editions, 'Edition') : null}
${articles.length > 0 ? table(editions.length > 0 ? 'Articles' : null, articles, 'Newsletter') : null}
<p class="footnote">Gmail clips an email whose HTML is larger than ${formatKB(GMAIL_CLIP_BYTES)} (102,400 bytes) behind a “View entire message” link; the bar turns amber at 90 %. Warnings are the findings of <code>npm run check</code>: point at a count to read them, or open the newsletter.</p>`
}`;
  return renderPageShell({ title: 'Newsletters', section: 'newsletters', body, inboxCount: data.inboxCount, reload: { on: 'any' }, assetVersion: data.assetVersion });
}
