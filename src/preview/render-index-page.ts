import { html } from '../html.js';
import { renderPageShell } from './render-page-shell.js';
import type { PreviewNewsletter } from './preview-state.js';
import { renderProblems, type ProblemGroup } from './render-problems.js';
import { budgetLevel, GMAIL_CLIP_BYTES } from './size-budget.js';
import { renderFindingCounts } from './render-findings.js';
import { formatKB, formatTime } from './format.js';
import type { PreviewText } from './preview-text.js';

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
  /** The interface's words, in the project's locale. */
  words: PreviewText;
  /** `webBaseUrl` is set: the build writes the web version, served under /web/. */
  webVersion?: boolean;
}

/** `GET /`: every newsletter with its size budget and warnings, and the build errors. */
export function renderIndexPage(data: IndexPageData): string {
  const t = data.words;
  const limit = formatKB(GMAIL_CLIP_BYTES);
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
  <td class="col-status">${failing ? html`<span class="badge badge-error" title="${t.statusErrorTitle}">${t.statusError}</span> ` : null}${
    newsletter.draft ? html`<span class="badge badge-draft">${t.statusDraft}</span>` : failing ? null : html`<span class="badge badge-ready">${t.statusReady}</span>`
  }</td>
  <td class="col-size">
    <span class="size size-${level}">${formatKB(newsletter.htmlBytes)}</span>
    <meter min="0" max="${GMAIL_CLIP_BYTES}" low="${GMAIL_CLIP_BYTES * 0.75}" high="${GMAIL_CLIP_BYTES * 0.9}" optimum="0" value="${Math.min(newsletter.htmlBytes, GMAIL_CLIP_BYTES)}" title="${t.sizeTitle(limit)}">${formatKB(newsletter.htmlBytes)}</meter>
    <span class="budget">${t.sizeOf(limit)}</span>
  </td>
  <td class="col-warnings">${renderFindingCounts(newsletter.findings, t)}</td>
</tr>`;
  };
  // Editions (several stories in one email) are listed above the articles.
  const editions = data.newsletters.filter((newsletter) => newsletter.edition !== undefined);
  const articles = data.newsletters.filter((newsletter) => newsletter.edition === undefined);
  const table = (caption: string | null, newsletters: readonly PreviewNewsletter[], first: string) => html`<table class="newsletters">
  ${caption === null ? null : html`<caption>${caption}</caption>`}
  <thead><tr><th scope="col">${first}</th><th scope="col">${t.columns.date}</th><th scope="col">${t.columns.status}</th><th scope="col">${t.columns.size}</th><th scope="col">${t.columns.warnings}</th></tr></thead>
  <tbody>
    ${newsletters.map(row)}
  </tbody>
</table>`;

  const built = data.lastBuild ? t.lastBuild(formatTime(data.lastBuild.finishedAt), Math.round(data.lastBuild.durationMs)) : null;
  const body = html`<div class="page-head">
  <h1>${t.newslettersHeading}</h1>
  <p class="lede">${built}${t.reloadsOnSave}${data.webVersion ? html` <a href="/web/">${t.webVersionLink}</a>${t.webVersionAfter}` : null}</p>
</div>
${renderProblems(data.problems, t.buildErrors(data.problems.length), t.affects)}
${
  data.newsletters.length === 0
    ? html`<p class="empty">${t.noNewsletters}<code>${data.articlesDir}/</code>${t.noNewslettersAfter}</p>`
    : html`${editions.length > 0 ? table(t.editionsCaption, editions, t.editionColumn) : null}
${articles.length > 0 ? table(editions.length > 0 ? t.articlesCaption : null, articles, t.columns.newsletter) : null}
<p class="footnote">${t.clipFootnote(limit)}${t.checkFootnote}<code>npm run check</code>${t.checkFootnoteAfter}</p>`
}`;
  return renderPageShell({ title: t.newslettersHeading, section: 'newsletters', body, inboxCount: data.inboxCount, reload: { on: 'any' }, assetVersion: data.assetVersion, words: t });
}
