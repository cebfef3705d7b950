import { readFile } from 'node:fs/promises';
import { didYouMean } from '../../errors.js';
import { parseSender } from '../../send/addresses.js';
import { renderSubject } from '../../send/compose-message.js';
import { sendPage } from '../http.js';
import { findNewsletter, type PreviewNewsletter, type PreviewState } from '../preview-state.js';
import { groupProblems } from '../render-problems.js';
import { isViewMode, renderViewerPage, type InboxLine, type SendPanel } from '../render-viewer-page.js';
import type { Route } from '../router.js';
import { sendErrorPage, versionOf, wordsOf, type PreviewContext } from './preview-context.js';
import { SLUG_PATTERN } from './slug.js';

/** The send panel of a viewer page, and the version of what it shows besides the environment. */
export interface SendPanels {
  panelFor(newsletter: PreviewNewsletter, outcomeId: string | null): Promise<SendPanel | null>;
  readonly version: number;
}

/**
 * `GET /view/<slug>[?view=desktop|mobile|dark|text]`: the viewer page,
 * rendered once per build, inbox, send and environment version (the page
 * right after a send, which shows its outcome, is rendered for that request).
 */
export function viewerRoutes(context: PreviewContext, sends: SendPanels): Route[] {
  // Subject and preheader come with the build's result: the last good version while an article is failing.
  async function inboxLine(state: PreviewState, newsletter: PreviewNewsletter): Promise<InboxLine> {
    const env = await context.loadEnv().catch(() => ({}) as Record<string, string | undefined>);
    const fromOverride = env.SMTP_FROM?.trim();
    let sender: { name: string; address: string };
    try {
      sender = parseSender(fromOverride || state.config.from, fromOverride ? 'SMTP_FROM' : 'config "from"', state.config.brand);
    } catch {
      sender = { name: fromOverride || state.config.from, address: '' }; // a send would say what is wrong with it
    }
    const languageTag = state.config.locale;
    return {
      senderName: sender.name,
      senderAddress: sender.address,
      subject: subjectOf(state.config.subjectPrefix, newsletter.subject),
      preheader: newsletter.preheader,
      dateLabel: new Intl.DateTimeFormat(languageTag, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${newsletter.date}T00:00:00Z`)),
    };
  }

  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/view/${SLUG_PATTERN}$`),
      async handle({ response, query, params: [slug = ''] }) {
        const state = context.builder.state;
        const newsletter = findNewsletter(state, slug);
        if (!newsletter) {
          const slugs = [...state.newsletters.values()].map((entry) => entry.slug);
          const close = didYouMean(slug, slugs);
          sendErrorPage(context, response, 404, (t) => [t.errorPages.noSuchNewsletter, t.errorPages.noNewsletterWithSlug(slug)], close ? { href: `/view/${close}`, label: close } : null);
          return;
        }
        const requested = query.get('view');
        const view = isViewMode(requested) ? requested : 'desktop';
        const outcome = query.get('sent');
        const render = async () => {
          const articleProblems = state.articleProblems.get(newsletter.file);
          const words = wordsOf(context);
          return renderViewerPage({
            newsletter,
            view,
            text: view === 'text' ? await readFile(newsletter.textFile, 'utf8').catch(() => words.textMissing) : null,
            inboxLine: await inboxLine(state, newsletter),
            problems: groupProblems([...state.configProblems, ...state.buildProblems], new Map(articleProblems ? [[newsletter.file, articleProblems]] : [])),
            send: await sends.panelFor(newsletter, outcome),
            inboxCount: context.inbox?.messages().length ?? null,
            assetVersion: context.bootId,
            words,
          });
        };
        if (outcome !== null) {
          sendPage(response, 200, await render());
          return;
        }
        // The sender, the send panel and the prefilled recipients come from SMTP_URL, SMTP_FROM and TEST_RECIPIENTS.
        const version = `${versionOf(context)}.${sends.version}.${context.envVersion()}`;
        sendPage(response, 200, await context.pages.get(`/view/${newsletter.slug}?view=${view}`, version, render));
      },
    },
  ];
}

/** The subject as a test send sets it; a title a send would refuse is shown as it is. */
function subjectOf(prefix: string, title: string): string {
  try {
    return renderSubject(prefix, title);
  } catch {
    return title;
  }
}
