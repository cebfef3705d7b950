import { EMAIL_CSP, isSameOriginPost, redirect, send, sendPage } from '../http.js';
import type { Inbox } from '../inbox.js';
import { INBOX_LIMIT } from '../inbox.js';
import { renderInboxPage } from '../render-inbox-page.js';
import { isMessageView, renderMessagePage } from '../render-message-page.js';
import type { Route, RouteRequest } from '../router.js';
import { sendErrorPage, versionOf, wordsOf, type PreviewContext } from './preview-context.js';

/**
 * The built-in inbox: `GET /inbox`, `GET /inbox/<id>[?view=html|text|headers]`,
 * `GET /inbox/<id>.html` (the HTML part, scripts blocked), `GET /inbox/<id>.eml`
 * (the raw message) and `POST /inbox/clear`. Pages are rendered once per
 * inbox (and build) version.
 */
export function inboxRoutes(context: PreviewContext): Route[] {
  const withInbox = (handle: (inbox: Inbox, request: RouteRequest) => Promise<void> | void) => async (request: RouteRequest) => {
    if (context.inbox === null) sendErrorPage(context, request.response, 404, (t) => [t.errorPages.inboxOff, t.errorPages.inboxOffMessage]);
    else await handle(context.inbox, request);
  };
  const message = (inbox: Inbox, request: RouteRequest) => {
    const found = inbox.get(request.params[0] ?? '');
    if (!found) sendErrorPage(context, request.response, 404, (t) => [t.errorPages.noSuchMessage, t.errorPages.noSuchMessageText]);
    return found;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/inbox$/,
      handle: withInbox(async (inbox, { response }) => {
        const page = await context.pages.get('/inbox', versionOf(context), () =>
          renderInboxPage({ messages: inbox.messages(), address: `smtp://127.0.0.1:${inbox.port}`, limit: INBOX_LIMIT, assetVersion: context.bootId, words: wordsOf(context) }),
        );
        sendPage(response, 200, page);
      }),
    },
    {
      method: 'GET',
      pattern: /^\/inbox\/(\d+)$/,
      handle: withInbox(async (inbox, request) => {
        const found = message(inbox, request);
        if (!found) return;
        const requested = request.query.get('view');
        const view = isMessageView(requested) ? requested : 'html';
        const page = await context.pages.get(`/inbox/${found.id}?view=${view}`, versionOf(context), () =>
          renderMessagePage({ message: found, view, inboxCount: inbox.messages().length, assetVersion: context.bootId, words: wordsOf(context) }),
        );
        sendPage(request.response, 200, page);
      }),
    },
    {
      method: 'GET',
      pattern: /^\/inbox\/(\d+)\.html$/,
      handle: withInbox(async (inbox, request) => {
        const found = message(inbox, request);
        if (found) send(request.response, 200, 'text/html; charset=utf-8', await context.pages.get(`/inbox/${found.id}.html`, String(inbox.version), () => found.html ?? ''), EMAIL_CSP);
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
          sendErrorPage(context, response, 403, (t) => [t.errorPages.refused, t.errorPages.clearOnlyFromPreview]);
          return;
        }
        inbox.clear();
        redirect(response, '/inbox');
      }),
    },
  ];
}
