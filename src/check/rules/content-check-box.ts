import type { OfflineRule } from '../types.js';

export const contentCheckBox: OfflineRule<'content/check-box'> = {
  id: 'content/check-box',
  severity: 'warning',
  description: 'the article has the editors\' verdict box ("check")',
  check({ article, view }) {
    if (article.check !== undefined) return [];
    return [{ message: `no "check": the "${view.strings.checkHeading}" box is missing; add the editors' verdict under check: in the frontmatter` }];
  },
};
