import { afterEach, describe, expect, it } from 'vitest';
import { shownError, shownProblem, terminalSafe } from '../../src/cli/terminal.js';
import { ArticleError, InternalError } from '../../src/errors.js';
afterEach(() => {
  delete process.env.DEBUG;
});

describe('terminalSafe', () => {
  it.each([
    ['an OSC 52 clipboard write', 'Titel \u001b]52;c;ZWNobyBoaQ==\u0007', 'Titel \\x1B]52;c;ZWNobyBoaQ==\\x07'],
    ['a colour sequence and a C1 CSI', '\u001b[31mrot\u009b0m', '\\x1B[31mrot\\x9B0m'],
    ['line breaks that would forge a line of their own', 'a\r\n✓ forged', 'a\\x0D\\x0A✓ forged'],
    ['the line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['bidi overrides and isolates', 'exe.\u202Efdp \u2066x\u2069', 'exe.\\u202Efdp \\u2066x\\u2069'],
    ['DEL and NUL', 'a\u007fb\u0000', 'a\\x7Fb\\x00'],
  ])('escapes %s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('leaves ordinary text alone: umlauts, quotes, emoji, right-to-left script', () => {
    const text = 'Über „Geld“ 💶 — שלום: ✓ ok';
    expect(terminalSafe(text)).toBe(text);
  });

  it('formats problems and errors safely; a bug shows its stack only with DEBUG=1', () => {
    expect(shownProblem({ file: 'articles/\u001b[2J.md', line: 3, message: 'bad \u001b]0;title\u0007' })).toBe('articles/\\x1B[2J.md:3: bad \\x1B]0;title\\x07');
    expect(shownError(new ArticleError('x', { file: 'a.md' }))).toEqual(['a.md: x']);
    const bug = new InternalError(new TypeError('boom \u001b[1m'), { file: 'articles/x.md' });
    expect(shownError(bug)).toEqual(['articles/x.md: internal error: TypeError: boom \\x1B[1m (please report; run with DEBUG=1 for the stack)']);
    process.env.DEBUG = '1';
    const lines = shownError(bug);
    expect(lines[0]).toMatch(/^articles\/x\.md: internal error/);
    expect(lines.slice(1).join('\n')).toMatch(/TypeError: boom[\s\S]*\n\s+at /);
    // a bug outside any document: one line too
    delete process.env.DEBUG;
    expect(shownError(new Error('disk on fire'))).toEqual(['internal error: disk on fire (please report; run with DEBUG=1 for the stack)']);
  });
});

// End to end (a file name and a title with escape sequences through build-newsletter): test/build/build-document.test.ts
