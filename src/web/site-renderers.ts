/**
 * Everything the web version renders with, in one module that write-site.ts
 * loads only when a page or a list has to be made: a build with nothing to
 * do loads none of it (Markdown, the page templates).
 */
export { stringsFor } from '../i18n/strings.js';
export { renderView } from '../pipeline/render-view.js';
export { articleStructuredData } from './json-ld.js';
export { renderArchive } from './render-archive.js';
export { renderFeed } from './render-feed.js';
export { renderSitemap } from './render-sitemap.js';
export { renderArticlePage } from './render-web-page.js';
