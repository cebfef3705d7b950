import { isIP } from 'node:net';

export type LinkKind =
  | { kind: 'empty' }
  | { kind: 'relative' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'mailto' }
  | { kind: 'tel' }
  | { kind: 'web'; url: URL; secure: boolean; privateHost: boolean };

/** Sort an href into the kinds the link rules care about. */
export function classifyHref(href: string): LinkKind {
  const value = href.trim();
  if (value === '' || value === '#') return { kind: 'empty' };
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
 * link-local and unique-local addresses, `.local`/`.internal` names and
 * single-label intranet names.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '' || host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) return true;
  const ipVersion = isIP(host);
  if (ipVersion === 4) return isPrivateIpv4(host);
  if (ipVersion === 6) return isPrivateIpv6(host);
  return !host.includes('.');
}

function isPrivateIpv4(host: string): boolean {
  const [a = 0, b = 0] = host.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)
  );
}

function isPrivateIpv6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (mapped) return isPrivateIpv4(mapped);
  return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
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
