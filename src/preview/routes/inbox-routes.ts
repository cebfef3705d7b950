import { EMAIL_CSP, isSameOriginPost, redirect, send, sendPage } from '../http.js';
import type { Inbox } from '../inbox.js';
import { INBOX_LIMIT } from '../inbox.js';
import { renderInboxPage } from '../render-inbox-page.js';
import { isMessageView, renderMessagePage } from '../render-message-page.js';
import type { Route, RouteRequest } from '../router.js';
import { sendErrorPage, type PreviewContext } from './preview-context.js';

/**
 * The built-in inbox: `GET /inbox`, `GET /inbox/<id>[?view=html|text|headers]`,
 * `GET /inbox/<id>.html` (the HTML part, scripts blocked), `GET /inbox/<id>.eml`
 * (the raw message) and `POST /inbox/clear`.
 */
export function inboxRoutes(context: PreviewContext): Route[] {
  const withInbox = (handle: (inbox: Inbox, request: RouteRequest) => void) => (request: RouteRequest) => {
    if (context.inbox === null) sendErrorPage(context, request.response, 404, 'The inbox is off', 'This preview was started without the built-in SMTP inbox.');
    else handle(context.inbox, request);
  };
  const message = (inbox: Inbox, request: RouteRequest) => {
    const found = inbox.get(request.params[0] ?? '');
    if (!found) sendErrorPage(context, request.response, 404, 'No such message', 'The inbox keeps messages in memory only: it is emptied when the preview restarts, and the oldest go when it is full.');
    return found;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/inbox$/,
      handle: withInbox((inbox, { response }) =>
        sendPage(response, 200, renderInboxPage({ messages: inbox.messages(), address: `smtp://127.0.0.1:${inbox.port}`, limit: INBOX_LIMIT, assetVersion: context.bootId })),
      ),
    },
    {
      method: 'GET',
      pattern: /^\/inbox\/(\d+)$/,
      handle: withInbox((inbox, request) => {
        const found = message(inbox, request);
        if (!found) return;
        const requested = request.query.get('view');
        const view = isMessageView(requested) ? requested : 'html';
        sendPage(request.response, 200, renderMessagePage({ message: found, view, inboxCount: inbox.messages().length, assetVersion: context.bootId }));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/inbox\/(\d+)\.html$/,
      handle: withInbox((inbox, request) => {
        const found = message(inbox, request);
        if (found) send(request.response, 200, 'text/html; charset=utf-8', found.html ?? '', EMAIL_CSP);
      }),
    },
    {
      method: 'GET',
      pattern: /^\/inbox\/(\d+)\.eml$/,
      handle: withInbox((inbox, request) => {
        const found = message(inbox, request);
        if (found) send(request.response, 200, 'message/rfc822', found.raw, EMAIL_CSP, { 'Content-Disposition': `attachment; filename="message-${found.id}.eml"` });
      }),
    },
    {
      method: 'POST',
      pattern: /^\/inbox\/clear$/,
      handle: withInbox((inbox, { request, response }) => {
        if (!isSameOriginPost(request, context.port())) {
          sendErrorPage(context, response, 403, 'Refused', 'Only the preview\'s own pages may empty the inbox.');
          return;
        }
        inbox.clear();
        redirect(response, '/inbox');
      }),
    },
  ];
}
