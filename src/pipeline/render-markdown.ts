import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance } from 'markdown-it';
import type { Locale } from '../i18n/strings.js';

/** Width of the content column inside the 600 px email, for body images. */
export const CONTENT_WIDTH = 536;

const SAFE_SCHEME = /^(https?:|mailto:)/i;
/** No scheme at all (a relative link): kept so that `npm run check` can point at it. */
const NO_SCHEME = /^[^:/?#]*(?:[/?#]|$)/;
const SAFE_IMAGE = /^https:/i;
const TASK_MARK = /^\[([ xX])\]\s+/;

const QUOTES: Record<Locale, [string, string, string, string]> = {
  de: ['„', '“', '‚', '‘'],
  en: ['“', '”', '‘', '’'],
};

const renderers = new Map<Locale, MarkdownItInstance>();

/**
 * Markdown → HTML fragment for email. Article text is data: raw HTML is
 * escaped (`html: false`), links with any scheme but http(s) and mailto stay
 * visible as text (`javascript:`, `data:`, `file:` …), images must be https.
 */
export function renderMarkdown(markdown: string, locale: Locale = 'de'): string {
  return markdownFor(locale).render(markdown);
}

/** An image in Markdown text, with its 0-based line in that text. */
export interface MarkdownImage {
  src: string;
  alt: string;
  line: number;
}

let imageFinder: MarkdownItInstance | undefined;

/** Every image (`![alt](src)`, also by reference) in Markdown text, with any scheme. */
export function markdownImages(markdown: string): MarkdownImage[] {
  if (!markdown.includes('![')) return []; // no image without "![": most texts are never parsed twice
  const images: MarkdownImage[] = [];
  // Every scheme counts here (renderMarkdown shows a `data:` or `ftp:` image as text): all of them are reported.
  imageFinder ??= Object.assign(new MarkdownIt('default', { html: false }), { validateLink: () => true });
  for (const block of imageFinder.parse(markdown, {})) {
    if (block.type !== 'inline' || !block.map) continue;
    let line = block.map[0];
    for (const token of block.children ?? []) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') line += 1;
      if (token.type === 'image') images.push({ src: String(token.attrGet('src') ?? ''), alt: token.content, line });
    }
  }
  return images;
}

function markdownFor(locale: Locale): MarkdownItInstance {
  let md = renderers.get(locale);
  if (md) return md;
  md = new MarkdownIt('default', { html: false, linkify: true, typographer: true, quotes: QUOTES[locale] });
  md.validateLink = (url) => {
    const trimmed = url.trim();
    return SAFE_SCHEME.test(trimmed) || NO_SCHEME.test(trimmed);
  };

  // The headline is the only h1: body headings start at h2 and never skip a level.
  md.core.ruler.push('email_heading_levels', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        const level = Number(token.tag.slice(1));
        token.tag = `h${Math.min(Math.max(level, 2), 3)}`;
      }
    }
  });

  // GFM task lists ("- [ ] offen", "- [x] erledigt"): boxes instead of brackets, the same in HTML and text.
  md.core.ruler.push('email_task_lists', (state) => {
    state.tokens.forEach((token, index) => {
      if (token.type !== 'inline' || state.tokens[index - 1]?.type !== 'paragraph_open' || state.tokens[index - 2]?.type !== 'list_item_open') return;
      const first = token.children?.[0];
      const match = first?.type === 'text' ? TASK_MARK.exec(first.content) : null;
      if (!first || !match) return;
      first.content = `${match[1] === ' ' ? '☐' : '☑'} ${first.content.slice(match[0].length)}`;
    });
  });

  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (!token) return '';
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (!SAFE_IMAGE.test(src)) return md!.utils.escapeHtml(alt); // a non-https image shows its description instead
    token.attrSet('width', String(CONTENT_WIDTH));
    token.attrSet('style', 'display:block;width:100%;max-width:100%;height:auto;border:0;');
    return defaultImage ? defaultImage(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
  };
  renderers.set(locale, md);
  return md;
}
