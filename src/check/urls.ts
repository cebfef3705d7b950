import { normaliseHost } from '../ip-address.js';
import { isEspLinkTag } from '../esp/providers.js';

export type LinkKind =
  | { kind: 'empty' }
  | { kind: 'relative' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'mailto' }
  | { kind: 'tel' }
  /** An ESP's unsubscribe or web-version tag (`*|UNSUB|*`, `{{ mirror }}`): the ESP writes the address when it sends. */
  | { kind: 'esp-tag' }
  | { kind: 'web'; url: URL; secure: boolean; privateHost: boolean };

/** Sort an href into the kinds the link rules care about. */
export function classifyHref(href: string): LinkKind {
  const value = href.trim();
  if (value === '' || value === '#') return { kind: 'empty' };
  if (isEspLinkTag(value)) return { kind: 'esp-tag' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'relative' };
  if (scheme === 'mailto') return { kind: 'mailto' };
  if (scheme === 'tel') return { kind: 'tel' };
  if (scheme !== 'http' && scheme !== 'https') return { kind: 'scheme', scheme };
  if (!URL.canParse(value)) return { kind: 'relative' };
  const url = new URL(value);
  return { kind: 'web', url, secure: scheme === 'https', privateHost: isPrivateHost(url.hostname) };
}

/**
 * Hosts a reader's mail client cannot reach: localhost, loopback, private,
 * link-local, unique-local, multicast and reserved addresses in any notation
 * (IPv4-mapped, -compatible and NAT64 IPv6, decimal, octal and hex IPv4,
 * trailing dots), `.local`/`.internal` names and single-label intranet names.
 */
export function isPrivateHost(hostname: string): boolean {
  const { host, ip } = normaliseHost(hostname);
  if (ip) return ip.range !== 'public';
  if (host === '' || host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) return true;
  return !host.includes('.');
}

/** `mailto:a@b.de,c@d.de?subject=…` → the addresses, decoded. */
export function mailtoAddresses(href: string): string[] {
  const rest = href.trim().replace(/^mailto:/i, '');
  const to = rest.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    decoded = to;
  }
  return decoded
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}

/** A plain `local@domain.tld` address: what mail clients accept in a mailto link. */
export function isEmailAddress(address: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}$/u.test(address);
}
