import { placeOfLink } from '../article-lines.js';
import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';
import { isEmailAddress, mailtoAddresses } from '../urls.js';

export const linksMailto: OfflineRule<'links/mailto'> = {
  id: 'links/mailto',
  severity: 'error',
  description: 'mailto: links must hold valid addresses',
  check(input) {
    return linksOf(input).flatMap((link) => {
      if (link.kind.kind !== 'mailto') return [];
      const addresses = mailtoAddresses(link.href);
      const invalid = addresses.filter((address) => !isEmailAddress(address));
      if (addresses.length > 0 && invalid.length === 0) return [];
      const what = addresses.length === 0 ? 'has no address' : `has an invalid address "${invalid[0]}"`;
      return [{ ...placeOfLink(input, link), message: `the mailto link ${describeLink(link)} ${what}: write it as mailto:name@example.com` }];
    });
  },
};
