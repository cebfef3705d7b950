import { ArticleError } from '../errors.js';

/** An article the build does not build this time, with the slug it builds under. */
export interface KnownArticle {
  /** Project-relative path. */
  file: string;
  slug: string;
}

export interface SlugClaims {
  /**
   * Take `slug` for `file`, or throw the one-line error that names the article
   * that has it. Of two articles with the same slug the one first in file
   * order has it, in every build, full or partial.
   */
  claim(slug: string, file: string, line?: number): void;
  /** The article that has `slug` in this build, if any. */
  ownerOf(slug: string): string | undefined;
  /** Known articles outside this build with this slug. */
  othersWith(slug: string): readonly KnownArticle[];
}

/** File order: the order of a full build (the articles folder sorted by name). */
const compareFiles = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Who has which slug. `others` are the articles a partial build does not
 * build (their slugs come from the cache or their frontmatter); a full build
 * has none. Pure.
 */
export function createSlugClaims(others: readonly KnownArticle[] = []): SlugClaims {
  const owners = new Map<string, string>();
  const known = new Map<string, KnownArticle[]>();
  for (const other of others) known.set(other.slug, [...(known.get(other.slug) ?? []), other]);
  return {
    claim(slug, file, line) {
      const taken = (owner: string) => new ArticleError(`the slug "${slug}" is already used by ${owner}: set a different "slug" in one of them`, { file, line });
      const owner = owners.get(slug);
      if (owner !== undefined && owner !== file) throw taken(owner);
      const earlier = known.get(slug)?.find((other) => other.file !== file && compareFiles(other.file, file) < 0);
      if (earlier) throw taken(earlier.file);
      owners.set(slug, file);
    },
    ownerOf: (slug) => owners.get(slug),
    othersWith: (slug) => known.get(slug) ?? [],
  };
}
