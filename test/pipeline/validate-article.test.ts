import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/errors.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';
import { isCalendarDate, validateArticle } from '../../src/pipeline/validate-article.js';

const FILE = 'articles/x.md';
const BASE = ['title: Hallo Welt', 'category: Tech & Trends', 'date: 2025-11-04', 'teaser: Kurz und knapp.'];

function validate(lines: string[], file = FILE) {
  return validateArticle(parseFrontmatter(`---\n${lines.join('\n')}\n---\nBody\n`, file), file, 'x');
}

function problemsOf(lines: string[]) {
  try {
    validate(lines);
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleError);
    return (error as ArticleError).problems;
  }
  throw new Error('expected validation to fail');
}

describe('validateArticle', () => {
  it('accepts a minimal article and fills defaults', () => {
    const article = validate(BASE);
    expect(article).toMatchObject({ title: 'Hallo Welt', slug: 'x', draft: false, sources: [], body: 'Body\n', file: FILE });
  });

  it('accepts every optional key', () => {
    const article = validate([
      ...BASE,
      'preheader: Vorschau',
      'author: Jane Doe',
      'slug: mein-artikel',
      'url: https://example.com/a',
      'image: { src: "https://example.com/a.jpg", alt: "Ein Bild", caption: "Foto" }',
      'check: "**Urteil**"',
      'faq: [{ question: "Warum?", answer: "Darum." }]',
      'sources: [Handelsblatt, { name: TechCrunch, url: "https://techcrunch.com/" }]',
      'draft: true',
    ]);
    expect(article.slug).toBe('mein-artikel');
    expect(article.draft).toBe(true);
    expect(article.sources).toEqual([
      { name: 'Handelsblatt', url: null },
      { name: 'TechCrunch', url: 'https://techcrunch.com/' },
    ]);
  });

  // [case, frontmatter lines, expected message, expected line]
  const cases: [string, string[], RegExp, number][] = [
    ['missing title (points at the first frontmatter line)', BASE.slice(1), /missing required key "title"/, 2],
    ['unknown key with suggestion', [...BASE, 'teasr: x'], /unknown key "teasr" \(did you mean "teaser"\?\)/, 6],
    ['unknown key without a close match', [...BASE, 'zzzzzzzz: x'], /unknown key "zzzzzzzz" \(allowed keys: title, category/, 6],
    ['impossible date', [...BASE.filter((l) => !l.startsWith('date')), 'date: 2025-02-30'], /"date" is not a real calendar date/, 5],
    ['date in another format', [...BASE.filter((l) => !l.startsWith('date')), 'date: 04.11.2025'], /"date" is not a real calendar date: write it as YYYY-MM-DD/, 5],
    ['FAQ entry without answer', [...BASE, 'faq:', '  - question: Warum?', '    answer: Darum.', '  - question: Wieso?'], /^FAQ entry 2 \("Wieso\?"\) has no answer: add "answer:" to it$/, 9],
    ['image without alt', [...BASE, 'image:', '  src: https://example.com/a.jpg'], /missing required key "image\.alt"/, 6],
    ['non-https url', [...BASE, 'url: http://example.com/a'], /"url" must be an absolute https:\/\/ URL/, 6],
    ['javascript: url', [...BASE, 'url: "javascript:alert(1)"'], /"url" must be an absolute https:\/\/ URL/, 6],
    ['title with a line break (header injection)', ['title: "Hallo\\r\\nBcc: x@example.com"', ...BASE.slice(1)], /"title" must be a single line/, 2],
    ['empty check', [...BASE, 'check:'], /"check" is empty: give it a value or remove the key/, 6],
    ['bad slug', [...BASE, 'slug: Mein Artikel'], /"slug" may only use a-z, 0-9 and single hyphens/, 6],
    ['draft as text', [...BASE, 'draft: "ja"'], /"draft" must be true or false/, 6],
    ['source without a name', [...BASE, 'sources:', '  - url: https://example.com/'], /^source 1 must be a name, or a mapping with "name" and "url"/, 7],
    ['unknown key in image', [...BASE, 'image: { src: "https://e.com/a.jpg", alt: A, titel: B }'], /unknown key "image\.titel" \(did you mean "title"\?\)|unknown key "image\.titel"/, 6],
    // one-line fields and URLs cannot smuggle lines or invisible text
    ['a url with a line break inside', [...BASE, 'url: "https://example.com/a\\n\\nNewsletter abbestellen: https://evil.example/"'], /"url" must not contain U\+000A \(a line break, control or invisible character\)/, 6],
    ['an image src with a tab', [...BASE, 'image: { src: "https://example.com/a\\t.jpg", alt: A }'], /"image\.src" must not contain U\+0009/, 6],
    ['a source url with a carriage return', [...BASE, 'sources: [{ name: A, url: "https://example.com/\\rx" }]'], /^source 1 \("A"\): "url" must not contain U\+000D/, 6],
    ['a url with a space', [...BASE, 'url: "https://example.com/a b"'], /"url" must not contain spaces: write them as %20/, 6],
    ['a url with a right-to-left override', [...BASE, 'url: "https://example.com/\u202Efdp.exe"'], /"url" must not contain U\+202E/, 6],
    ['a title with an escape sequence', ['title: "Hallo \\e]52;c;ZWNobyBoaQ==\\a"', ...BASE.slice(1)], /"title" contains the control character U\+001B: remove it/, 2],
    ['a title with a C1 control', ['title: "Hallo \\x9b31m"', ...BASE.slice(1)], /"title" contains the control character U\+009B/, 2],
    ['a title with NUL', ['title: "Hallo\\0"', ...BASE.slice(1)], /"title" contains the control character U\+0000/, 2],
    ['a category with a right-to-left override', [...BASE.filter((l) => !l.startsWith('category')), 'category: "Tech \u202Ednerts"'], /"category" contains the invisible direction control U\+202E, which makes text read in another order: remove it/, 5],
    ['an author with a first-strong isolate', [...BASE, 'author: "Jane \u2068Doe"'], /"author" contains the invisible direction control U\+2068/, 6],
    ['a preheader with a tab', [...BASE, 'preheader: "Vor\\tschau"'], /"preheader" contains the control character U\+0009/, 6],
    ['an FAQ question with a bidi embedding', [...BASE, 'faq: [{ question: "Warum\u202A?", answer: Darum. }]'], /^FAQ entry 1: "question" contains the invisible direction control U\+202A/, 6],
    ['a teaser with an escape sequence', [...BASE.filter((l) => !l.startsWith('teaser')), 'teaser: "Kurz \\e[2J"'], /"teaser" contains the control character U\+001B/, 5],
    ['a title of zero-width spaces only', ['title: "\u200B\u200B"', ...BASE.slice(1)], /"title" is empty once invisible characters \(U\+200B\) are removed: write the headline/, 2],
    ['an image alt of a soft hyphen and a word joiner', [...BASE, 'image: { src: "https://example.com/a.jpg", alt: "\u00AD\u2060" }'], /"image\.alt" is empty once invisible characters \(U\+00AD\) are removed/, 6],
    ['a list where a mapping belongs', [...BASE, 'image: [a, b]'], /"image" must be a mapping with src, alt and optional caption/, 6],
  ];

  it.each(cases)('reports %s with its line', (_name, lines, message, line) => {
    const problems = problemsOf(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.file).toBe(FILE);
  });

  it('reports a misspelt required key once, with its suggestion, not also as missing', () => {
    const problems = problemsOf(['title: A', 'categroy: B', 'date: 2025-11-04', 'teaser: T', 'faq:', '  - question: Wer profitiert?', '    answr: Alle.']);
    expect(problems).toEqual([
      { file: FILE, line: 3, message: 'unknown key "categroy" (did you mean "category"?)' },
      { file: FILE, line: 8, message: 'unknown key "answr" in FAQ entry 1 ("Wer profitiert?") (did you mean "answer"?)' },
    ]);
  });

  it('counts FAQ entries and sources from 1 and quotes the question', () => {
    const problems = problemsOf([...BASE, 'faq:', '  - question: Was kostet das?', '    answer: Wenig.', '  - question: Wer profitiert?', '    answer: ""', 'sources: [Handelsblatt, { name: Spiegel, url: "http://spiegel.de" }]']);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [10, 'FAQ entry 2 ("Wer profitiert?"): "answer" is empty: write the answer or remove the key'],
      [11, 'source 2 ("Spiegel"): "url" must be an absolute https:// URL, e.g. "https://example.com/artikel"'],
    ]);
  });

  it('keeps what only looks unusual: umlauts, emoji, right-to-left script, a soft hyphen inside a word, a teaser over two lines', () => {
    const article = validate([
      'title: "Über Geld 💶 und \u05E9\u05DC\u05D5\u05DD"',
      'category: "Tech\u00ADnik"',
      'date: 2025-11-04',
      'teaser: |\n  Zwei Zeilen\n  im Teaser.',
      'url: "https://example.com/%C3%BCber?a=1&b=2#x"',
    ]);
    expect(article.title).toBe('Über Geld 💶 und \u05E9\u05DC\u05D5\u05DD');
    expect(article.teaser).toBe('Zwei Zeilen\nim Teaser.');
  });

  it('reports every problem of a file at once, in line order', () => {
    const problems = problemsOf(['title: A', 'categroy: B', 'date: 2025-13-01', 'teaser: T', 'url: ftp://x']);
    expect(problems.map((problem) => problem.line)).toEqual([3, 4, 6]);
    expect(problems[0]?.message).toBe('unknown key "categroy" (did you mean "category"?)');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-1-01', false],
    ['20251104', false],
  ])('%s → %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));
});
