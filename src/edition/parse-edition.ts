import * as z from 'zod';
import { describeIssues } from '../describe-issues.js';
import { EditionError, FrontmatterError } from '../errors.js';
import { slugFromFile } from '../pipeline/build-article.js';
import { parseFrontmatter, type KeyPath } from '../pipeline/parse-frontmatter.js';
import { isoDate, oneLine } from '../pipeline/validate-article.js';

/** How a story is shown in an edition. */
export type StoryPresentation = 'full' | 'teaser';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const storyName = z
  .string({ error: 'must be an article\'s slug or file name without ".md", e.g. "openai-amazon-cloud-deal"' })
  .trim()
  .min(1, { error: 'is empty: write an article\'s slug or file name without ".md"' });

/** The edition contract: see "Editions" in the README. */
export const editionSchema = z.strictObject({
  subject: oneLine('email subject'),
  date: isoDate,
  preheader: oneLine('inbox preview text').optional(),
  stories: z
    .array(
      // a bare name is short for {article: <name>}: one schema, so a mistake inside a mapping is named precisely
      z.preprocess(
        (value) => (typeof value === 'string' ? { article: value } : value),
        z.strictObject(
          { article: storyName, as: z.enum(['full', 'teaser'], { error: 'must be "full" or "teaser"' }).optional() },
          { error: 'must be an article\'s slug, or a mapping {article: <slug>, as: full | teaser}' },
        ),
      ),
      { error: 'must be a list of articles, e.g. [openai-amazon-cloud-deal, ki-chips-wettruesten]' },
    )
    .min(1, { error: 'is an empty list: name at least one article' }),
  slug: z.string({ error: 'must be text' }).regex(SLUG, { error: 'may only use a-z, 0-9 and single hyphens, e.g. "woche-45"' }).optional(),
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});

const TOP_LEVEL_KEYS = Object.keys(editionSchema.shape);
const STORY_KEYS = ['article', 'as'];

/** One entry of `stories`, as written. */
export interface StoryReference {
  /** The article's slug or file name without `.md`, as written. */
  name: string;
  presentation: StoryPresentation;
  /** 1-based line of the entry in the edition file. */
  line: number | undefined;
}

export interface Edition {
  /** Project-relative path, used in every message about this edition. */
  file: string;
  slug: string;
  subject: string;
  /** YYYY-MM-DD */
  date: string;
  preheader: string | undefined;
  draft: boolean;
  /** The editor's intro (the Markdown body), shown above the stories; empty when there is none. */
  intro: string;
  stories: StoryReference[];
}

/**
 * Edition file → validated edition: frontmatter (YAML only, as for articles),
 * the edition's keys with every problem at once, each with its line. The first
 * story is shown in full and the others as teasers unless `as` says otherwise.
 * Which articles the names refer to is decided by `resolveStories`.
 */
export function parseEdition(input: { file: string; source: string }): Edition {
  const { file } = input;
  let parsed;
  try {
    parsed = parseFrontmatter(input.source, file);
  } catch (error) {
    if (error instanceof FrontmatterError && /^no frontmatter/.test(error.message)) {
      throw new EditionError('no frontmatter: start the file with a "---" line, the YAML keys (subject, date, stories), and another "---" line', { file, line: 1, cause: error });
    }
    throw error;
  }
  const result = editionSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const knownKeys = (path: KeyPath) => (path.length === 0 ? TOP_LEVEL_KEYS : path[0] === 'stories' ? STORY_KEYS : []);
    const problems = describeIssues(result.error.issues, parsed.data, file, parsed.locate, knownKeys);
    const first = problems[0];
    throw new EditionError(first?.message ?? 'invalid frontmatter', { file, line: first?.line, problems });
  }
  const data = result.data;
  const slug = data.slug ?? slugFromFile(file);
  if (!SLUG.test(slug)) {
    throw new EditionError(`the file name gives the slug "${slug}", which may only use a-z, 0-9 and hyphens: rename the file or set "slug"`, { file, line: 1 });
  }
  return {
    file,
    slug,
    subject: data.subject,
    date: data.date,
    preheader: data.preheader,
    draft: data.draft ?? false,
    intro: parsed.body.trim() === '' ? '' : parsed.body,
    stories: data.stories.map((story, index) => {
      return { name: story.article, presentation: story.as ?? (index === 0 ? 'full' : 'teaser'), line: parsed.locate(['stories', index]) };
    }),
  };
}
