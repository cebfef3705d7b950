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
    ['an unclosed quote, at the line that opens it', '---\ntitle: A\nteaser: "open\n---\n', /^the value of "teaser" opens a quote \("\) that is not closed on its line/, 3],
    ['malformed YAML the explanations do not cover', '---\ntitle: [a, b\n---\n', /^malformed YAML/, 2],
    ['a duplicate key', '---\ntitle: A\ntitle: B\n---\n', /^a key appears twice in the frontmatter: keep one of them$/, 3],
    ['bad indentation, at the indented line', '---\ntitle: A\n  category: B\n---\n', /^the line is indented further than "title" above it/, 3],
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

  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n');
  it.each([
    ['an alias used before its anchor', '---\ntitle: *a\ncategory: &a B\n---\n', /^the frontmatter uses a YAML alias \(\*a\) that is not defined above it: write the value out$/, 2],
    ['an alias inside its own anchor', '---\ntitle: A\nfaq: &a\n  - question: *a\n---\n', /alias \(\*a\) inside its own anchor/, 4],
    ['an alias bomb (9 levels of 9 aliases)', `---\n${bomb}\n---\n`, /aliases \(\*name\) expand to too much data: write the values out$/, 3],
    ['deep nesting (5,000 brackets)', `---\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`, /nested too deeply/, 2],
    ['deep nesting (40 levels of mappings)', `---\n${Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`).join('\n')} x\n---\n`, /nested too deeply/, 18],
    ['the tag !!js/function', '---\ntitle: !!js/function "function () { return 1 }"\n---\n', /^the frontmatter uses the YAML tag !!js\/function, which articles do not allow: remove it/, 2],
    ['the tag !!binary', '---\ntitle: A\nteaser: !!binary aGFsbG8=\n---\n', /YAML tag !!binary, which articles do not allow/, 3],
    ['a custom tag', '---\ntitle: !Ref x\n---\n', /YAML tag !Ref, which articles do not allow/, 2],
    ['a !!set', '---\ntitle: !!set {a, b}\n---\n', /YAML tag !!set/, 2],
    ['a mapping as a key', '---\n? [a, b]\n: c\n---\n', /a list, mapping or alias as a key/, 2],
    ['a list as the whole frontmatter', '---\n- title\n- category\n---\n', /must be keys with values/, 2],
    ['a single value as the whole frontmatter', '---\nnur Text\n---\n', /must be keys with values/, 2],
    ['a tab used for indentation', '---\nfaq:\n\t- question: A\n---\n', /indent with spaces/, 3],
  ])('refuses %s with a plain message and its line', (_name, source, message, line) => {
    let error: unknown;
    try {
      parseFrontmatter(source, FILE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrontmatterError);
    expect((error as FrontmatterError).message).toMatch(message);
    expect((error as FrontmatterError).line).toBe(line);
  });

  it('accepts aliases defined above, and the tags plain YAML means anyway', () => {
    const parsed = parseFrontmatter('---\ncategory: &kicker Tech & Trends\nauthor: *kicker\ntitle: !!str 2025\n---\n', FILE);
    expect(parsed.data).toEqual({ category: 'Tech & Trends', author: 'Tech & Trends', title: '2025' });
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
