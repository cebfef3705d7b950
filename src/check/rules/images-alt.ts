import { htmlOf, quote } from '../html.js';
import type { OfflineRule } from '../types.js';

/**
 * Article images need a description; template images may be decorative:
 * `alt=""` tells screen readers to skip them (WCAG technique H67), and MJML
 * writes it for every `mj-image` without `alt`.
 */
export const imagesAlt: OfflineRule<'images/alt'> = {
  id: 'images/alt',
  severity: 'error',
  description: 'every article image has an alt text, every template image an alt attribute (alt="" for decoration)',
  check(input) {
    const $ = htmlOf(input);
    const { view } = input;
    const fragments = [view.bodyHtml, view.checkHtml ?? '', ...(view.faq ?? []).map((entry) => entry.answerHtml)].join('\n');
    const articleImages = new Set([...fragments.matchAll(/<img\s[^>]*?src="([^"]*)"/g)].map((match) => decodeAttribute(match[1] ?? '')));
    if (view.image) articleImages.add(view.image.src);
    return $('img')
      .get()
      .flatMap((element) => {
        const image = $(element);
        const alt = image.attr('alt');
        const src = image.attr('src') ?? '';
        if (alt !== undefined && (alt.trim() !== '' || !articleImages.has(src))) return [];
        const shown = quote(src, 90);
        if (alt === undefined) {
          return [{ message: `the image ${shown} has no alt attribute: describe it with alt="…", or write alt="" if it is only decoration` }];
        }
        return [{ message: `the article image ${shown} has an empty alt text: describe it, in Markdown as ![Beschreibung](${src || 'https://…'})` }];
      });
  },
};

/** markdown-it escapes `&`, `<`, `>` and `"` in attribute values. */
function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
