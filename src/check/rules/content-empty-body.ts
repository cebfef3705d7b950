import { textOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const contentEmptyBody: OfflineRule<'content/empty-body'> = {
  id: 'content/empty-body',
  severity: 'warning',
  description: 'the article has a body: text under the closing "---" of the frontmatter',
  check({ article, view }) {
    if (textOf(view.bodyHtml) !== '' || /<(?:img|table)\b/i.test(view.bodyHtml)) return [];
    return [{ message: 'the article has no body: the email shows only the headline and teaser; write the article below the closing "---"', line: article.bodyLine }];
  },
};
