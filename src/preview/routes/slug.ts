/**
 * A slug as the build allows it (`validate-article`): a-z, 0-9, single
 * hyphens; an edition's is prefixed `editions.` (no article slug has a dot).
 */
export const SLUG_PATTERN = '((?:editions\\.)?[a-z0-9]+(?:-[a-z0-9]+)*)';
