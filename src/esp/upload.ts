import { SendError } from '../errors.js';

/** What an ESP's draft campaign is made of: the same for an article and an edition. */
export interface DraftCampaign {
  /** Internal campaign name shown in the ESP's list, e.g. "ki-chips (2025-11-04)". */
  name: string;
  /** The subject line, with ESP tags where it has personal fields. */
  subject: string;
  /** The inbox preview text, with ESP tags where it has personal fields. */
  preheader: string;
  /** Sender as the config names it. */
  from: { name: string; address: string };
  /** Exactly `out/<slug>.html` and `out/<slug>.txt`. */
  html: string;
  text: string;
  /** `esp.listId`, or null to choose the list in the ESP. */
  listId: string | null;
}

export interface UploadedDraft {
  provider: 'brevo' | 'mailchimp';
  /** The campaign's id at the ESP. */
  campaignId: string;
  /** Where the draft opens in the ESP's web app. */
  link: string;
}

/** An ESP's HTTP API as an upload needs it: where, with which key, and the time each request may take. */
export interface EspApi {
  key: string;
  /** Base URL without a trailing slash, e.g. https://api.brevo.com/v3. */
  baseUrl: string;
  /** Milliseconds per request. @default 30000 */
  timeoutMs?: number;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * One JSON request. Network failures become one line naming the host and the
 * cause; the key never appears in any message (it is masked wherever an
 * answer might echo it).
 */
export async function requestJson(api: EspApi, name: string, method: 'POST' | 'PUT', path: string, headers: Record<string, string>, body: unknown): Promise<JsonResponse> {
  const url = `${api.baseUrl}${path}`;
  const host = safeHost(api.baseUrl);
  const timeoutMs = api.timeoutMs ?? 30_000;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new SendError(mask(`cannot reach ${name} at ${host} (${networkCause(error, timeoutMs)}): check the network connection${name === 'Brevo' ? ' or BREVO_API_URL' : ' or MAILCHIMP_API_URL'}, then run esp-upload again`, api.key), { cause: error });
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page): kept as text for the message
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** The message an ESP put in its error answer (`message`, `detail`, `title`), one line, at most 200 characters, key masked. */
export function answerMessage(body: unknown, key: string): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const raw = [record.message, record.detail, record.title, typeof body === 'string' ? body : undefined].find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? '';
  const line = mask(raw, key).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** One line for an HTTP failure: bad key, unknown list, rate limit, or what the ESP said. */
export function describeFailure(name: string, response: JsonResponse, api: EspApi, options: { keyVariable: string; listId: string | null; what: string }): SendError {
  const said = answerMessage(response.body, api.key);
  const quoted = said ? `: "${said}"` : '';
  if (response.status === 401 || response.status === 403) {
    return new SendError(`${name} refused the API key (${response.status}${quoted}): check ${options.keyVariable} in the environment or .env, and that the key may create campaigns`);
  }
  if (response.status === 429) {
    const retry = response.headers.get('retry-after') ?? response.headers.get('x-sib-ratelimit-reset');
    return new SendError(`${name}'s rate limit is reached (429${quoted}): wait${retry && /^\d+$/.test(retry) ? ` ${retry} s` : ' a minute'} and run esp-upload again`);
  }
  if (options.listId !== null && (response.status === 404 || /\blist/i.test(said))) {
    return new SendError(`${name} does not know the list "${options.listId}" (${response.status}${quoted}): correct "esp.listId" in newsletter.config.json (${name === 'Mailchimp' ? 'the audience id under Audience → Settings' : 'the list id under Contacts → Lists'})`);
  }
  return new SendError(`${name} refused to ${options.what} (${response.status}${quoted}): correct what it names and run esp-upload again`);
}

/** The key, and any text that could carry it, never printed. */
export function mask(text: string, key: string): string {
  return key.length >= 4 ? text.split(key).join('****') : text;
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'an address that is not a URL';
  }
}

function networkCause(error: unknown, timeoutMs: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'name lookup failed',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'timed out',
    EHOSTUNREACH: 'host unreachable',
  };
  if (code !== undefined) return `${known[code] ?? 'network error'}, ${code}`;
  return cause?.message ?? (error as Error).message ?? 'network error';
}
