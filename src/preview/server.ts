import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { loadConfig } from '../io/load-config.js';
import { warmUpRenderer } from './warm-up.js';
import { RequestBodyError } from '../errors.js';
import { ClientGoneError, isAllowedHost, send } from './http.js';
import { startInbox, type CaughtMessage, type Inbox } from './inbox.js';
import { listenError } from './listen-error.js';
import { createLiveReloadHub } from './live-reload.js';
import { createPageCache } from './page-cache.js';
import { createPreviewBuilder, type RebuildReport } from './preview-builder.js';
import { matchRoute, type Route } from './router.js';
import { assetRoutes } from './routes/asset-routes.js';
import { emailRoutes } from './routes/email-routes.js';
import { eventsRoutes } from './routes/events-route.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { indexRoutes } from './routes/index-route.js';
import { sendErrorPage, type PreviewContext } from './routes/preview-context.js';
import { viewerRoutes } from './routes/viewer-route.js';
import { webRoutes } from './routes/web-routes.js';
import { testSends } from './routes/send-route.js';
import { loadEnvFile } from '../send/load-env-file.js';
import type { Timeouts } from '../send/smtp-errors.js';
import { checkRequestTarget } from './safe-path.js';

export interface PreviewOptions {
  /** Project root. @default process.cwd() */
  root?: string;
  /** Config file, relative to root. @default "newsletter.config.json" when present */
  configFile?: string;
  /** HTTP port on 127.0.0.1; 0 picks a free one. @default 4000 */
  port?: number;
  /** Port of the built-in SMTP inbox on 127.0.0.1; 0 picks a free one; null turns the inbox off. @default 2525 */
  smtpPort?: number | null;
  /** Build and show articles with `draft: true`. @default true */
  drafts?: boolean;
  /**
   * SMTP_URL, SMTP_FROM and TEST_RECIPIENTS for the send-test form.
   * @default process.env over the project's `.env`, as `npm run send-test` reads them
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** SMTP timeouts of test sends in ms. @default send-test's: { connectionMs: 10000, greetingMs: 10000, socketMs: 30000 } */
  sendTimeouts?: Partial<Timeouts>;
  /** Saves within this many ms count as one change. @default 20 */
  debounceMs?: number;
  /** Told about rebuilds, caught mail and failed requests; the library itself never prints. */
  onEvent?: (event: PreviewEvent) => void;
}

export type PreviewEvent =
  | { type: 'rebuilt'; report: RebuildReport }
  | { type: 'mail'; message: CaughtMessage }
  | { type: 'request-failed'; method: string; url: string; error: unknown }
  /** The client closed the connection before it had sent its whole request: worth one line, not an error. */
  | { type: 'request-aborted'; method: string; url: string };

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  /** null when the inbox is off. */
  readonly smtpPort: number | null;
  readonly config: ResolvedConfig;
  /** The build made at start. */
  readonly initialBuild: RebuildReport;
  /** Resolves when no rebuild is running or queued. */
  idle(): Promise<void>;
  /** Stop watching, end every connection, stop the inbox. */
  close(): Promise<void>;
}

export const DEFAULT_PREVIEW_PORT = 4000;
export const DEFAULT_INBOX_PORT = 2525;
/** Short, for a quick page update; a second look after chokidar's throttle (watch-settled) catches later writes. */
const DEFAULT_DEBOUNCE_MS = 20;
const HOST = '127.0.0.1';

/**
 * Start the preview: build everything, then serve the newsletters on
 * 127.0.0.1, rebuild on every save and reload open pages, and catch test
 * sends in the built-in SMTP inbox. The CLI `npm run preview` calls this.
 */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const config = await loadConfig({ root: options.root, configFile: options.configFile });
  const bootId = randomBytes(6).toString('hex');
  const hub = createLiveReloadHub(bootId);
  const emit = options.onEvent ?? (() => undefined);

  const builder = createPreviewBuilder({
    config,
    configFile: options.configFile,
    drafts: options.drafts ?? true,
    onRebuilt(report) {
      // Only when something a page shows changed: an unchanged save must not reload every open page.
      if (report.files.length > 0 || report.problemsChanged) hub.broadcast({ type: 'rebuilt', everything: report.everything, newsletters: report.newsletters, files: report.files });
      emit({ type: 'rebuilt', report });
    },
  });

  let inbox: Inbox | null = null;
  const server = createServer();
  try {
    // Ports first, so that a taken port is reported at once, before a build that may take a while.
    if (options.smtpPort !== null) {
      inbox = await startInbox({
        port: options.smtpPort ?? DEFAULT_INBOX_PORT,
        onMessage(message) {
          hub.broadcast({ type: 'mail', id: message.id });
          emit({ type: 'mail', message });
        },
      });
    }
    const context: PreviewContext = {
      builder,
      inbox,
      hub,
      bootId,
      port: () => (server.address() as AddressInfo).port,
      loadEnv: async () => {
        // The three variables test sends use, read at each call: an edited .env counts at once.
        const env = options.env ?? { ...(await loadEnvFile(config.root)), ...pickEnv(process.env) };
        return pickEnv(env);
      },
      envVersion: () => {
        // A digest, so that the password is not kept around in one more place.
        const values = JSON.stringify([options.env ? pickEnv(options.env) : pickEnv(process.env), options.env ? null : envFileStamp(config.root)]);
        return createHash('sha256').update(values).digest('base64url');
      },
      pages: createPageCache(),
      sendTimeouts: options.sendTimeouts,
    };
    const sends = testSends(context);
    const routes: Route[] = [
      ...indexRoutes(context),
      ...viewerRoutes(context, sends),
      ...sends.routes,
      ...emailRoutes(context),
      ...webRoutes(context),
      ...inboxRoutes(context),
      ...eventsRoutes(context),
      ...assetRoutes(),
    ];
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      handleRequest(context, routes, request, response).catch((error: unknown) => {
        if (error instanceof ClientGoneError) {
          emit({ type: 'request-aborted', method: request.method ?? '', url: request.url ?? '' });
          response.destroy();
          return;
        }
        emit({ type: 'request-failed', method: request.method ?? '', url: request.url ?? '', error });
        if (response.headersSent) response.destroy();
        else sendErrorPage(context, response, 500, (t) => [t.errorPages.somethingWrong, error instanceof Error ? error.message : String(error)]);
      });
    });
    const requestedPort = options.port ?? DEFAULT_PREVIEW_PORT;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(listenError(error, 'preview', requestedPort, '--port')));
      server.listen(requestedPort, HOST, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;

    await builder.watch(options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    const initialBuild = await builder.initial();
    // MJML takes about a second to load and first runs are slow: pay that now, not on the first save.
    await warmUpRenderer(builder.state.config);

    return {
      url: `http://${HOST}:${port}/`,
      port,
      smtpPort: inbox?.port ?? null,
      config,
      initialBuild,
      idle: () => builder.idle(),
      async close() {
        await builder.close();
        hub.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await inbox?.close();
      },
    };
  } catch (error) {
    await builder.close();
    hub.close();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
    await inbox?.close();
    throw error;
  }
}

const SEND_VARIABLES = ['SMTP_URL', 'SMTP_FROM', 'TEST_RECIPIENTS'] as const;

/** Size and modification time of `.env`: a stat, not a read, for each page request. */
function envFileStamp(root: string): string | null {
  const stats = statSync(path.join(root, '.env'), { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : null;
}

function pickEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const name of SEND_VARIABLES) if (env[name] !== undefined) picked[name] = env[name];
  return picked;
}

async function handleRequest(context: PreviewContext, routes: readonly Route[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isAllowedHost(request.headers.host, context.port())) {
    send(response, 403, 'text/plain; charset=utf-8', `The preview answers only to 127.0.0.1:${context.port()} and localhost:${context.port()}.\n`);
    return;
  }
  const target = checkRequestTarget(request.url ?? '');
  if (!target.ok) {
    sendErrorPage(context, response, 400, (t) => [t.errorPages.badRequest, t.errorPages.refusedBecause(target.reason)]);
    return;
  }
  const match = matchRoute(routes, request.method ?? 'GET', target.pathname);
  if (match.kind === 'not-found') {
    sendErrorPage(context, response, 404, (t) => [t.errorPages.notFound, t.errorPages.noPageHere]);
    return;
  }
  if (match.kind === 'wrong-method') {
    response.setHeader('Allow', match.allowed.join(', '));
    sendErrorPage(context, response, 405, (t) => [t.errorPages.methodNotAllowed, t.errorPages.useMethod(match.allowed.join(' / '))]);
    return;
  }
  try {
    await match.route.handle({ request, response, pathname: target.pathname, query: target.query, params: match.params });
  } catch (error) {
    if (!(error instanceof RequestBodyError)) throw error;
    sendErrorPage(context, response, error.status, (t) => [t.errorPages.badRequest, error.message]);
  }
}
