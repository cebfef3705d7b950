import type { CheckFinding } from '../check/types.js';
import { html, type SafeHtml } from '../html.js';
import type { PreviewText } from './preview-text.js';

const count = (findings: readonly CheckFinding[], severity: CheckFinding['severity']) => findings.filter((finding) => finding.severity === severity);
const line = (finding: CheckFinding) => `${finding.message} [${finding.rule}]`;

/** The index's warnings cell: error and warning counts, each listing its findings on hover. */
export function renderFindingCounts(findings: readonly CheckFinding[], t: PreviewText): SafeHtml {
  const errors = count(findings, 'error');
  const warnings = count(findings, 'warning');
  if (errors.length === 0 && warnings.length === 0) return html`<span class="none" title="${t.noWarnings}">0</span>`;
  return html`${errors.length > 0 ? html`<span class="badge badge-error" title="${errors.map(line).join('\n')}">${t.errors(errors.length)}</span> ` : null}${
    warnings.length > 0 ? html`<span class="badge badge-warning" title="${warnings.map(line).join('\n')}">${t.warnings(warnings.length)}</span>` : null
  }`;
}

/** The viewer's list of check findings, errors first; `file` is the article, named only when a finding is about another file. */
export function renderFindingList(findings: readonly CheckFinding[], file: string, t: PreviewText): SafeHtml {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  if (sorted.length === 0) return html`<p class="hint">${t.noFindings}<code>npm run check</code>${t.noFindingsAfter}</p>`;
  return html`<ul class="findings">${sorted.map(
    (finding) => html`<li class="finding finding-${finding.severity}"><span class="badge badge-${finding.severity}">${t.severity[finding.severity]}</span> ${finding.message} <span class="rule">${finding.rule}${
      finding.file !== file || finding.line !== undefined ? html` · <code>${finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`}</code>` : null
    }</span></li>`,
  )}</ul>`;
}
