import type { OfflineRule } from '../types.js';

export const contentFaq: OfflineRule<'content/faq'> = {
  id: 'content/faq',
  severity: 'error',
  description: 'where the project requires it ("require": ["faq"]), the article has FAQ entries',
  check({ article, view, config }) {
    if (article.faq !== undefined || !config.require.includes('faq')) return [];
    return [{ message: `no "faq": this project requires "${view.strings.faqHeading}" in every article (newsletter.config.json, "require"); add entries under faq: with "- question:" and "answer:"`, line: 1 }];
  },
};
