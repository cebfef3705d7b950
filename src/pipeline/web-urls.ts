/**
 * Addresses of the web version. Every page is a folder with an `index.html`,
 * so its address ends in a slash: `<webBaseUrl>/<slug>/` for an article,
 * `<webBaseUrl>/editions/<slug>/` for an edition, `<webBaseUrl>/` for the
 * archive.
 */

/** The base without trailing slashes, e.g. `https://www.business-punk.com/newsletter`. */
export function siteBase(webBaseUrl: string): string {
  return webBaseUrl.replace(/\/+$/, '');
}

export function archiveUrl(webBaseUrl: string): string {
  return `${siteBase(webBaseUrl)}/`;
}

export function articleUrl(webBaseUrl: string, slug: string): string {
  return `${siteBase(webBaseUrl)}/${slug}/`;
}

export function editionUrl(webBaseUrl: string, slug: string): string {
  return `${siteBase(webBaseUrl)}/${EDITIONS_FOLDER}/${slug}/`;
}

export function feedUrl(webBaseUrl: string): string {
  return `${siteBase(webBaseUrl)}/feed.xml`;
}

export function sitemapUrl(webBaseUrl: string): string {
  return `${siteBase(webBaseUrl)}/sitemap.xml`;
}

/** The folder of the edition pages inside the site; no article page may take its name. */
export const EDITIONS_FOLDER = 'editions';
/** The site's folder inside the output folder. */
export const WEB_FOLDER = 'web';
