import type { OfflineRule } from '../types.js';

export const contentCheckBox: OfflineRule<'content/check-box'> = {
  id: 'content/check-box',
  severity: 'error',
  description: 'where the project requires it ("require": ["check"]), the article has the editors\' verdict box ("check")',
  check({ article, view, config }) {
    if (article.check !== undefined || !config.require.includes('check')) return [];
    return [{ message: `no "check": this project requires the "${view.strings.checkHeading}" box in every article (newsletter.config.json, "require"); add the editors' verdict under check: in the frontmatter`, line: 1 }];
  },
};
