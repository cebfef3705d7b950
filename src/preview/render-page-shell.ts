import { html, type SafeHtml } from '../html.js';

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
}

/** The frame every preview page shares: head, top bar, navigation. */
export function renderPageShell(page: PageShell): string {
  const data = page.reload.on === 'article' ? html` data-reload="article" data-slug="${page.reload.slug}" data-file="${page.reload.file}"` : html` data-reload="${page.reload.on}"`;
  const navItem = (section: PageShell['section'], href: string, label: string, extra: SafeHtml | null = null) =>
    html`<a href="${href}"${page.section === section ? html` aria-current="page"` : null}>${label}${extra}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Newsletter preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_preview/preview.css?v=${page.assetVersion}">
<script src="/_preview/preview.js?v=${page.assetVersion}" defer></script>
</head>
<body${data}>
<header class="topbar">
  <a class="topbar-brand" href="/"><span class="long">Newsletter preview</span><span class="short">Preview</span></a>
  <nav class="topbar-nav" aria-label="Preview">
    ${navItem('newsletters', '/', 'Newsletters')}
    ${page.inboxCount === null ? null : navItem('inbox', '/inbox', 'Inbox', html` <span class="count" data-inbox-count>${page.inboxCount}</span>`)}
  </nav>
  <span class="topbar-live" data-live-status title="Pages reload when you save an article, a template or the config">live</span>
</header>
<main class="page">
${page.body}
</main>
</body>
</html>
`.value;
}
