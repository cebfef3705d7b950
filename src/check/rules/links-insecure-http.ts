import { placeOfLink } from '../article-lines.js';
import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksInsecureHttp: OfflineRule<'links/insecure-http'> = {
  id: 'links/insecure-http',
  severity: 'warning',
  description: 'links should use https://: http:// links trigger browser warnings and spam filters',
  check(input) {
    return linksOf(input).flatMap((link) =>
      link.kind.kind === 'web' && !link.kind.secure && !link.kind.privateHost
        ? [{ ...placeOfLink(input, link), message: `the link ${describeLink(link)} uses http://: change it to https:// (check that the page opens)` }]
        : [],
    );
  },
};
