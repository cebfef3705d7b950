import { placeOfLink } from '../article-lines.js';
import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksAbsolute: OfflineRule<'links/absolute'> = {
  id: 'links/absolute',
  severity: 'error',
  description: 'links must be absolute https:// URLs: relative links and other schemes lead nowhere from an inbox',
  check(input) {
    return linksOf(input).flatMap((link) => {
      if (link.kind.kind === 'relative') {
        return [{ ...placeOfLink(input, link), message: `the link ${describeLink(link)} is relative and leads nowhere from an inbox: write the full address, e.g. https://example.com/artikel` }];
      }
      if (link.kind.kind === 'scheme') {
        return [{ ...placeOfLink(input, link), message: `the link ${describeLink(link)} uses "${link.kind.scheme}:", which mail clients block or cannot open: link to an https:// address` }];
      }
      return [];
    });
  },
};
