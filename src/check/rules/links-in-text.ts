import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksInText: OfflineRule<'links/in-text'> = {
  id: 'links/in-text',
  severity: 'warning',
  description: 'every web and mailto link of the HTML also appears in the plain-text part',
  check(input) {
    const seen = new Set<string>();
    return linksOf(input).flatMap((link) => {
      const kind = link.kind.kind;
      if (kind !== 'web' && kind !== 'mailto') return [];
      const href = link.href.trim();
      const needle = kind === 'mailto' ? href.replace(/^mailto:/i, '').split('?')[0] ?? href : href;
      if (seen.has(href) || input.text.includes(needle)) return [];
      seen.add(href);
      return [{ message: `the link ${describeLink(link)} is in the HTML but not in the plain-text part: render it in the text part too (src/pipeline/render-text.ts follows the templates)` }];
    });
  },
};
