import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, relativeLuminance, suggestForeground } from '../../src/check/contrast.js';
import { DEFAULT_COLORS } from '../../src/config/config.js';
import { TEXT_COLOR_PAIRS } from '../../src/check/rules/a11y-contrast.js';

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

it('the default colours pass every text pair the rule checks', () => {
  for (const { text, on } of TEXT_COLOR_PAIRS) expect(contrastRatio(DEFAULT_COLORS[text], DEFAULT_COLORS[on]), `${text} on ${on}`).toBeGreaterThanOrEqual(4.5);
});
