import { PREVIEW_SCRIPT } from '../assets/preview-script.js';
import { PREVIEW_STYLES } from '../assets/preview-styles.js';
import { send } from '../http.js';
import type { Route } from '../router.js';

/** The preview's own stylesheet and script. */
export function assetRoutes(): Route[] {
  return [
    { method: 'GET', pattern: /^\/_preview\/preview\.css$/, handle: ({ response }) => send(response, 200, 'text/css; charset=utf-8', PREVIEW_STYLES) },
    { method: 'GET', pattern: /^\/_preview\/preview\.js$/, handle: ({ response }) => send(response, 200, 'text/javascript; charset=utf-8', PREVIEW_SCRIPT) },
  ];
}
