import path from 'node:path';

export type RequestTarget =
  | { ok: true; pathname: string; query: URLSearchParams }
  | { ok: false; reason: string };

/**
 * Every character a preview URL path can legitimately hold once decoded:
 * slugs are `a-z0-9-`, inbox ids digits, assets `name.ext`. Anything else
 * (`%`, `\`, control characters, look-alike Unicode dots) is refused before
 * routing, so double-encoded and exotic traversal forms never reach a route.
 */
const ALLOWED_PATH = /^[A-Za-z0-9._\-/]*$/;

/**
 * Check a raw request target (`req.url`) and split it into path and query.
 * Refused: anything that is not an origin-form path, backslashes, encoded
 * slashes, `.`/`..` segments (plain, percent-encoded or double-encoded),
 * empty segments (`//etc/passwd`), undecodable escapes and characters
 * outside the allowed set.
 */
export function checkRequestTarget(rawUrl: string): RequestTarget {
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return { ok: false, reason: 'the request path must start with a single "/"' };
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);
  if (/%2f|%5c|\\/i.test(rawPath)) return { ok: false, reason: 'encoded slashes and backslashes are not allowed in paths' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'the path holds an invalid percent-encoding' };
  }
  if (!ALLOWED_PATH.test(pathname)) return { ok: false, reason: 'the path holds characters that no preview URL uses' };
  const segments = pathname.split('/').slice(1);
  if (segments.some((segment, index) => segment === '.' || segment === '..' || (segment === '' && index < segments.length - 1))) {
    return { ok: false, reason: 'relative or empty path segments are not allowed' };
  }
  return { ok: true, pathname, query: new URLSearchParams(rawQuery) };
}

/**
 * `base/name`, or null when `name` is not a single plain file name inside
 * `base`. A second line of defence behind `checkRequestTarget` for every
 * route that touches the disk.
 */
export function resolveInside(base: string, name: string): string | null {
  if (name === '' || name.includes('/') || name.includes('\\') || name.includes('\0') || name === '.' || name === '..' || path.isAbsolute(name)) return null;
  const resolvedBase = path.resolve(base);
  const file = path.resolve(resolvedBase, name);
  return path.dirname(file) === resolvedBase ? file : null;
}
