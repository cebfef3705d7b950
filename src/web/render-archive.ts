import type { ResolvedConfig } from '../config/config.js';
import { formatDate } from '../pipeline/render-view.js';
import type { Strings } from '../i18n/strings.js';
import { html } from '../html.js';
import { renderPage, type PageParts } from './render-web-page.js';
import { newestFirst, type SiteEntry } from './site-entry.js';
import { archiveUrl } from '../pipeline/web-urls.js';

export interface ArchiveInput {
  config: PageParts['config'] & Pick<ResolvedConfig, 'brand'>;
  strings: Readonly<Strings>;
  /** Every published article and edition; drafts are never passed in. */
  entries: readonly SiteEntry[];
}

/** `index.html` of the site: every edition and article, newest first, each with kicker, title, teaser and date. */
export function renderArchive({ config, strings, entries }: ArchiveInput): string {
  const lang = strings.languageTag;
  const items = newestFirst(entries).map(
    (entry) => html`<li>
<article>
<p class="kicker">${entry.kind === 'edition' ? strings.editionLabel : entry.category}</p>
<h2><a href="${entry.url}">${entry.title}</a></h2>
<p class="teaser">${entry.teaser}</p>
<time datetime="${entry.date}">${formatDate(entry.date, lang)}</time>
</article>
</li>
`,
  );
  const main = html`<h1>${strings.archiveTitle}</h1>
<p class="archive-intro">${strings.archiveIntro}</p>
<ol class="archive" reversed>
${items}</ol>`;
  return renderPage({
    config,
    strings,
    meta: { url: archiveUrl(config.webBaseUrl), title: strings.archiveTitle, description: strings.archiveIntro, type: 'website' },
    headerLine: strings.newsletterLabel,
    main,
  });
}
