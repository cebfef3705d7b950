import { collapse, htmlOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const a11yOneH1: OfflineRule<'a11y/one-h1'> = {
  id: 'a11y/one-h1',
  severity: 'error',
  description: 'exactly one <h1>, the headline: screen-reader users jump to it',
  check(input) {
    const $ = htmlOf(input);
    const headings = $('h1').get().map((element) => collapse($(element).text()));
    if (headings.length === 1) return [];
    if (headings.length === 0) return [{ message: 'the HTML has no <h1>: mark the headline up as <h1> in the article template' }];
    return [{ message: `the HTML has ${headings.length} <h1> headings (${headings.map((text) => `"${text}"`).join(', ')}): keep the headline as the only <h1> and make the others <h2>` }];
  },
};
