import { html, type SafeHtml } from '../html.js';
import type { PreviewText } from './preview-text.js';

export interface PageShell {
  /** Shown in the tab, after the page's own title. */
  title: string;
  /** Highlighted item of the top navigation. */
  section: 'newsletters' | 'inbox' | null;
  body: SafeHtml;
  /** Messages in the built-in inbox; null when the inbox is off. */
  inboxCount: number | null;
  /** When the page reloads itself: on any rebuild, on a rebuild of one article, on new mail, never. */
  reload: { on: 'any' } | { on: 'article'; slug: string; file: string } | { on: 'mail' } | { on: 'none' };
  /** Changes with every server start, so browsers never keep stale assets. */
  assetVersion: string;
  /** The interface's words, in the project's locale. */
  words: PreviewText;
}

/** The frame every preview page shares: head, top bar, navigation. */
export function renderPageShell(page: PageShell): string {
  const data = page.reload.on === 'article' ? html` data-reload="article" data-slug="${page.reload.slug}" data-file="${page.reload.file}"` : html` data-reload="${page.reload.on}"`;
  const navItem = (section: PageShell['section'], href: string, label: string, extra: SafeHtml | null = null) =>
    html`<a href="${href}"${page.section === section ? html` aria-current="page"` : null}>${label}${extra}</a>`;
  const t = page.words;
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${t.appName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_preview/preview.css?v=${page.assetVersion}">
<script src="/_preview/preview.js?v=${page.assetVersion}" defer></script>
</head>
<body${data}>
<header class="topbar">
  <a class="topbar-brand" href="/"><span class="long">${t.appName}</span><span class="short">${t.appNameShort}</span></a>
  <nav class="topbar-nav" aria-label="${t.appNameShort}">
    ${navItem('newsletters', '/', t.navNewsletters)}
    ${page.inboxCount === null ? null : navItem('inbox', '/inbox', t.navInbox, html` <span class="count" data-inbox-count>${page.inboxCount}</span>`)}
  </nav>
  <span class="topbar-live" data-live-status data-text-live="${t.live}" data-text-reconnecting="${t.reconnecting}" title="${t.liveTitle}">${t.live}</span>
</header>
<main class="page">
${page.body}
</main>
</body>
</html>
`.value;
}
