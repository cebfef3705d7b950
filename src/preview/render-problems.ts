import type { Problem } from '../errors.js';
import { html, type SafeHtml } from '../html.js';

export interface ProblemGroup {
  problem: Problem;
  /** Articles this problem stops (a template error stops them all). */
  articles: string[];
}

/**
 * One entry per distinct problem: a broken template fails every article
 * with the same message, which is shown once with the articles it affects.
 */
export function groupProblems(global: readonly Problem[], byArticle: ReadonlyMap<string, readonly Problem[]>): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const add = (problem: Problem, article: string | null) => {
    const key = `${problem.file ?? ''}\u0000${problem.line ?? ''}\u0000${problem.message}`;
    let group = groups.get(key);
    if (!group) {
      group = { problem, articles: [] };
      groups.set(key, group);
    }
    if (article !== null && !group.articles.includes(article)) group.articles.push(article);
  };
  for (const problem of global) add(problem, null);
  for (const [article, problems] of byArticle) for (const problem of problems) add(problem, article);
  return [...groups.values()];
}

/** The red box of build errors; nothing when there are none. */
export function renderProblems(groups: readonly ProblemGroup[], heading: string, affects = 'Affects'): SafeHtml | null {
  if (groups.length === 0) return null;
  return html`<section class="problems" aria-labelledby="problems-heading">
  <h2 id="problems-heading">${heading}</h2>
  <ul>
    ${groups.map(({ problem, articles }) => {
      const location = problem.file === undefined ? null : problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
      const others = articles.filter((article) => article !== problem.file);
      return html`<li>${location === null ? null : html`<code class="location">${location}</code> `}<span class="message">${problem.message}</span>${
        others.length > 0 ? html`<span class="affects">${affects} ${others.map((article, index) => html`${index > 0 ? ', ' : ''}<code>${article}</code>`)}</span>` : null
      }</li>`;
    })}
  </ul>
</section>`;
}
