import { htmlOf } from '../html.js';
import { placeOfLink } from '../article-lines.js';
import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksAbsolute: OfflineRule<'links/absolute'> = {
  id: 'links/absolute',
  severity: 'error',
  description: 'links must be absolute https:// URLs: relative links and other schemes lead nowhere from an inbox',
  check(input) {
    return linksOf(input).flatMap((link) => {
      // An in-email anchor (an edition's table of contents) leads somewhere when the email has its target.
      if (link.kind.kind === 'relative' && link.href.startsWith('#') && hasAnchor(input, link.href.slice(1))) return [];
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

/** The email has an element with this id, or an `<a name>` of it (what clients that honour anchor links jump to). */
function hasAnchor(input: Parameters<typeof htmlOf>[0], name: string): boolean {
  const $ = htmlOf(input);
  return $('[id], a[name]')
    .get()
    .some((element) => $(element).attr('id') === name || $(element).attr('name') === name);
}
