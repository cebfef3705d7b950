import { htmlOf, quote } from '../html.js';
import type { OfflineRule } from '../types.js';

export const imagesHttps: OfflineRule<'images/https'> = {
  id: 'images/https',
  severity: 'error',
  description: 'image sources are absolute https:// URLs (clients block http:// and cannot resolve relative ones)',
  check(input) {
    const $ = htmlOf(input);
    return $('img')
      .get()
      .flatMap((element) => {
        const src = ($(element).attr('src') ?? '').trim();
        if (/^https:\/\/[^/]/i.test(src)) return [];
        return [{ message: `the image source ${quote(src, 90)} is not an absolute https:// URL: host the image on https and use its full address` }];
      });
  },
};
