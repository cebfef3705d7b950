import type { Strings } from '../i18n/strings.js';
import type { NewsletterView } from '../pipeline/render-view.js';
import { html, SafeHtml } from '../html.js';
import { archiveUrl } from '../pipeline/web-urls.js';
import { renderPage, renderStory, type PageParts } from './render-web-page.js';

/** One story of an edition page: the article's view, how it is shown, and its own page. */
export interface EditionPageStory {
  view: NewsletterView;
  presentation: 'full' | 'teaser';
  /** The article's page on the site (a teaser links there). */
  href: string;
}

export interface EditionPageInput {
  config: PageParts['config'];
  strings: Readonly<Strings>;
  /** The page's own address (`<webBaseUrl>/editions/<slug>/`). */
  url: string;
  /** The subject as a reader without the ESP sees it: the page's one `h1`. */
  subject: string;
  /** Meta and Open Graph description: the edition's preheader, else its first story's teaser. */
  description: string;
  date: string;
  dateLabel: string;
  /** The editor's intro, rendered by renderMarkdown; null when there is none. */
  introHtml: string | null;
  stories: readonly EditionPageStory[];
}

/**
 * An edition's page: the subject as the only `h1`, the intro, "Die Themen
 * heute" linking to each story, then the stories in order: full ones as on
 * their article's page (headline at level 2), teasers with a link to the
 * article's page. Open Graph type `website`, the first story's image as the
 * card's image.
 */
export function renderEditionPage(input: EditionPageInput): string {
  const { strings } = input;
  const anchor = (view: NewsletterView) => `story-${view.slug}`;
  const contents = html`<nav class="contents" aria-labelledby="contents">
<h2 id="contents">${strings.contentsHeading}</h2>
<ol>
${input.stories.map((story) => html`<li><a href="#${anchor(story.view)}">${story.view.title}</a></li>\n`)}</ol>
</nav>`;
  const stories = input.stories.map((story) =>
    story.presentation === 'full'
      ? html`${renderStory(story.view, { headingLevel: 2, id: anchor(story.view), idPrefix: `${story.view.slug}-` })}\n`
      : html`${renderStory(story.view, { headingLevel: 2, id: anchor(story.view), href: story.href, teaserOnly: true })}\n`,
  );
  const main = html`<header class="edition-header">
<p class="kicker">${strings.editionLabel} · <time datetime="${input.date}">${input.dateLabel}</time></p>
<h1>${input.subject}</h1>
${input.introHtml === null ? '' : html`<div class="intro">\n${new SafeHtml(input.introHtml)}\n</div>\n`}</header>
${contents}
${stories}<p class="back"><a href="${archiveUrl(input.config.webBaseUrl)}">&#8592; ${strings.archiveTitle}</a></p>`;
  const image = input.stories.find((story) => story.view.image !== null)?.view.image ?? null;
  return renderPage({
    config: input.config,
    strings,
    meta: { url: input.url, title: input.subject, description: input.description, type: 'website', image: image ? { src: image.src, alt: image.alt } : null },
    headerLine: `${strings.newsletterLabel} · ${input.dateLabel}`,
    main,
  });
}
