import type { Problem } from '../errors.js';
import type { Severity } from '../findings/rule-ids.js';
import type { CheckFinding } from './types.js';

export interface CheckSummary {
  /** Articles checked (built or unchanged); failed builds count too. */
  articles: number;
  errors: number;
  warnings: number;
  info: number;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Same rule, file, line and message: one finding. Template and config findings repeat for every article and are listed once. */
export function dedupeFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = findingKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function findingKey(finding: CheckFinding): string {
  return [finding.rule, finding.file, finding.line ?? '', finding.message].join('\u0000');
}

/** Articles first in the order given, then templates and config; within a file by severity. Stable. */
export function sortFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  const fileOrder = new Map<string, number>();
  const aboutArticle = (finding: CheckFinding) => finding.slug !== null || finding.rule === 'build/failed';
  for (const finding of findings) if (aboutArticle(finding) && !fileOrder.has(finding.file)) fileOrder.set(finding.file, fileOrder.size);
  const rank = (finding: CheckFinding) => fileOrder.get(finding.file) ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) => rank(a) - rank(b) || (rank(a) === Number.MAX_SAFE_INTEGER ? a.file.localeCompare(b.file) : 0) || ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0),
  );
}

export function summarize(findings: readonly CheckFinding[], articles: number): CheckSummary {
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return { articles, errors: count('error'), warnings: count('warning'), info: count('info') };
}

/** Exit status of a check run: 1 on any error, and with `strict` on any warning too. */
export function failsCheck(summary: CheckSummary, strict: boolean): boolean {
  return summary.errors > 0 || (strict && summary.warnings > 0);
}

/** Error findings as build problems: `file:line: message [rule]`. */
export function errorProblems(findings: readonly CheckFinding[]): Problem[] {
  return findings.filter((finding) => finding.severity === 'error').map((finding) => ({ file: finding.file, line: finding.line, message: `${finding.message} [${finding.rule}]` }));
}
