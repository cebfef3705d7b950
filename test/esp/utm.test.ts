import { describe, expect, it } from 'vitest';
import { addUtm, addUtmToUrl, utmParameters } from '../../src/pipeline/utm.js';

const PARAMS = utmParameters({ source: 'newsletter', medium: 'email', campaign: '{slug} {date}' }, { slug: 'ki-chips', date: '2025-11-04', edition: 'ki-chips' });

describe('utmParameters', () => {
  it('fills the placeholders', () => {
    expect(PARAMS).toEqual([
      ['utm_source', 'newsletter'],
      ['utm_medium', 'email'],
      ['utm_campaign', 'ki-chips 2025-11-04'],
    ]);
  });
});

describe('addUtmToUrl', () => {
  const utm = 'utm_source=newsletter&utm_medium=email&utm_campaign=ki-chips%202025-11-04';
  it.each([
    ['https://example.com', `https://example.com?${utm}`],
    ['https://example.com/a?b=1', `https://example.com/a?b=1&${utm}`],
    ['https://example.com/a?', `https://example.com/a?${utm}`],
    ['https://example.com/a?b=1#teil', `https://example.com/a?b=1&${utm}#teil`],
    ['http://example.com/#x?y', `http://example.com/?${utm}#x?y`],
    ['https://example.com/a?utm_source=x', 'https://example.com/a?utm_source=x'],
    ['https://example.com/a?b=1&UTM_medium=x', 'https://example.com/a?b=1&UTM_medium=x'],
    ['mailto:a@example.com', 'mailto:a@example.com'],
    ['*|UNSUB|*', '*|UNSUB|*'],
  ])('%s', (url, expected) => {
    expect(addUtmToUrl(url, PARAMS)).toBe(expected);
  });
});

describe('addUtm', () => {
  it('tags the links of the HTML and the same addresses in the text, not images, skipped links or other text', () => {
    const html = [
      '<a href="https://example.com/a?b=1&amp;c=2#f">A</a>',
      '<a class="x" href="https://example.com/abmelden">Abmelden</a>',
      '<a href="https://example.com/artikel?ref&#x3D;web">Web</a>',
      '<img src="https://example.com/bild.jpg">',
      '<a href="mailto:a@example.com">Mail</a>',
    ].join('\n');
    const text = 'A <https://example.com/a?b=1&c=2#f>\n[Bild: x] https://example.com/bild.jpg\nhttps://example.com/artikel?ref=web.\nAbmelden: https://example.com/abmelden\nhttps://other.example/\n';
    const result = addUtm({ html, text }, PARAMS, (url) => url === 'https://example.com/abmelden');
    const q = 'utm_source=newsletter&utm_medium=email&utm_campaign=ki-chips%202025-11-04';
    expect(result.html.split('\n')).toEqual([
      `<a href="https://example.com/a?b=1&amp;c=2&amp;${q.replace(/&/g, '&amp;')}#f">A</a>`,
      '<a class="x" href="https://example.com/abmelden">Abmelden</a>',
      `<a href="https://example.com/artikel?ref=web&amp;${q.replace(/&/g, '&amp;')}">Web</a>`,
      '<img src="https://example.com/bild.jpg">',
      '<a href="mailto:a@example.com">Mail</a>',
    ]);
    expect(result.text).toBe(
      `A <https://example.com/a?b=1&c=2&${q}#f>\n[Bild: x] https://example.com/bild.jpg\nhttps://example.com/artikel?ref=web&${q}.\nAbmelden: https://example.com/abmelden\nhttps://other.example/\n`,
    );
  });
});
