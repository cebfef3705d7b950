import { isIPv6 } from 'node:net';

/**
 * Hosts and IP addresses judged the way a network stack reads them, so that
 * no spelling of a local address slips past a check: `[::ffff:127.0.0.1]`,
 * `[::127.0.0.1]`, `[64:ff9b::7f00:1]`, `2130706433`, `0177.0.0.1`,
 * `0x7f.1` and `localhost.` all name this machine. Pure.
 */

/** What an address is for; everything but `public` is out of a reader's (and the link checker's) reach. */
export type AddressRange = 'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'documentation' | 'reserved';

export interface NormalisedHost {
  /** Lower case, without brackets, zone or trailing dots; an IP address in its usual form. */
  host: string;
  /** Set when the host is an IP address in any notation. */
  ip: { version: 4 | 6; address: string; range: AddressRange; embeddedIpv4: string | null } | null;
}

/** Lower-case a host, drop brackets, an IPv6 zone and trailing dots, and read any IP address notation. */
export function normaliseHost(hostname: string): NormalisedHost {
  let host = hostname.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  host = host.replace(/%.*$/, '').replace(/\.+$/, '');
  const ipv4 = parseIpv4(host);
  if (ipv4) {
    const address = ipv4.join('.');
    return { host: address, ip: { version: 4, address, range: ipv4Range(ipv4), embeddedIpv4: null } };
  }
  const ipv6 = parseIpv6(host);
  if (ipv6) {
    const embedded = embeddedIpv4(ipv6);
    const address = formatIpv6(ipv6);
    const range = embedded ? ipv4Range(embedded) : ipv6Range(ipv6);
    return { host: address, ip: { version: 6, address, range, embeddedIpv4: embedded ? embedded.join('.') : null } };
  }
  return { host, ip: null };
}

/** The range of an IP address in any notation; null when the text is no IP address. */
export function addressRange(address: string): AddressRange | null {
  return normaliseHost(address).ip?.range ?? null;
}

/** "a loopback address", for messages. */
export function describeRange(range: AddressRange): string {
  const words: Record<AddressRange, string> = {
    public: 'a public address',
    loopback: 'a loopback address (this machine)',
    private: 'a private network address',
    'link-local': 'a link-local address',
    'unique-local': 'a unique-local address',
    multicast: 'a multicast address',
    unspecified: 'the unspecified address',
    documentation: 'an address reserved for documentation',
    reserved: 'a reserved address',
  };
  return words[range];
}

/**
 * IPv4 as `inet_aton` and the URL standard read it: one to four parts, each
 * decimal, octal (leading 0) or hex (0x); the last part fills the remaining
 * bytes. `2130706433`, `0177.0.0.1`, `0x7f.1` are all 127.0.0.1.
 */
export function parseIpv4(text: string): [number, number, number, number] | null {
  const parts = text.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    numbers.push(value);
  }
  const last = numbers.pop() as number;
  if (numbers.some((value) => value > 255) || last >= 256 ** (4 - numbers.length)) return null;
  const bytes = [...numbers];
  for (let index = 3 - numbers.length; index >= 0; index--) bytes.push(Math.floor(last / 256 ** index) % 256);
  return bytes as [number, number, number, number];
}

function parseIpv6(text: string): number[] | null {
  if (!isIPv6(text)) return null;
  let head = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const ipv4 = parseIpv4(text.slice(lastColon + 1));
    if (!ipv4) return null;
    tail.push((ipv4[0] << 8) | ipv4[1], (ipv4[2] << 8) | ipv4[3]);
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const [left = '', right] = head.split('::');
  const words = right === undefined ? [...groups(left), ...tail] : (() => {
    const before = groups(left);
    const after = [...groups(right), ...tail];
    return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  })();
  if (words.length !== 8 || words.some((word) => Number.isNaN(word))) return null;
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function formatIpv6(bytes: readonly number[]): string {
  const words = Array.from({ length: 8 }, (_, index) => ((bytes[index * 2] ?? 0) << 8) | (bytes[index * 2 + 1] ?? 0));
  // The longest run of two or more zero words becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && words[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = words.map((word) => word.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * The IPv4 address an IPv6 address carries, where the network would deliver
 * to it: IPv4-mapped `::ffff:0:0/96`, IPv4-compatible `::/96` (deprecated),
 * NAT64 `64:ff9b::/96` (RFC 6052) and 6to4 `2002::/16` (RFC 3056).
 */
function embeddedIpv4(bytes: readonly number[]): [number, number, number, number] | null {
  const last = bytes.slice(12, 16) as [number, number, number, number];
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return last;
  if (zeros(0, 12) && !zeros(12, 15)) return last; // ::/96 except :: and ::1
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return last;
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6) as [number, number, number, number];
  return null;
}

function ipv4Range([a, b, c]: readonly [number, number, number, number]): AddressRange {
  if (a === 0) return 'unspecified'; // "this network"
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT, RFC 6598
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // includes 255.255.255.255
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
  if ((a === 192 && b === 0 && c === 0) || (a === 192 && b === 88 && c === 99) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return 'public';
}

function ipv6Range(bytes: readonly number[]): AddressRange {
  const [first = 0, second = 0, third = 0, fourth = 0] = bytes;
  if (bytes.every((byte) => byte === 0)) return 'unspecified';
  if (bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1) return 'loopback';
  if (first === 0xff) return 'multicast';
  if (first === 0xfe && (second & 0xc0) === 0x80) return 'link-local';
  if (first === 0xfe && (second & 0xc0) === 0xc0) return 'private'; // site-local, deprecated
  if ((first & 0xfe) === 0xfc) return 'unique-local';
  if (first === 0x20 && second === 0x01 && third === 0x0d && fourth === 0xb8) return 'documentation';
  if (first === 0x00 && second === 0x64 && third === 0xff && fourth === 0x9b) return 'private'; // 64:ff9b:1::/48, local-use NAT64
  if (first === 0x20 && second === 0x01 && third <= 0x01) return 'reserved'; // 2001::/23: Teredo, benchmarking, ORCHID, …
  if ((first & 0xe0) !== 0x20) return 'reserved'; // outside 2000::/3, the global unicast space
  return 'public';
}
