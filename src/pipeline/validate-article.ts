import * as z from 'zod';
import { describeIssues } from '../describe-issues.js';
import { ArticleError } from '../errors.js';
import { codePoint, firstInvisible, isInvisible, unsafeTextReason, unsafeUrlReason } from '../unsafe-characters.js';
import type { KeyPath, ParsedFrontmatter } from './parse-frontmatter.js';

/** Refuse line breaks, control characters, bidi controls, and text that is only invisible characters. */
const refuseUnsafeLine = (what: string) => (value: string, context: z.RefinementCtx) => {
  if (value === '') return; // reported as empty
  const invisible = firstInvisible(value);
  const reason = /[\r\n]/.test(value)
    ? `must be a single line (${what}): remove the line break`
    : (unsafeTextReason(value) ?? (isInvisible(value) ? `is empty once invisible characters${invisible ? ` (${codePoint(invisible)})` : ''} are removed: write the ${what}` : undefined));
  if (reason !== undefined) context.addIssue({ code: 'custom', message: reason, input: value });
};

export const oneLine = (what: string) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, { error: `is empty: write the ${what}` })
    .superRefine(refuseUnsafeLine(what));

export const markdown = (what: string) => z.string({ error: `must be text (${what})` }).trim().min(1, { error: `is empty: write the ${what} or remove the key` });

const httpsUrl = z
  .string({ error: 'must be a URL as text' })
  .trim()
  .superRefine((value, context) => {
    // The URL parser drops line breaks and tabs silently, but the text as written is what the email uses: refuse them.
    const unsafe = unsafeUrlReason(value);
    const reason = unsafe ?? (URL.canParse(value) && new URL(value).protocol === 'https:' ? undefined : 'must be an absolute https:// URL, e.g. "https://example.com/artikel"');
    if (reason !== undefined) context.addIssue({ code: 'custom', message: reason, input: value });
  });

/** An image's size in pixels, as the file has it. */
const pixels = z.number({ error: 'must be a number of pixels, e.g. 1200' }).int({ error: 'must be a whole number of pixels' }).min(1, { error: 'must be at least 1 pixel' }).max(10_000, { error: 'must be at most 10000 pixels' });

export const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD, e.g. 2025-11-04' })
  .refine(isCalendarDate, { error: 'is not a real calendar date: write it as YYYY-MM-DD, e.g. 2025-11-04' });

/** The article contract: see "Article format" in the README. */
export const articleSchema = z.strictObject({
  title: oneLine('headline'),
  category: oneLine('category kicker, e.g. "Tech & Trends"'),
  date: isoDate,
  teaser: markdown('teaser')
    .refine((value) => !/\n\s*\n/.test(value), { error: 'must be one paragraph: remove the blank line' })
    .superRefine((value, context) => {
      // the teaser is also the default preheader, a one-line field in the inbox
      const reason = unsafeTextReason(value, { lineBreaks: true }) ?? (value !== '' && isInvisible(value) ? 'is empty once invisible characters are removed: write the teaser' : undefined);
      if (reason !== undefined) context.addIssue({ code: 'custom', message: reason, input: value });
    }),
  subject: oneLine('email subject').optional(),
  preheader: oneLine('inbox preview text').optional(),
  author: oneLine('author name').optional(),
  slug: z
    .string({ error: 'must be text' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'may only use a-z, 0-9 and single hyphens, e.g. "openai-amazon-deal"' })
    .optional(),
  url: httpsUrl.optional(),
  image: z
    .strictObject(
      {
        src: httpsUrl,
        alt: oneLine('image description for screen readers'),
        caption: oneLine('caption').optional(),
        width: pixels.optional(),
        height: pixels.optional(),
      },
      { error: 'must be a mapping with src, alt and optional caption, width and height' },
    )
    .refine((image) => (image.width === undefined) === (image.height === undefined), {
      error: 'needs both "width" and "height" (the image file\'s size in pixels), or neither',
    })
    .optional(),
  check: markdown('"Business Punk Check" verdict').optional(),
  faq: z
    .array(
      z.strictObject(
        { question: oneLine('question'), answer: markdown('answer') },
        { error: 'must be an entry with "question" and "answer"' },
      ),
      { error: 'must be a list of entries with "question" and "answer"' },
    )
    .min(1, { error: 'is an empty list: add entries or remove the key' })
    .optional(),
  sources: z
    .array(
      z.union([oneLine('source name'), z.strictObject({ name: oneLine('source name'), url: httpsUrl })], {
        error: 'must be a name, or a mapping with "name" and "url"',
      }),
      { error: 'must be a list of source names' },
    )
    .min(1, { error: 'is an empty list: add sources or remove the key' })
    .optional(),
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;

export interface Article extends Omit<ArticleFrontmatter, 'slug' | 'draft' | 'sources'> {
  slug: string;
  draft: boolean;
  sources: { name: string; url: string | null }[];
  /** The Markdown body. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** The file's text (line endings "\n"), for findings that name a line. */
  source: string;
  /** Project-relative path of the source file, for messages. */
  file: string;
  /**
   * 1-based line of each frontmatter key the article has (`title`, `faq`,
   * `faq[0].answer`), so that later stages (the checks) can name the line.
   */
  keyLines?: Readonly<Record<string, number>>;
}

const TOP_LEVEL_KEYS = Object.keys(articleSchema.shape);
const NESTED_KEYS: Record<string, readonly string[]> = { image: ['src', 'alt', 'caption', 'width', 'height'], faq: ['question', 'answer'], sources: ['name', 'url'] };

/**
 * Check the frontmatter against the contract. Reports every problem of the
 * file at once, each with its line, in one `ArticleError`.
 */
export function validateArticle(parsed: ParsedFrontmatter, file: string, defaultSlug: string): Article {
  const result = articleSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const knownKeys = (path: KeyPath) => (path.length === 0 ? TOP_LEVEL_KEYS : (NESTED_KEYS[String(path[0])] ?? []));
    const problems = describeIssues(result.error.issues, parsed.data, file, parsed.locate, knownKeys, { entryLabel: (path) => entryLabel(parsed.data, path) });
    const first = problems[0];
    throw new ArticleError(first?.message ?? 'invalid frontmatter', { file, line: first?.line, problems });
  }
  const data = result.data;
  const slug = data.slug ?? defaultSlug;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new ArticleError(`the file name gives the slug "${slug}", which may only use a-z, 0-9 and hyphens: rename the file or set "slug"`, { file, line: 1 });
  }
  return {
    ...data,
    slug,
    draft: data.draft ?? false,
    sources: (data.sources ?? []).map((source) => (typeof source === 'string' ? { name: source, url: null } : { name: source.name, url: source.url })),
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    source: parsed.source,
    file,
    keyLines: keyLines(data, parsed),
  };
}

/** Line of each frontmatter key (and of each FAQ question and answer), for findings about them. */
function keyLines(data: ArticleFrontmatter, parsed: ParsedFrontmatter): Record<string, number> {
  const lines: Record<string, number> = {};
  const note = (name: string, path: KeyPath) => {
    const line = parsed.locate(path);
    if (line !== undefined) lines[name] = line;
  };
  for (const key of Object.keys(data)) note(key, [key]);
  data.faq?.forEach((_, index) => {
    note(`faq[${index}].question`, ['faq', index, 'question']);
    note(`faq[${index}].answer`, ['faq', index, 'answer']);
  });
  return lines;
}

/**
 * FAQ entries and sources as editors count them, from 1, with the question or
 * name quoted: `FAQ entry 2 ("Wer profitiert?")`.
 */
export function entryLabel(data: unknown, path: KeyPath): { label: string; rest: KeyPath } | undefined {
  const [list, index, ...rest] = path;
  if ((list !== 'faq' && list !== 'sources') || typeof index !== 'number') return undefined;
  const entry = (data as Record<string, unknown[] | undefined> | null)?.[list]?.[index];
  const shown = list === 'faq' ? (entry as { question?: unknown } | null)?.question : typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name;
  const quoted = typeof shown === 'string' && shown.trim() !== '' && unsafeTextReason(shown) === undefined && !isInvisible(shown) ? ` (${JSON.stringify(shown.trim().length > 60 ? `${shown.trim().slice(0, 59)}…` : shown.trim())})` : '';
  return { label: `${list === 'faq' ? 'FAQ entry' : 'source'} ${index + 1}${quoted}`, rest };
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
