import { createHash } from 'node:crypto';

/**
 * The key of a layout structure: a hash of its MJML between the article
 * contents and of the contents' tags. Its own module: the cache schema checks
 * stored layouts against it without loading the MJML splitter.
 */
export function structureKey(parts: readonly string[], tags: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).update('\u0001').update(tags.join(',')).digest('hex').slice(0, 32);
}
