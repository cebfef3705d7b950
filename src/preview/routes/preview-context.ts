import type { Timeouts } from '../../send/smtp-errors.js';
import type { Inbox } from '../inbox.js';
import type { PageCache } from '../page-cache.js';
import type { LiveReloadHub } from '../live-reload.js';
import type { PreviewBuilder } from '../preview-builder.js';
import { renderErrorPage } from '../render-error-page.js';
import { sendPage } from '../http.js';
import type { ServerResponse } from 'node:http';
import { previewText, type PreviewText } from '../preview-text.js';

/** What every route may use. */
export interface PreviewContext {
  builder: PreviewBuilder;
  /** null when the inbox is off. */
  inbox: Inbox | null;
  hub: LiveReloadHub;
  /** Changes with every server start (cache-busting of assets, restart detection). */
  bootId: string;
  /** The HTTP port, known once listening. */
  port(): number;
  /** SMTP_URL, SMTP_FROM, TEST_RECIPIENTS for test sends, read when needed (an edited .env counts at once). */
  loadEnv(): Promise<Record<string, string | undefined>>;
  /** Changes whenever what `loadEnv` would return may have changed; cheap enough for every request. */
  envVersion(): string;
  /** Pages and files rendered once per version (see `versionOf`). */
  pages: PageCache;
  /** SMTP timeouts of test sends; unset parts keep send-test's defaults. */
  sendTimeouts?: Partial<Timeouts>;
}

/** The build and inbox versions, which every page with the navigation depends on. */
export function versionOf(context: PreviewContext): string {
  return `${context.builder.state.version}.${context.inbox?.version ?? 0}`;
}

/** The preview's own words, in the project's locale (German by default). */
export function wordsOf(context: PreviewContext): PreviewText {
  return previewText(context.builder.state.config.locale);
}

/** An error page; `say` picks its heading and message from the preview's words. */
export function sendErrorPage(
  context: PreviewContext,
  response: ServerResponse,
  status: number,
  say: (words: PreviewText) => readonly [heading: string, message: string],
  suggestion: { href: string; label: string } | null = null,
): void {
  const words = wordsOf(context);
  const [heading, message] = say(words);
  sendPage(response, status, renderErrorPage({ status, heading, message, suggestion, inboxCount: context.inbox?.messages().length ?? null, assetVersion: context.bootId, words }));
}
