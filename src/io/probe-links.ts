/**
 * The one edge of `npm run check -- --online`: ask each web address whether
 * it answers. HEAD first (cheap), then GET for servers that refuse or
 * mishandle HEAD. Redirects are followed; a status below 400 counts as
 * reachable. Uses Node's own fetch; nothing here runs without `--online`.
 */

export interface ProbeOptions {
  /** Per request, in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Requests in flight at once. @default 8 */
  concurrency?: number;
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
const USER_AGENT = 'punk-newsletter link check';

/** Probe every address once (duplicates share one request), at most `concurrency` at a time. Never throws. */
export async function probeLinks(urls: readonly string[], options: ProbeOptions = {}): Promise<ProbeResult[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_PROBE_CONCURRENCY);
  const unique = [...new Set(urls)];
  const results = new Map<string, ProbeResult>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++] as string;
      results.set(url, await probeLink(url, timeoutMs));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  return unique.map((url) => results.get(url) as ProbeResult);
}

export async function probeLink(url: string, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const head = await request(url, 'HEAD', timeoutMs);
  if (head.ok) return head;
  return request(url, 'GET', timeoutMs);
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
    await response.body?.cancel(); // the status is all we need
    const ok = response.status < 400;
    return ok ? { url, ok, status: response.status } : { url, ok, status: response.status, reason: `answers ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  } catch (error) {
    return { url, ok: false, reason: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `gave no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `could not be reached (${cause.code})`;
  return `could not be reached (${cause?.message ?? (error as Error).message ?? String(error)})`;
}
