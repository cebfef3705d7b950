import { PREVIEW_SCRIPT } from '../assets/preview-script.js';
import { PREVIEW_STYLES } from '../assets/preview-styles.js';
import { send } from '../http.js';
import type { Route } from '../router.js';

// Pages link the assets with `?v=<boot id>`, so a browser may keep them: a reload after a save then fetches only the page and the email.
const CACHED = { 'Cache-Control': 'max-age=86400, immutable' };

/** The preview's own stylesheet and script, encoded once. */
export function assetRoutes(): Route[] {
  const styles = Buffer.from(PREVIEW_STYLES, 'utf8');
  const script = Buffer.from(PREVIEW_SCRIPT, 'utf8');
  return [
    { method: 'GET', pattern: /^\/_preview\/preview\.css$/, handle: ({ response }) => send(response, 200, 'text/css; charset=utf-8', styles, null, CACHED) },
    { method: 'GET', pattern: /^\/_preview\/preview\.js$/, handle: ({ response }) => send(response, 200, 'text/javascript; charset=utf-8', script, null, CACHED) },
  ];
}
