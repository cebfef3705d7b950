import { describe, expect, it } from 'vitest';
import { FrontmatterError } from '../../src/errors.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';

const FILE = 'articles/x.md';

describe('parseFrontmatter', () => {
  it('splits YAML frontmatter from the Markdown body and knows where the body starts', () => {
    const parsed = parseFrontmatter('---\ntitle: Hallo\ndate: 2025-11-04\n---\n\nText\n', FILE);
    expect(parsed.data).toEqual({ title: 'Hallo', date: '2025-11-04' });
    expect(parsed.body).toBe('\nText\n');
    expect(parsed.bodyLine).toBe(5);
  });

  it('keeps dates as text (YAML 1.2 core schema), so "2025-02-30" reaches validation unchanged', () => {
    expect(parseFrontmatter('---\ndate: 2025-02-30\n---\n', FILE).data).toEqual({ date: '2025-02-30' });
  });

  it('locates keys, nested keys and list items by file line', () => {
    const source = '---\ntitle: A\nfaq:\n  - question: Q1\n    answer: A1\n  - question: Q2\n---\n';
    const parsed = parseFrontmatter(source, FILE);
    expect(parsed.locate(['title'])).toBe(2);
    expect(parsed.locate(['faq'])).toBe(3);
    expect(parsed.locate(['faq', 1, 'question'])).toBe(6);
    // a missing key points at its closest present parent
    expect(parsed.locate(['faq', 1, 'answer'])).toBe(6);
  });

  it.each([
    ['malformed YAML with its line', '---\ntitle: A\nteaser: "open\n---\n', /^malformed YAML/, 3],
    ['a duplicate key', '---\ntitle: A\ntitle: B\n---\n', /malformed YAML: Map keys must be unique/, 3],
    ['bad indentation', '---\ntitle: A\n  category: B\n---\n', /malformed YAML/, 2],
    ['no frontmatter at all', '# Nur Text\n', /no frontmatter/, 1],
    ['an unclosed frontmatter block', '---\ntitle: A\n', /not closed/, 1],
    ['a ---json block', '---json\n{"title": "A"}\n---\n', /"---json" frontmatter is not allowed/, 1],
    ['a ---coffee block', '---coffee\ntitle: "A"\n---\n', /"---coffee" frontmatter is not allowed/, 1],
  ])('refuses %s with a line', (_name, source, message, line) => {
    let error: unknown;
    try {
      parseFrontmatter(source, FILE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrontmatterError);
    expect((error as FrontmatterError).message).toMatch(message);
    expect((error as FrontmatterError).line).toBe(line);
    expect((error as FrontmatterError).file).toBe(FILE);
  });

  it.each(['js', 'javascript', ' js', 'JavaScript'])('never evaluates "---%s" frontmatter', (engine) => {
    const flag = `__frontmatterRan_${Math.random().toString(36).slice(2)}`;
    const source = `---${engine}\n{ title: (globalThis.${flag} = true, "pwned") }\n---\nBody\n`;
    expect(() => parseFrontmatter(source, FILE)).toThrow(FrontmatterError);
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
  });

  it('does not share results between calls (gray-matter cache is bypassed)', () => {
    const source = '---\ntitle: A\n---\nBody\n';
    const first = parseFrontmatter(source, FILE);
    (first.data as Record<string, unknown>).title = 'mutated';
    expect(parseFrontmatter(source, FILE).data).toEqual({ title: 'A' });
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const parsed = parseFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n', FILE);
    expect(parsed.data).toEqual({ title: 'A' });
    expect(parsed.body.trim()).toBe('Body');
  });
});
