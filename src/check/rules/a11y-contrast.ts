import path from 'node:path';
import { CONFIG_FILE_NAME, type Colors, type DarkColors, type ResolvedConfig } from '../../config/config.js';
import { AA_LARGE_TEXT, AA_NORMAL_TEXT, AA_UI_COMPONENT, contrastRatio, formatRatio, relativeLuminance, suggestForeground } from '../contrast.js';
import type { OfflineRule } from '../types.js';

/** A colour of the config: `colors.text`, `darkColors.paper`, … */
export type PaletteColor = `colors.${keyof Colors}` | `darkColors.${keyof DarkColors}`;

export interface ColorPair {
  /** The foreground: text, or a border or button that must stand out. */
  color: PaletteColor;
  on: PaletteColor;
  /** `text` 4.5:1, `large` (≥ 24 px, or ≥ 18.66 px bold) 3:1, `ui` (borders, buttons against their surroundings) 3:1. */
  kind: 'text' | 'large' | 'ui';
  where: string;
}

/** Every colour pair the templates put side by side, in light mode and in the dark-mode styles. */
export const COLOR_PAIRS: readonly ColorPair[] = [
  { color: 'colors.text', on: 'colors.paper', kind: 'text', where: 'body text' },
  { color: 'colors.muted', on: 'colors.paper', kind: 'text', where: 'byline, captions and sources' },
  { color: 'colors.accent', on: 'colors.paper', kind: 'text', where: 'kicker and links' },
  { color: 'colors.brandText', on: 'colors.brand', kind: 'text', where: 'header, footer and button' },
  { color: 'colors.checkText', on: 'colors.checkBackground', kind: 'text', where: 'check box' },
  { color: 'colors.brand', on: 'colors.paper', kind: 'ui', where: 'the button against the paper' },
  { color: 'colors.checkText', on: 'colors.paper', kind: 'ui', where: 'the check box frame against the paper' },
  { color: 'darkColors.text', on: 'darkColors.paper', kind: 'text', where: 'dark mode: body text and headings' },
  { color: 'darkColors.muted', on: 'darkColors.paper', kind: 'text', where: 'dark mode: byline, captions and sources' },
  { color: 'darkColors.accent', on: 'darkColors.paper', kind: 'text', where: 'dark mode: kicker and links' },
  { color: 'darkColors.buttonText', on: 'darkColors.button', kind: 'text', where: 'dark mode: button' },
  { color: 'darkColors.button', on: 'darkColors.paper', kind: 'ui', where: 'dark mode: the button against the paper' },
  { color: 'darkColors.checkBorder', on: 'darkColors.paper', kind: 'ui', where: 'dark mode: the check box frame against the paper' },
];

const MINIMUM: Record<ColorPair['kind'], number> = { text: AA_NORMAL_TEXT, large: AA_LARGE_TEXT, ui: AA_UI_COMPONENT };
const CRITERION: Record<ColorPair['kind'], string> = { text: 'WCAG AA', large: 'WCAG AA for large text', ui: 'WCAG AA for UI components (1.4.11)' };

/** The value of `colors.x` or `darkColors.x` in a resolved config. */
export function paletteColor(config: Pick<ResolvedConfig, 'colors' | 'darkColors'>, name: PaletteColor): string {
  const [group, key] = name.split('.') as ['colors' | 'darkColors', string];
  return (config[group] as unknown as Record<string, string>)[key] ?? '';
}

export const a11yContrast: OfflineRule<'a11y/contrast'> = {
  id: 'a11y/contrast',
  severity: 'error',
  description: `the colours of the config, light and dark, reach WCAG AA on their backgrounds: text ${AA_NORMAL_TEXT}:1, large text and UI borders ${AA_UI_COMPONENT}:1`,
  check(input) {
    // the colours are the config's: found once per config, not per newsletter
    let found = byConfig.get(input.config);
    if (!found) byConfig.set(input.config, (found = contrastFindings(input.config)));
    return [...found];
  },
};

const byConfig = new WeakMap<ResolvedConfig, readonly { file: string; message: string }[]>();

function contrastFindings(config: ResolvedConfig): { file: string; message: string }[] {
  const { configFile, root } = config;
  const file = configFile ? path.relative(root, configFile) : CONFIG_FILE_NAME;
  return COLOR_PAIRS.flatMap(({ color, on, kind, where }) => {
    const foreground = paletteColor(config, color);
    const background = paletteColor(config, on);
    const ratio = contrastRatio(foreground, background);
    const minimum = MINIMUM[kind];
    if (ratio >= minimum) return [];
    const suggestion = suggestForeground(foreground, background, minimum);
    const shade = relativeLuminance(background) > 0.18 ? 'darker' : 'lighter';
    const fix = suggestion ? `set ${color} to a ${shade} shade such as "${suggestion}"` : `change ${on}`;
    return [
      {
        file,
        message: `${color} "${foreground}" on ${on} "${background}" (${where}) has a contrast of ${formatRatio(ratio)}, below ${CRITERION[kind]} ${minimum}:1: ${fix}`,
      },
    ];
  });
}
