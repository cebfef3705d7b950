import { placeOfLink } from '../article-lines.js';
import { linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksEmptyHref: OfflineRule<'links/empty-href'> = {
  id: 'links/empty-href',
  severity: 'error',
  description: 'no empty or "#" links: they look clickable and do nothing',
  check(input) {
    return linksOf(input).flatMap((link) =>
      link.kind.kind === 'empty'
        ? [{ ...placeOfLink(input, link), message: `the link${link.text ? ` "${link.text}"` : ''} has ${link.href.trim() === '#' ? 'the placeholder "#"' : 'an empty address'}: fill in the https:// address or remove the link` }]
        : [],
    );
  },
};
