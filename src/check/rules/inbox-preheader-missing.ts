import type { OfflineRule } from '../types.js';

export const inboxPreheaderMissing: OfflineRule<'inbox/preheader-missing'> = {
  id: 'inbox/preheader-missing',
  severity: 'warning',
  description: 'the article sets a preheader (the inbox preview line) instead of falling back to the teaser',
  check({ article }) {
    if (article.preheader !== undefined) return [];
    return [{ message: 'no "preheader": inboxes preview the teaser, which the email repeats right under the headline; add a preheader of 40–140 characters that adds to the subject' }];
  },
};
