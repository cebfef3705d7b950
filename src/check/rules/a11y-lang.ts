import { htmlOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const a11yLang: OfflineRule<'a11y/lang'> = {
  id: 'a11y/lang',
  severity: 'error',
  description: '<html lang> is set to a real language (never "und"), so screen readers pick the right voice',
  check(input) {
    const lang = (htmlOf(input)('html').attr('lang') ?? '').trim();
    if (lang !== '' && lang.toLowerCase() !== 'und') return [];
    return [{ message: `the HTML has ${lang ? `lang="${lang}"` : 'no lang attribute'}, so screen readers guess the language: write <mjml lang="{{lang}}"> in the layout template` }];
  },
};
