import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteRequest {
  request: IncomingMessage;
  response: ServerResponse;
  /** Decoded, already checked by `checkRequestTarget`. */
  pathname: string;
  query: URLSearchParams;
  /** Capture groups of the route's pattern. */
  params: string[];
}

export interface Route {
  method: 'GET' | 'POST';
  /** Anchored pattern over the decoded path; capture groups become `params`. */
  pattern: RegExp;
  handle(request: RouteRequest): Promise<void> | void;
}

export type RouteMatch = { kind: 'found'; route: Route; params: string[] } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'not-found' };

/** First route whose pattern and method fit; HEAD is served as GET. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method === wanted) return { kind: 'found', route, params: match.slice(1).map((group) => group ?? '') };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'not-found' };
}
