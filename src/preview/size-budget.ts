/** Gmail clips a message whose HTML is larger than this (UTF-8 bytes) behind a "View entire message" link. */
export const GMAIL_CLIP_BYTES = 102_400;
/** Above this share of the budget the index warns. */
export const GMAIL_WARN_SHARE = 0.9;

export type BudgetLevel = 'ok' | 'warning' | 'clipped';

export function budgetLevel(htmlBytes: number): BudgetLevel {
  if (htmlBytes > GMAIL_CLIP_BYTES) return 'clipped';
  if (htmlBytes > GMAIL_CLIP_BYTES * GMAIL_WARN_SHARE) return 'warning';
  return 'ok';
}

/** Warnings the preview derives from a built newsletter, one sentence each. */
export function newsletterWarnings(newsletter: { htmlBytes: number }): string[] {
  const level = budgetLevel(newsletter.htmlBytes);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  if (level === 'clipped') return [`the HTML is ${kb(newsletter.htmlBytes)}, above Gmail's ${kb(GMAIL_CLIP_BYTES)} limit: Gmail will clip it; shorten the article or the FAQ`];
  if (level === 'warning') return [`the HTML is ${kb(newsletter.htmlBytes)}, over 90 % of Gmail's ${kb(GMAIL_CLIP_BYTES)} limit: little room is left before Gmail clips it`];
  return [];
}
