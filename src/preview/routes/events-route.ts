import type { Route } from '../router.js';
import type { PreviewContext } from './preview-context.js';

/** `GET /events`: the live-reload stream every page listens to. */
export function eventsRoutes(context: PreviewContext): Route[] {
  return [{ method: 'GET', pattern: /^\/events$/, handle: ({ response }) => context.hub.connect(response) }];
}
