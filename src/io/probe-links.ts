/**
 * The one edge of `npm run check -- --online`: ask each web address whether
 * it answers. HEAD first (cheap), then GET for servers that refuse or
 * mishandle HEAD; a status below 400 counts as reachable. Nothing here runs
 * without `--online`.
 *
 * The check must never become a way to reach the machine it runs on or its
 * network: every host, the link's own and each redirect's, is normalised and
 * its addresses judged before anything is sent (loopback, private,
 * link-local, unique-local, multicast and reserved addresses are refused),
 * and the connection goes to exactly the address that was judged, so a name
 * cannot resolve to a public address for the check and to a local one for
 * the request (DNS rebinding). Each link is bounded: at most `maxRedirects`
 * redirects, `timeoutMs` in total, and only the status line and headers
 * (at most 16 KB) are read.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { describeRange, normaliseHost, type AddressRange } from '../ip-address.js';

export interface ProbeOptions {
  /** Time for one link in milliseconds, all of it: name lookups, HEAD, GET and every redirect. @default 10000 */
  timeoutMs?: number;
  /** Links requested at once. @default 8 */
  concurrency?: number;
  /** Redirects followed per request. @default 5 */
  maxRedirects?: number;
  /**
   * Also request private-network and unique-local addresses: the project turned
   * `links/private-host` off (an intranet newsletter). Loopback, link-local,
   * multicast and reserved addresses are never requested. @default false
   */
  allowPrivate?: boolean;
  /** Host name → its addresses. @default the system resolver (`dns.lookup`, every address) */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * Which address and port may be connected to, replacing the range rules
   * above (the tests allow one server on 127.0.0.1 with it).
   * @default public addresses, and private ones with `allowPrivate`
   */
  isAllowedAddress?: (address: string, port: number) => boolean;
}

export interface ProbeResult {
  url: string;
  ok: boolean;
  /** Final HTTP status, when the server answered. */
  status?: number;
  /** Why it failed, in words, when it did. */
  reason?: string;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;
export const DEFAULT_PROBE_CONCURRENCY = 8;
const DEFAULT_MAX_REDIRECTS = 5;
/** Status line and headers; the body is never read. */
const MAX_HEADER_BYTES = 16 * 1024;
const USER_AGENT = 'punk-newsletter link check';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The range rules of `isAllowedAddress`'s default. */
export function defaultAddressPolicy(allowPrivate: boolean): (address: string) => boolean {
  const allowed = new Set<AddressRange>(allowPrivate ? ['public', 'private', 'unique-local'] : ['public']);
  return (address) => {
    const range = normaliseHost(address).ip?.range;
    return range !== undefined && allowed.has(range);
  };
}

/** Probe every address once (duplicates share one request), at most `concurrency` at a time. Never throws. */
export async function probeLinks(urls: readonly string[], options: ProbeOptions = {}): Promise<ProbeResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_PROBE_CONCURRENCY);
  const unique = [...new Set(urls)];
  const results = new Map<string, ProbeResult>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++] as string;
      results.set(url, await probeLink(url, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  return unique.map((url) => results.get(url) as ProbeResult);
}

/** One link: HEAD, then GET where HEAD got no good answer, within one time limit. Never throws. */
async function probeLink(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const policy = defaultAddressPolicy(options.allowPrivate ?? false);
  const context: ProbeContext = {
    signal: AbortSignal.timeout(timeoutMs),
    timeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    resolve: options.resolve ?? resolveWithSystem,
    isAllowed: options.isAllowedAddress ?? ((address) => policy(address)),
  };
  const head = await follow(url, 'HEAD', context);
  if (head.outcome.ok || !head.tryGet || context.signal.aborted) return head.outcome;
  return (await follow(url, 'GET', context)).outcome;
}

interface ProbeContext {
  signal: AbortSignal;
  timeoutMs: number;
  maxRedirects: number;
  resolve: (hostname: string) => Promise<string[]>;
  isAllowed: (address: string, port: number) => boolean;
}

/** A request and its redirects. `tryGet`: whether GET might fare better than this HEAD. */
async function follow(url: string, method: 'HEAD' | 'GET', context: ProbeContext): Promise<{ outcome: ProbeResult; tryGet: boolean }> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { outcome: { url, ok: false, reason: 'is not a valid web address' }, tryGet: false };
  }
  for (let redirects = 0; ; redirects++) {
    const hop = redirects === 0 ? null : current.href;
    const target = await checkTarget(current, context);
    if (!target.ok) {
      if (context.signal.aborted) return { outcome: { url, ok: false, reason: describeFailure(null, context.timeoutMs, true) }, tryGet: false };
      const what = target.refused ? `was not requested: ${target.why}` : `could not be reached (${target.why})`;
      return { outcome: { url, ok: false, reason: hop === null ? what : `redirects to ${hop}, which ${what}` }, tryGet: false };
    }
    let response: { status: number; statusText: string; location: string | undefined };
    try {
      response = await requestOnce(current, method, target.address, context.signal);
    } catch (error) {
      const timedOut = context.signal.aborted;
      return { outcome: { url, ok: false, reason: describeFailure(error, context.timeoutMs, timedOut) }, tryGet: !timedOut };
    }
    if (REDIRECTS.has(response.status) && response.location !== undefined) {
      if (redirects >= context.maxRedirects) return { outcome: { url, ok: false, status: response.status, reason: `redirects more than ${context.maxRedirects} times` }, tryGet: false };
      let next: URL;
      try {
        next = new URL(response.location, current);
      } catch {
        return { outcome: { url, ok: false, status: response.status, reason: `redirects to "${response.location}", which is not a valid address` }, tryGet: false };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return { outcome: { url, ok: false, status: response.status, reason: `redirects to ${next.protocol} (not a web address), which was not requested` }, tryGet: false };
      }
      current = next;
      continue;
    }
    const ok = response.status < 400;
    return ok
      ? { outcome: { url, ok, status: response.status }, tryGet: false }
      : { outcome: { url, ok, status: response.status, reason: `answers ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` }, tryGet: true };
  }
}

/** Where to connect, or why not: `refused` by the address rules, or the name has no address. */
type Target = { ok: true; address: string } | { ok: false; refused: boolean; why: string };

/** Normalise the host, resolve a name, and judge every address it has; the connection goes to the one returned. */
async function checkTarget(url: URL, context: ProbeContext): Promise<Target> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, refused: true, why: `${url.protocol} is not a web address` };
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const { host, ip } = normaliseHost(url.hostname);
  if (ip) return context.isAllowed(ip.address, port) ? { ok: true, address: ip.address } : { ok: false, refused: true, why: `it points to ${describeAddress(ip.address)}` };
  if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, refused: true, why: `"${host}" is this machine` };
  let addresses: string[];
  try {
    addresses = await raceAbort(context.resolve(host), context.signal);
  } catch (error) {
    return { ok: false, refused: false, why: (error as { code?: string }).code ?? `"${host}" has no address` };
  }
  if (addresses.length === 0) return { ok: false, refused: false, why: 'ENOTFOUND' };
  // One refused address refuses the name: a host that is partly this machine is not checked at all.
  const refused = addresses.find((address) => !context.isAllowed(address, port));
  if (refused !== undefined) return { ok: false, refused: true, why: `"${host}" resolves to ${describeAddress(refused)}` };
  return { ok: true, address: addresses[0] as string };
}

/** `::ffff:7f00:1 (127.0.0.1), a loopback address (this machine)`, for messages. */
function describeAddress(address: string): string {
  const { host, ip } = normaliseHost(address);
  const range = ip?.range ?? 'reserved';
  const shown = ip?.embeddedIpv4 ? `${host} (${ip.embeddedIpv4})` : host;
  return range === 'public' ? shown : `${shown}, ${describeRange(range)}`;
}

/** One request to exactly `address`; resolves with the status and Location once the headers are in, then closes. */
function requestOnce(url: URL, method: 'HEAD' | 'GET', address: string, signal: AbortSignal): Promise<{ status: number; statusText: string; location: string | undefined }> {
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      {
        host: address, // the address that was judged: no second name lookup
        port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method,
        headers: { host: url.host, 'user-agent': USER_AGENT, accept: '*/*', connection: 'close' },
        // TLS checks the certificate against the name in the link, not the address.
        ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
        agent: false,
        signal,
        maxHeaderSize: MAX_HEADER_BYTES,
      },
      (response) => {
        const location = response.headers.location;
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', location });
        response.destroy(); // the status is all we need: the body is never read
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function resolveWithSystem(hostname: string): Promise<string[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeFailure(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `gave no answer within ${timeoutMs / 1000} s`;
  const code = (error as { code?: string }).code;
  if (code === 'HPE_HEADER_OVERFLOW') return `answers with more than ${MAX_HEADER_BYTES / 1024} KB of headers`;
  if (code) return `could not be reached (${code})`;
  return `could not be reached (${(error as Error).message ?? String(error)})`;
}
