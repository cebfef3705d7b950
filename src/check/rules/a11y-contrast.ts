import path from 'node:path';
import { CONFIG_FILE_NAME, type Colors } from '../../config/config.js';
import { AA_NORMAL_TEXT, contrastRatio, formatRatio, relativeLuminance, suggestForeground } from '../contrast.js';
import type { OfflineRule } from '../types.js';

/** Text colours and the backgrounds the templates put them on. */
export const TEXT_COLOR_PAIRS: readonly { text: keyof Colors; on: keyof Colors; where: string }[] = [
  { text: 'text', on: 'paper', where: 'body text' },
  { text: 'muted', on: 'paper', where: 'byline, captions and sources' },
  { text: 'accent', on: 'paper', where: 'kicker and links' },
  { text: 'brandText', on: 'brand', where: 'header, footer and button' },
  { text: 'checkText', on: 'checkBackground', where: 'check box' },
];

export const a11yContrast: OfflineRule<'a11y/contrast'> = {
  id: 'a11y/contrast',
  severity: 'error',
  description: `text colours reach WCAG AA contrast (${AA_NORMAL_TEXT}:1) on their backgrounds: brand, accent, muted and check-box colours`,
  check(input) {
    const { colors, configFile, root } = input.config;
    const file = configFile ? path.relative(root, configFile) : CONFIG_FILE_NAME;
    return TEXT_COLOR_PAIRS.flatMap(({ text, on, where }) => {
      const ratio = contrastRatio(colors[text], colors[on]);
      if (ratio >= AA_NORMAL_TEXT) return [];
      const suggestion = suggestForeground(colors[text], colors[on]);
      const shade = relativeLuminance(colors[on]) > 0.18 ? 'darker' : 'lighter';
      const fix = suggestion ? `set colors.${text} to a ${shade} shade such as "${suggestion}"` : `change colors.${on}`;
      return [
        {
          file,
          message: `colors.${text} "${colors[text]}" on colors.${on} "${colors[on]}" (${where}) has a contrast of ${formatRatio(ratio)}, below WCAG AA ${AA_NORMAL_TEXT}:1: ${fix}`,
        },
      ];
    });
  },
};
