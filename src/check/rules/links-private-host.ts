import { describeRange, normaliseHost } from '../../ip-address.js';
import { placeOfLink } from '../article-lines.js';
import { describeLink, linksOf } from '../links.js';
import type { OfflineRule } from '../types.js';

export const linksPrivateHost: OfflineRule<'links/private-host'> = {
  id: 'links/private-host',
  severity: 'error',
  description: 'no links to localhost, private or intranet addresses: readers cannot reach them',
  check(input) {
    return linksOf(input).flatMap((link) =>
      link.kind.kind === 'web' && link.kind.privateHost
        ? [{ ...placeOfLink(input, link), message: `the link ${describeLink(link)} points to "${link.kind.url.hostname}"${addressNote(link.kind.url.hostname)}, which readers cannot reach: link to the public address` }]
        : [],
    );
  },
};

/** ` (127.0.0.1, a loopback address (this machine))` for an IP address written another way, ` (a private network address)` for one as usual. */
function addressNote(hostname: string): string {
  const { ip } = normaliseHost(hostname);
  if (!ip) return '';
  const written = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const shown = ip.embeddedIpv4 ?? ip.address;
  return shown === written ? ` (${describeRange(ip.range)})` : ` (${shown}, ${describeRange(ip.range)})`;
}
