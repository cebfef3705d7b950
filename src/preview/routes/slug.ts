/** A slug as the build allows it (`validate-article`): a-z, 0-9, single hyphens. */
export const SLUG_PATTERN = '([a-z0-9]+(?:-[a-z0-9]+)*)';
