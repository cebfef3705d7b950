import { htmlOf, quote } from '../html.js';
import type { OfflineRule } from '../types.js';

export const imagesAlt: OfflineRule<'images/alt'> = {
  id: 'images/alt',
  severity: 'error',
  description: 'every image has an alt text (many clients block images; screen readers read the alt)',
  check(input) {
    const $ = htmlOf(input);
    return $('img')
      .get()
      .flatMap((element) => {
        const image = $(element);
        const alt = image.attr('alt');
        if (alt !== undefined && alt.trim() !== '') return [];
        const decorative = alt !== undefined && (image.attr('role') === 'presentation' || image.attr('aria-hidden') === 'true');
        if (decorative) return [];
        const src = quote(image.attr('src') ?? '', 90);
        return [
          {
            message: `the image ${src} has ${alt === undefined ? 'no' : 'an empty'} alt text: describe it, in Markdown as ![Beschreibung](${image.attr('src') ?? 'https://…'})`,
          },
        ];
      });
  },
};
