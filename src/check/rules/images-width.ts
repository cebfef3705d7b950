import { htmlOf, quote } from '../html.js';
import type { OfflineRule } from '../types.js';

export const imagesWidth: OfflineRule<'images/width'> = {
  id: 'images/width',
  severity: 'warning',
  description: 'images carry a width attribute: Outlook for Windows shows them at full size otherwise',
  check(input) {
    const $ = htmlOf(input);
    return $('img')
      .get()
      .flatMap((element) => {
        const width = ($(element).attr('width') ?? '').trim();
        if (/^\d+(?:px)?$/.test(width)) return [];
        return [{ message: `the image ${quote($(element).attr('src') ?? '', 90)} has no width attribute in pixels: add width="…" (mj-image sets it from its width)` }];
      });
  },
};
