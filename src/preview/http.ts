import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestBodyError } from '../errors.js';

/** Preview pages: own scripts and styles only, frames and forms only to the preview itself. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** Emails: never a script (mail clients run none either); remote images and inline styles as in an inbox. */
export const EMAIL_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; font-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

// `same-origin`: links in an email never tell other sites about the preview, while the preview's own
// form posts keep their Origin header (with `no-referrer`, browsers send `Origin: null` on POST).
const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'Cache-Control': 'no-store' } as const;

export function sendPage(response: ServerResponse, status: number, page: string | Buffer): void {
  send(response, status, 'text/html; charset=utf-8', page, PAGE_CSP);
}

export function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, csp: string | null = null, extra: Record<string, string> = {}): void {
  const headers: Record<string, string | number> = { ...COMMON_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra };
  if (csp !== null) headers['Content-Security-Policy'] = csp;
  response.writeHead(status, headers);
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/** The client asked for JSON (`Accept: application/json`) rather than a page. */
export function wantsJson(request: IncomingMessage): boolean {
  return /(^|[\s,])application\/json\b/i.test(request.headers.accept ?? '');
}

/** 303 See Other: after a POST, the browser GETs the result page, so reloading it never re-sends. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { ...COMMON_HEADERS, Location: location, 'Content-Length': 0 });
  response.end();
}

/**
 * The client closed the connection before its request was read to the end
 * (a closed tab, a cancelled request): there is nobody to answer, and
 * nothing went wrong in the preview.
 */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before it had sent the whole request');
  }
}

/** An `application/x-www-form-urlencoded` body, at most `limit` bytes. */
export async function readForm(request: IncomingMessage, limit = 16 * 1024): Promise<URLSearchParams> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new RequestBodyError('expected a form (application/x-www-form-urlencoded)', 415);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new RequestBodyError(`the form is larger than ${limit} bytes`, 413);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    // Node ends the body of a request whose connection closed early with `Error: aborted` (ECONNRESET).
    if (!(error instanceof RequestBodyError) && (request.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET')) throw new ClientGoneError();
    throw error;
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The preview answers only to the names it is reachable by on this machine.
 * Another Host header means a page elsewhere re-pointed its own domain at
 * 127.0.0.1 (DNS rebinding) to read the preview: refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A form post from the preview's own pages. Browsers send `Origin` with every
 * POST, which must be the preview's; where it is missing or `null` (privacy
 * settings), `Sec-Fetch-Site`, which pages cannot set, must say same-origin.
 * A page on another origin could otherwise make the editor's browser send
 * mail or empty the inbox (cross-site request forgery).
 */
export function isSameOriginPost(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  return request.headers['sec-fetch-site'] === 'same-origin';
}
