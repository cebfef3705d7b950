/**
 * Characters that have no place in a one-line field or a URL, shared by the
 * article and the config validation. Pure.
 *
 * - C0 and C1 control characters and DEL: line breaks that forge extra lines
 *   in the text part (a second "unsubscribe" footer), terminal escapes
 *   (`ESC ] 52 ;`), NUL.
 * - The bidi embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069): they make text read in another order than it is stored.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
/** What a reader cannot see: white space and the default-ignorable code points (zero-width space, joiners, soft hyphen, BOM, …). */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;
/** In a URL: anything at or below the space, DEL, C1, bidi controls and invisible code points. */
const NOT_IN_URL = /[\u0000-\u0020\u007f-\u009f\u202a-\u202e\u2066-\u2069\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;
/* eslint-enable no-control-regex */

/** `U+001B` */
export function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `value` cannot be a one-line field, or undefined when it can. With
 * `lineBreaks`, line breaks and tabs are allowed (a paragraph, e.g. the teaser).
 */
export function unsafeTextReason(value: string, options: { lineBreaks?: boolean } = {}): string | undefined {
  const control = (options.lineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL).exec(value)?.[0];
  if (control !== undefined) return `contains the control character ${codePoint(control)}: remove it`;
  const bidi = BIDI_CONTROL.exec(value)?.[0];
  if (bidi !== undefined) return `contains the invisible direction control ${codePoint(bidi)}, which makes text read in another order: remove it`;
  return undefined;
}

/** True when nothing visible is left once white space and invisible code points are removed. */
export function isInvisible(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}

/** The first invisible code point that is not plain white space, for messages. */
export function firstInvisible(value: string): string | undefined {
  for (const match of value.matchAll(INVISIBLE)) if (!/\s/u.test(match[0])) return match[0];
  return undefined;
}

/** Why `value` cannot be used as a URL as written, or undefined. */
export function unsafeUrlReason(value: string): string | undefined {
  const found = NOT_IN_URL.exec(value)?.[0];
  if (found === undefined) return undefined;
  if (found === ' ') return 'must not contain spaces: write them as %20';
  return `must not contain ${codePoint(found)} (a line break, control or invisible character): write the URL on one line without it`;
}
