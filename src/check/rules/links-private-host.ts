import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksPrivateHost: OfflineRule<'links/private-host'> = {
  id: 'links/private-host',
  severity: 'error',
  description: 'no links to localhost, private or intranet addresses: readers cannot reach them',
  check(input) {
    return linksOf(input).flatMap((link) =>
      link.kind.kind === 'web' && link.kind.privateHost
        ? [{ message: `the link ${describeLink(link)} points to "${link.kind.url.hostname}", which readers cannot reach: link to the public address` }]
        : [],
    );
  },
};
