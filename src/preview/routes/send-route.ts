import { randomBytes } from 'node:crypto';
import { formatProblem, isNewsletterError } from '../../errors.js';
import { isEmailAddress, MAX_TEST_RECIPIENTS } from '../../send/addresses.js';
import { parseSmtpUrl } from '../../send/parse-smtp-url.js';
import { redactError, redactSecrets, smtpSecrets, type SmtpSecrets } from '../../send/redact-secrets.js';
import { RecipientsRejectedError, sendTest } from '../../send/send-test.js';
import { isSameOriginPost, readForm, redirect, send as sendResponse, wantsJson } from '../http.js';
import { findNewsletter, type PreviewNewsletter } from '../preview-state.js';
import type { PreviewText } from '../preview-text.js';
import { isViewMode, type SendOutcome, type SendPanel } from '../render-viewer-page.js';
import type { Route } from '../router.js';
import { sendErrorPage, wordsOf, type PreviewContext } from './preview-context.js';
import { SLUG_PATTERN } from './slug.js';

/** Recipients prefilled when the test goes to the built-in inbox, where any address lands. */
const INBOX_DEFAULT_RECIPIENT = 'test@example.com';
const KEPT_OUTCOMES = 50;

export interface TestSends {
  routes: Route[];
  /** The send panel of a viewer page, with the outcome of the send that redirected there, if any. */
  panelFor(newsletter: PreviewNewsletter, outcomeId: string | null): Promise<SendPanel>;
  /** Goes up with every send: the prefilled recipients may have changed. */
  readonly version: number;
}

/**
 * `POST /send/<slug>`: the viewer's "send test" form, through `sendTest`,
 * the same code as `npm run send-test` (fresh build, same message, same
 * errors). Without `SMTP_URL` it goes to the built-in inbox. The result is
 * shown on the viewer page the browser is redirected to, or answered as
 * JSON when the request asks for it (`Accept: application/json`).
 * Everything shown about the SMTP server passes `redactSecrets`.
 */
export function testSends(context: PreviewContext): TestSends {
  const outcomes = new Map<string, SendOutcome>();
  let lastRecipients: string | null = null;
  let version = 0;

  /** Where a send goes now: built-in inbox, SMTP_URL's server (password masked) or why SMTP_URL is unusable. */
  async function target(): Promise<SendPanel['target']> {
    let secrets: SmtpSecrets = smtpSecrets(undefined);
    try {
      const env = await context.loadEnv();
      secrets = smtpSecrets(env.SMTP_URL);
      const smtp = parseSmtpUrl(env.SMTP_URL, context.inbox?.port);
      return smtp.builtInInbox ? { kind: 'inbox', address: `smtp://127.0.0.1:${smtp.port}` } : { kind: 'smtp', server: redactSecrets(smtp.shown, secrets) };
    } catch (error) {
      if (!isNewsletterError(error)) throw redactError(error, secrets);
      return { kind: 'invalid', message: redactSecrets(error.problems.map(formatProblem).join(' '), secrets) };
    }
  }

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: new RegExp(`^/send/${SLUG_PATTERN}$`),
      async handle({ request, response, params: [slug = ''] }) {
        if (!isSameOriginPost(request, context.port())) {
          sendErrorPage(context, response, 403, (t) => [t.errorPages.refused, t.errorPages.sendOnlyFromPreview]);
          return;
        }
        const form = await readForm(request);
        const state = context.builder.state;
        const newsletter = findNewsletter(state, slug);
        if (!newsletter) {
          sendErrorPage(context, response, 404, (t) => [t.errorPages.noSuchNewsletter, t.errorPages.noNewsletterWithSlug(slug)]);
          return;
        }
        const recipients = (form.get('to') ?? '').trim();
        lastRecipients = recipients;
        version++;
        const view = form.get('view');
        const outcome = await send(newsletter, recipients);
        if (wantsJson(request)) {
          sendResponse(response, outcome.ok ? 200 : 422, 'application/json; charset=utf-8', `${JSON.stringify(outcome)}\n`);
          return;
        }
        const id = randomBytes(6).toString('hex');
        outcomes.set(id, outcome);
        for (const old of outcomes.keys()) if (outcomes.size > KEPT_OUTCOMES) outcomes.delete(old);
        const query = new URLSearchParams({ ...(isViewMode(view) && view !== 'desktop' ? { view } : {}), sent: id });
        redirect(response, `/view/${encodeURIComponent(slug)}?${query.toString()}`);
      },
    },
  ];

  async function send(newsletter: PreviewNewsletter, recipients: string): Promise<SendOutcome> {
    // The form's own words for mistakes in what was typed into it: send-test's messages name command-line flags.
    const mistake = recipientsMistake(recipients, wordsOf(context));
    if (mistake !== null) return { ok: false, message: mistake };
    let secrets: SmtpSecrets = smtpSecrets(undefined);
    try {
      const env = await context.loadEnv();
      secrets = smtpSecrets(env.SMTP_URL);
      const smtp = parseSmtpUrl(env.SMTP_URL, context.inbox?.port);
      const result = await sendTest({
        config: context.builder.state.config,
        target: newsletter.file,
        to: recipients === '' ? [] : [recipients],
        env,
        inboxPort: context.inbox?.port,
        timeouts: context.sendTimeouts,
      });
      const toInbox = smtp.builtInInbox || (context.inbox !== null && ['127.0.0.1', 'localhost', '::1'].includes(smtp.host) && smtp.port === context.inbox.port);
      return redactOutcome({ ok: true, accepted: result.accepted, rejected: result.rejected, messageId: result.messageId, bytes: result.bytes, server: result.server, toInbox }, secrets);
    } catch (error) {
      if (error instanceof RecipientsRejectedError || isNewsletterError(error)) return redactOutcome({ ok: false, message: error.problems.map(formatProblem).join(' ') }, secrets);
      throw redactError(error, secrets); // a bug: the error page and the terminal show it, scrubbed
    }
  }

  return {
    routes,
    get version() {
      return version;
    },
    async panelFor(_newsletter, outcomeId) {
      const sendTarget = await target();
      const env = await context.loadEnv().catch(() => ({}) as Record<string, string | undefined>);
      const recipients = lastRecipients ?? env.TEST_RECIPIENTS ?? (sendTarget.kind === 'inbox' ? INBOX_DEFAULT_RECIPIENT : '');
      return { recipients, target: sendTarget, outcome: outcomeId === null ? null : (outcomes.get(outcomeId) ?? null) };
    },
  };
}

/** What is wrong with the recipients typed into the send form, in the preview's words; null when nothing is. */
export function recipientsMistake(recipients: string, words: PreviewText): string | null {
  const addresses = recipients.split(',').map((address) => address.trim()).filter(Boolean);
  if (addresses.length === 0) return words.noRecipients;
  const wrong = addresses.find((address) => !isEmailAddress(address));
  if (wrong !== undefined) return words.notAnAddress(wrong);
  const distinct = new Set(addresses.map((address) => address.toLowerCase())).size;
  return distinct > MAX_TEST_RECIPIENTS ? words.tooManyRecipients(distinct, MAX_TEST_RECIPIENTS) : null;
}

function redactOutcome(outcome: SendOutcome, secrets: SmtpSecrets): SendOutcome {
  if (!outcome.ok) return { ok: false, message: redactSecrets(outcome.message, secrets) };
  return { ...outcome, server: redactSecrets(outcome.server, secrets) };
}
