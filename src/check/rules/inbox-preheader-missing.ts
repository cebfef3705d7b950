import type { OfflineRule } from '../types.js';

export const inboxPreheaderMissing: OfflineRule<'inbox/preheader-missing'> = {
  id: 'inbox/preheader-missing',
  severity: 'error',
  description: 'where the project requires it ("require": ["preheader"]), the article sets a preheader (the inbox preview line) instead of falling back to the teaser',
  check({ article, config }) {
    if (article.preheader !== undefined || !config.require.includes('preheader')) return [];
    return [{ message: 'no "preheader": this project requires one in every article (newsletter.config.json, "require"); add a preheader of 40–140 characters that adds to the subject', line: 1 }];
  },
};
