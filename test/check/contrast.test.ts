import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, relativeLuminance, suggestForeground } from '../../src/check/contrast.js';
import { resolveConfig, type UserConfig } from '../../src/config/config.js';
import { a11yContrast, COLOR_PAIRS, paletteColor } from '../../src/check/rules/a11y-contrast.js';
import type { CheckInput } from '../../src/check/types.js';

describe('contrastRatio (WCAG 2.x)', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#ffffff', '#c2185b', 5.87],
  ])('%s on %s is %f:1', (foreground, background, expected) => {
    expect(contrastRatio(foreground, background)).toBeCloseTo(expected, 2);
    expect(contrastRatio(background, foreground)).toBeCloseTo(expected, 2);
  });

  it('rounds down when printing, so a ratio just short of 4.5 never reads 4.50', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
  });

  it('measures luminance from black to white', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
  });
});

describe('suggestForeground', () => {
  it('darkens text on a light background just enough to reach AA', () => {
    const suggestion = suggestForeground('#999999', '#ffe14d');
    expect(suggestion).not.toBeNull();
    expect(contrastRatio(suggestion!, '#ffe14d')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(suggestion!, '#ffe14d')).toBeLessThan(5);
  });

  it('lightens text on a dark background', () => {
    const suggestion = suggestForeground('#555555', '#111111');
    expect(suggestion).not.toBeNull();
    expect(relativeLuminance(suggestion!)).toBeGreaterThan(relativeLuminance('#555555'));
    expect(contrastRatio(suggestion!, '#111111')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a colour that already passes', () => {
    expect(suggestForeground('#111111', '#ffe14d')).toBe('#111111');
  });
});

describe('a11y/contrast', () => {
  const findingsFor = (user: UserConfig) => a11yContrast.check({ config: resolveConfig(user, '/tmp/project') } as CheckInput).map((finding) => finding.message);

  it('the default colours pass every pair, light and dark: text 4.5:1, UI borders 3:1', () => {
    const config = resolveConfig({}, '/tmp/project');
    for (const { color, on, kind } of COLOR_PAIRS) {
      expect(contrastRatio(paletteColor(config, color), paletteColor(config, on)), `${color} on ${on}`).toBeGreaterThanOrEqual(kind === 'text' ? 4.5 : 3);
    }
    expect(findingsFor({})).toEqual([]);
  });

  it('judges the dark-mode palette: links in the light accent on dark paper fail', () => {
    expect(findingsFor({ darkColors: { accent: '#c2185b' } })).toEqual([
      expect.stringMatching(/^darkColors\.accent "#c2185b" on darkColors\.paper "#1c1b19" \(dark mode: kicker and links\) has a contrast of 2\.93:1, below WCAG AA 4\.5:1: set darkColors\.accent to a lighter shade such as "#[0-9a-f]{6}"$/),
    ]);
  });

  it('judges borders and buttons at 3:1: a black button on dark paper disappears', () => {
    const messages = findingsFor({ darkColors: { button: '#111111', buttonText: '#ffffff' } });
    expect(messages).toEqual([expect.stringMatching(/^darkColors\.button "#111111" on darkColors\.paper "#1c1b19" \(dark mode: the button against the paper\) has a contrast of 1\.09:1, below WCAG AA for UI components \(1\.4\.11\) 3:1/)]);
  });

  it('a 3:1 border passes where text would not', () => {
    expect(contrastRatio('#777777', '#1c1b19')).toBeGreaterThan(3);
    expect(contrastRatio('#777777', '#1c1b19')).toBeLessThan(4.5);
    expect(findingsFor({ darkColors: { checkBorder: '#777777' } })).toEqual([]);
    expect(findingsFor({ darkColors: { muted: '#777777' } })).toHaveLength(1);
  });

  it('the dark check box frame follows the check box colour unless set', () => {
    expect(resolveConfig({ colors: { checkBackground: '#ccffcc' } }, '/tmp').darkColors.checkBorder).toBe('#ccffcc');
    expect(resolveConfig({ colors: { checkBackground: '#ccffcc' }, darkColors: { checkBorder: '#ffffff' } }, '/tmp').darkColors.checkBorder).toBe('#ffffff');
  });
});
