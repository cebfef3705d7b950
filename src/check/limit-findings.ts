import type { CheckFinding } from './types.js';

/** Findings kept per rule and newsletter; the rest are counted in one "and N more" line. */
const MAX_FINDINGS_PER_RULE = 20;

/**
 * At most `limit` findings per rule (and severity) for one newsletter, then
 * one finding of the same rule that says how many more there are. A page of
 * 10,000 broken links reports 20 and "and 9,980 more", and the manifest that
 * keeps them stays small. Order is kept. Pure.
 */
export function limitFindings(findings: readonly CheckFinding[], limit = MAX_FINDINGS_PER_RULE): CheckFinding[] {
  const seen = new Map<string, { count: number; first: CheckFinding }>();
  const kept: CheckFinding[] = [];
  for (const finding of findings) {
    const key = `${finding.rule}\u0000${finding.severity}`;
    const entry = seen.get(key) ?? { count: 0, first: finding };
    entry.count += 1;
    seen.set(key, entry);
    if (entry.count <= limit) kept.push(finding);
  }
  for (const { count, first } of seen.values()) {
    if (count <= limit) continue;
    kept.push({
      file: first.file,
      slug: first.slug,
      rule: first.rule,
      severity: first.severity,
      message: `and ${(count - limit).toLocaleString('en')} more like these: fix the ones above and run again to see the rest`,
    });
  }
  return kept;
}
