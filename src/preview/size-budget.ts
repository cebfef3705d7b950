import { GMAIL_CLIP_BYTES, GMAIL_CLIP_RISK_SHARE } from '../check/measure-sections.js';

export { GMAIL_CLIP_BYTES };

export type BudgetLevel = 'ok' | 'warning' | 'clipped';

/** Where the HTML stands against Gmail's clipping limit, with the same thresholds as the size checks. */
export function budgetLevel(htmlBytes: number): BudgetLevel {
  if (htmlBytes > GMAIL_CLIP_BYTES) return 'clipped';
  if (htmlBytes > GMAIL_CLIP_BYTES * GMAIL_CLIP_RISK_SHARE) return 'warning';
  return 'ok';
}
