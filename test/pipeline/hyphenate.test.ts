import { describe, expect, it } from 'vitest';
import { hyphenateHtml, hyphenateText, hyphenateView, MIN_WORD_LENGTH, SOFT_HYPHEN } from '../../src/pipeline/hyphenate.js';
import { keepFragments, loadHyphenator } from '../../src/pipeline/load-hyphenator.js';
import { resolveConfig } from '../../src/config/config.js';
import { renderView } from '../../src/pipeline/render-view.js';
import { readArticle } from '../../src/pipeline/build-article.js';
import { article } from '../helpers/project.js';

/** Soft hyphens shown as "|" for readable expectations. */
const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '|');
const de = loadHyphenator('de');

describe('the German and English hyphenators', () => {
  it.each([
    ['de', 'Donaudampfschifffahrt', 'Donau|dampf|schiff|fahrt'],
    ['de', 'Rechenleistung', 'Rechen|leis|tung'],
    ['de', 'Schaufelverkäufer', 'Schau|fel|ver|käu|fer'],
    ['en', 'internationalization', 'inter|na|tion|al|iza|tion'],
  ] as const)('%s: %s → %s', (locale, word, expected) => {
    expect(shown(loadHyphenator(locale)(word))).toBe(expected);
  });

  it('never leaves fewer than three letters on a line', () => {
    expect(shown(keepFragments(`ab${SOFT_HYPHEN}cdef${SOFT_HYPHEN}gh`))).toBe('abcdefgh');
    expect(shown(keepFragments(`abc${SOFT_HYPHEN}def${SOFT_HYPHEN}ghi`))).toBe('abc|def|ghi');
  });
});

describe('hyphenateText and hyphenateHtml', () => {
  const mark = (word: string) => word.split('').join('|'); // a stand-in hyphenator that shows what it was given

  it.each([
    ['long words only', `kurz ${'a'.repeat(MIN_WORD_LENGTH - 1)} ${'b'.repeat(MIN_WORD_LENGTH)}`, `kurz ${'a'.repeat(MIN_WORD_LENGTH - 1)} ${mark('b'.repeat(MIN_WORD_LENGTH))}`],
    ['umlauts and ß count as letters', 'Straßenbahnhaltestelle', mark('Straßenbahnhaltestelle')],
    ['parts of hyphenated compounds', 'KI-Beschleunigern', `KI-${mark('Beschleunigern')}`],
    ['punctuation stays outside', '(Rechenleistung).', `(${mark('Rechenleistung')}).`],
    ['URLs stay whole', 'https://example.com/Rechenleistungsvergleich', 'https://example.com/Rechenleistungsvergleich'],
    ['domains stay whole', 'Rechenleistungsvergleich.com', 'Rechenleistungsvergleich.com'],
    ['e-mail addresses stay whole', 'rechenleistungsteam@example.com', 'rechenleistungsteam@example.com'],
  ])('text: %s', (_name, input, expected) => {
    expect(shown(hyphenateText(input, (word) => word.split('').join(SOFT_HYPHEN)))).toBe(expected);
  });

  it.each([
    ['text between tags', '<p>Die <strong>Rechenleistung</strong> wächst.</p>', '<p>Die <strong>Rechen|leis|tung</strong> wächst.</p>'],
    ['not tag names or attribute values', '<a href="https://example.com/rechenleistungsvergleich" title="Rechenleistungsvergleich">Vergleich</a>', '<a href="https://example.com/rechenleistungsvergleich" title="Rechenleistungsvergleich">Vergleich</a>'],
    ['link text that is a word', '<a href="https://example.com/">Rechenleistung</a>', '<a href="https://example.com/">Rechen|leis|tung</a>'],
    ['not link text that is an address', '<a href="https://rechenleistungsvergleich.example/">rechenleistungsvergleich.example</a>', '<a href="https://rechenleistungsvergleich.example/">rechenleistungsvergleich.example</a>'],
    ['not code', '<p><code>Rechenleistung</code> und <pre><code>Rechenleistung\n</code></pre> Rechenleistung</p>', '<p><code>Rechenleistung</code> und <pre><code>Rechenleistung\n</code></pre> Rechen|leis|tung</p>'],
    ['not entities', '<p>&quot;Rechenleistung&quot; &amp; Donaudampfschifffahrt</p>', '<p>&quot;Rechen|leis|tung&quot; &amp; Donau|dampf|schiff|fahrt</p>'],
    ['table cells', '<table><tr><td>Donaudampfschifffahrt</td></tr></table>', '<table><tr><td>Donau|dampf|schiff|fahrt</td></tr></table>'],
  ])('HTML: %s', (_name, input, expected) => {
    expect(shown(hyphenateHtml(input, de))).toBe(expected);
  });
});

describe('hyphenateView', () => {
  const source = article(
    'preheader: Donaudampfschifffahrt im Vorschautext\ncheck: Ein Urteil über Rechenleistung.\nfaq:\n  - question: Was kostet Rechenleistung?\n    answer: Viel Rechenleistung.',
    'Die Donaudampfschifffahrt [Rechenleistung](https://example.com/rechenleistung).\n\n| Werkzeug | Preis |\n|---|---|\n| Projektmanagement | 12 Euro |\n',
  ).replace('title: Testartikel', 'title: Donaudampfschifffahrt fährt weiter').replace('teaser: Ein kurzer Teaser.', 'teaser: Die Donaudampfschifffahrt im Teaser.');
  const view = renderView(readArticle({ file: 'articles/x.md', source }), resolveConfig({}, '/tmp'));
  const hyphenated = hyphenateView(view, de);

  it('hyphenates the headline, teaser, body, tables, check box and FAQ', () => {
    expect(shown(hyphenated.headline)).toBe('Donau|dampf|schiff|fahrt fährt weiter');
    expect(shown(hyphenated.teaser)).toContain('Donau|dampf|schiff|fahrt');
    expect(shown(hyphenated.bodyHtml)).toContain('<p>Die Donau|dampf|schiff|fahrt <a href="https://example.com/rechenleistung">Rechen|leis|tung</a>.</p>');
    expect(shown(hyphenated.bodyHtml)).toContain('<td>Pro|jekt|ma|nage|ment</td>');
    expect(shown(hyphenated.checkHtml ?? '')).toContain('Rechen|leis|tung');
    expect(shown(hyphenated.faq?.[0]?.question ?? '')).toBe('Was kostet Rechen|leis|tung?');
    expect(shown(hyphenated.faq?.[0]?.answerHtml ?? '')).toContain('Rechen|leis|tung');
  });

  it('leaves the subject and <title>, the preheader and the unhyphenated view alone', () => {
    expect(hyphenated.title).toBe('Donaudampfschifffahrt fährt weiter');
    expect(hyphenated.preheader).toBe('Donaudampfschifffahrt im Vorschautext');
    expect(JSON.stringify(view)).not.toContain(SOFT_HYPHEN);
  });
});
