/**
 * WCAG 2.x colour contrast for #rrggbb colours.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** WCAG AA for normal-size text (1.4.3). */
export const AA_NORMAL_TEXT = 4.5;
/** WCAG AA for large text: 24 px, or 18.66 px bold (1.4.3). */
export const AA_LARGE_TEXT = 3;
/** WCAG AA for the parts of UI components a reader must see, such as a button's edge or a box's frame (1.4.11). */
export const AA_UI_COMPONENT = 3;

function parseHex(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!match) throw new RangeError(`not a #rrggbb colour: ${color}`);
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
}

export function toHex([r, g, b]: readonly [number, number, number]): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string): number {
  const [r, g, b] = parseHex(color).map((channel) => {
    const s = channel / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** "4.48:1", rounded down so a ratio just below the bar never prints as the bar itself. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * The closest colour to `foreground` (same hue, mixed towards black or white,
 * whichever the background leaves room for) that reaches `target` on
 * `background`; null when even black or white does not.
 */
export function suggestForeground(foreground: string, background: string, target = AA_NORMAL_TEXT): string | null {
  if (contrastRatio(foreground, background) >= target) return foreground;
  const rgb = parseHex(foreground);
  const towards = relativeLuminance(background) > 0.18 ? 0 : 255;
  for (let step = 1; step <= 100; step++) {
    const t = step / 100;
    const candidate = toHex(rgb.map((channel) => channel + (towards - channel) * t) as [number, number, number]);
    if (contrastRatio(candidate, background) >= target) return candidate;
  }
  return null;
}
