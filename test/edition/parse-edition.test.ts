import { describe, expect, it } from 'vitest';
import { EditionError, formatProblem } from '../../src/errors.js';
import { parseEdition } from '../../src/edition/parse-edition.js';
import { resolveStories, type IndexedArticle } from '../../src/edition/validate-edition.js';

const FILE = 'editions/woche-45.md';
const edition = (frontmatter: string, body = '') => parseEdition({ file: FILE, source: `---\n${frontmatter}\n---\n${body}` });
const BASE = 'subject: Die Woche\ndate: 2025-11-07';

/** The problems of a failing parse or resolve, as the CLI prints them. */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EditionError);
    return (error as EditionError).problems.map(formatProblem);
  }
  throw new Error('expected an EditionError');
}

describe('parseEdition', () => {
  it('reads every key; the first story is full and the others teasers unless "as" says otherwise', () => {
    const parsed = edition(`${BASE}\npreheader: Vorschau\nslug: ausgabe-45\ndraft: true\nstories:\n  - eins\n  - zwei\n  - {article: drei, as: full}\n  - article: vier\n    as: teaser`, '\nHallo **Welt**.\n');
    expect(parsed).toMatchObject({ file: FILE, slug: 'ausgabe-45', subject: 'Die Woche', date: '2025-11-07', preheader: 'Vorschau', draft: true, intro: '\nHallo **Welt**.\n' });
    expect(parsed.stories).toEqual([
      { name: 'eins', presentation: 'full', line: 8 },
      { name: 'zwei', presentation: 'teaser', line: 9 },
      { name: 'drei', presentation: 'full', line: 10 },
      { name: 'vier', presentation: 'teaser', line: 11 },
    ]);
  });

  it('takes the slug from the file name and leaves an empty intro empty', () => {
    const parsed = parseEdition({ file: 'editions/Woche Über.md', source: `---\n${BASE}\nstories: [eins]\n---\n\n  \n` });
    expect(parsed.slug).toBe('woche-ueber');
    expect(parsed.intro).toBe('');
    expect(parsed.draft).toBe(false);
    expect(parsed.stories[0]?.presentation).toBe('full');
  });

  it.each([
    ['an unknown key, with a suggestion', `${BASE}\nstories: [eins]\nsubjet: x`, `${FILE}:5: unknown key "subjet" (did you mean "subject"?)`],
    ['an unknown key in a story', `${BASE}\nstories:\n  - {article: eins, als: full}`, `${FILE}:5: unknown key "stories[0].als" (did you mean "as"?)`],
    ['a missing subject', 'date: 2025-11-07\nstories: [eins]', `${FILE}:2: missing required key "subject": add it to the frontmatter`],
    ['a missing date', 'subject: x\nstories: [eins]', `${FILE}:2: missing required key "date": add it to the frontmatter`],
    ['a date that does not exist', 'subject: x\ndate: 2025-02-30\nstories: [eins]', `${FILE}:3: "date" is not a real calendar date: write it as YYYY-MM-DD, e.g. 2025-11-04`],
    ['missing stories', BASE, `${FILE}:2: missing required key "stories": add it to the frontmatter`],
    ['an empty story list', `${BASE}\nstories: []`, `${FILE}:4: "stories" is an empty list: name at least one article`],
    ['a story that is a number', `${BASE}\nstories:\n  - 12`, `${FILE}:5: "stories[0]" must be an article's slug, or a mapping {article: <slug>, as: full | teaser}`],
    ['a wrong presentation', `${BASE}\nstories:\n  - {article: eins, as: kurz}`, `${FILE}:5: "stories[0].as" must be "full" or "teaser"`],
    ['a bad slug', `${BASE}\nstories: [eins]\nslug: Woche 45`, `${FILE}:5: "slug" may only use a-z, 0-9 and single hyphens, e.g. "woche-45"`],
    ['a subject over two lines', `subject: "Zwei\\nZeilen"\ndate: 2025-11-07\nstories: [eins]`, `${FILE}:2: "subject" must be a single line (email subject): remove the line break`],
    ['a draft flag that is text', `${BASE}\nstories: [eins]\ndraft: ja`, `${FILE}:5: "draft" must be true or false`],
  ])('refuses %s with file and line', (_name, frontmatter, expected) => {
    expect(problemsOf(() => edition(frontmatter))).toContain(expected);
  });

  it('refuses a file without frontmatter, and non-YAML frontmatter', () => {
    expect(problemsOf(() => parseEdition({ file: FILE, source: 'stories: [eins]\n' }))).toEqual([`${FILE}:1: no frontmatter: start the file with a "---" line, the YAML keys (subject, date, stories), and another "---" line`]);
    expect(() => parseEdition({ file: FILE, source: '---js\n{}\n---\n' })).toThrow(/"---js" frontmatter is not allowed/);
  });
});

describe('resolveStories', () => {
  const indexed = (file: string, slug: string | null, extra: Partial<IndexedArticle> = {}): IndexedArticle => ({
    file: `articles/${file}.md`,
    baseName: file,
    hash: 'a'.repeat(64),
    slug,
    draft: false,
    url: `https://example.com/${file}`,
    ...extra,
  });
  const index = [
    indexed('openai-amazon', 'openai-amazon-cloud-deal'),
    indexed('ki-chips', 'ki-chips-wettruesten'),
    indexed('entwurf', 'entwurf', { draft: true }),
    indexed('ohne-link', 'ohne-link', { url: null }),
    indexed('kaputt', null, { problem: { file: 'articles/kaputt.md', line: 4, message: 'unknown key "teasr" (did you mean "teaser"?)' } }),
  ];
  const resolve = (stories: string, options: { drafts?: boolean; webBaseUrl?: string | null } = {}) =>
    resolveStories(edition(`${BASE}\nstories:\n${stories}`), index, { drafts: options.drafts ?? false, webBaseUrl: options.webBaseUrl ?? null });

  it('finds articles by slug or by file name, in order, with their links', () => {
    const stories = resolve('  - openai-amazon-cloud-deal\n  - ki-chips\n  - {article: ohne-link, as: full}');
    expect(stories).toEqual([
      { file: 'articles/openai-amazon.md', slug: 'openai-amazon-cloud-deal', hash: 'a'.repeat(64), presentation: 'full', webUrl: 'https://example.com/openai-amazon' },
      { file: 'articles/ki-chips.md', slug: 'ki-chips-wettruesten', hash: 'a'.repeat(64), presentation: 'teaser', webUrl: 'https://example.com/ki-chips' },
      { file: 'articles/ohne-link.md', slug: 'ohne-link', hash: 'a'.repeat(64), presentation: 'full', webUrl: null },
    ]);
  });

  it('links a teaser without url under webBaseUrl', () => {
    const [, teaser] = resolve('  - openai-amazon-cloud-deal\n  - ohne-link', { webBaseUrl: 'https://example.com/web/' });
    expect(teaser?.webUrl).toBe('https://example.com/web/ohne-link');
  });

  it('includes a draft story with --drafts', () => {
    expect(resolve('  - entwurf', { drafts: true }).map((story) => story.slug)).toEqual(['entwurf']);
  });

  it.each([
    ['a missing story, with did-you-mean', '  - openai-amazn-cloud-deal', `${FILE}:5: story "openai-amazn-cloud-deal": no article has this slug or file name (did you mean "openai-amazon-cloud-deal"?): write the slug of an article in the articles folder`],
    ['a missing story without anything close', '  - wetter', `${FILE}:5: story "wetter": no article has this slug or file name: write the slug of an article in the articles folder`],
    ['the same story twice (slug and file name)', '  - openai-amazon-cloud-deal\n  - openai-amazon', `${FILE}:6: story "openai-amazon": articles/openai-amazon.md is already in this edition (line 5): name each article once`],
    ['a draft story', '  - entwurf', `${FILE}:5: story "entwurf": articles/entwurf.md is a draft: publish it (draft: false), take it out of the edition, or build with --drafts`],
    ['a story whose article does not build', '  - kaputt', `${FILE}:5: story "kaputt": the article does not build (articles/kaputt.md:4: unknown key "teasr" (did you mean "teaser"?)): fix the article first`],
    ['a teaser with nowhere to link', '  - openai-amazon-cloud-deal\n  - ohne-link', `${FILE}:6: story "ohne-link": a teaser needs somewhere to link: give articles/ohne-link.md a "url", set "webBaseUrl" in newsletter.config.json, or show the story in full ({article: ohne-link, as: full})`],
  ])('refuses %s, naming the edition, the line and the story', (_name, stories, expected) => {
    expect(problemsOf(() => resolve(stories))).toEqual([expected]);
  });

  it('reports every problem of the edition at once', () => {
    expect(problemsOf(() => resolve('  - wetter\n  - entwurf\n  - kaputt'))).toHaveLength(3);
  });
});
