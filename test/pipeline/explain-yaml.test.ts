import { describe, expect, it } from 'vitest';
import { FrontmatterError } from '../../src/errors.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';

const FILE = 'articles/x.md';

function problemOf(frontmatter: string): { line: number | undefined; message: string } {
  try {
    parseFrontmatter(`---\n${frontmatter}---\n\nText.\n`, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(FrontmatterError);
    const [problem] = (error as FrontmatterError).problems;
    return { line: problem?.line, message: problem?.message ?? '' };
  }
  throw new Error('expected the frontmatter to be refused');
}

describe('YAML mistakes editors make: each says what to type', () => {
  // [mistake, frontmatter, line, the message as printed]
  const cases: [string, string, number, string][] = [
    [
      'an unquoted colon',
      'title: Vier-Tage-Woche: Die Bilanz\ncategory: News\n',
      2,
      'the value of "title" contains ": ", which YAML reads as the start of another key: put the value of "title" in straight double quotes: title: "Vier-Tage-Woche: Die Bilanz"',
    ],
    [
      'German quotes around a value with a colon',
      'category: News\ntitle: „Vier-Tage-Woche: Die Bilanz“\n',
      3,
      'the value of "title" is in typographic quotes („…“), which YAML takes for text, and its ": " starts another key: put the value of "title" in straight double quotes instead: title: "Vier-Tage-Woche: Die Bilanz"',
    ],
    [
      'a colon in an FAQ question',
      'title: X\nfaq:\n  - question: Was heißt das: KI?\n    answer: Viel.\n',
      4,
      'the value of "question" contains ": ", which YAML reads as the start of another key: put the value of "question" in straight double quotes: - question: "Was heißt das: KI?"',
    ],
    ['a tab as indentation', 'title: X\nimage:\n\tsrc: https://example.com/a.jpg\n', 4, 'the line is indented with a tab, which YAML does not accept: indent with spaces (two per level): "  src: https://example.com/a.jpg"'],
    ['no space after the colon', 'title: X\ncategory:News\ndate: 2025-11-04\n', 3, '"category" needs a space after its colon: write category: News'],
    ['no space after the colon of a URL', 'title: X\nurl:https://example.com/a\n', 3, '"url" needs a space after its colon: write url: https://example.com/a'],
    ['a list item without "- "', 'title: X\nsources:\n  - Handelsblatt\n  TechCrunch\n', 5, 'the line is an entry of the list under "sources" but does not start with "- " like the entries above it: write - TechCrunch'],
    [
      'an FAQ entry without "- "',
      'title: X\nfaq:\n  - question: A?\n    answer: B.\n  question: C?\n  answer: D.\n',
      6,
      'the line is an entry of the list under "faq" but does not start with "- " like the entries above it: write - question: C? and indent the lines that belong to it like those of the entry above',
    ],
    [
      'an opening quote without its closing one',
      'title: "Vier-Tage-Woche: Die Bilanz\ncategory: News\ndate: 2025-11-04\n',
      2,
      'the value of "title" opens a quote (") that is not closed on its line: end it with " on the same line: title: "Vier-Tage-Woche: Die Bilanz"',
    ],
    ['a single quote without its closing one', "title: X\nauthor: 'Jane Doe\n", 3, 'the value of "author" opens a quote (\') that is not closed on its line: end it with \' on the same line: author: \'Jane Doe\''],
    [
      'straight quotes inside a quoted value',
      'title: "Er sagt "Hallo" zur KI"\n',
      2,
      'the value of "title" goes on after its closing quote: put the whole value in one pair of straight double quotes and write quotes inside it as „…“: title: "Er sagt „Hallo“ zur KI"',
    ],
    ['a key indented under a value', 'title: X\n category: News\n', 3, 'the line is indented further than "title" above it, which already has its value: start "category" at the same column as "title"'],
  ];

  it.each(cases)('%s', (_mistake, frontmatter, line, message) => {
    expect(problemOf(frontmatter)).toEqual({ line, message });
  });

  it('falls back to the parser\'s reason with a hint for what it cannot name', () => {
    expect(problemOf('title: [a, b\n').message).toMatch(/^malformed YAML: .*\(check indentation, and quote values that contain ": "/);
  });
});
