import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';
import { renderView } from '../../src/pipeline/render-view.js';
import { validateArticle } from '../../src/pipeline/validate-article.js';
import { articleStructuredData, serializeJsonLd } from '../../src/web/json-ld.js';
import { plainText } from '../../src/web/plain-text.js';
import { article } from '../helpers/project.js';
import { HOSTILE_ANSWER_TEXT, HOSTILE_ARTICLE, HOSTILE_QUESTION, HOSTILE_TITLE } from './hostile-article.js';

const BASE = 'https://www.business-punk.com/newsletter';
const config = resolveConfig({ webBaseUrl: BASE }, '/tmp/project');

function viewOf(source: string, file = 'articles/x.md') {
  return renderView(validateArticle(parseFrontmatter(source, file), file, 'x'), config);
}

type Node = Record<string, unknown>;
const graphOf = (data: unknown) => (data as { '@graph': Node[] })['@graph'];

describe('structured data (JSON-LD)', () => {
  it('NewsArticle carries headline, description, date, author, image, publisher; FAQPage every question with its answer as plain text', () => {
    const view = viewOf(
      article(
        'author: Jana Beispiel\nimage: { src: "https://example.com/bild.jpg", alt: Ein Bild }\nfaq:\n  - question: Was kostet das?\n    answer: "Viel: **38 Milliarden** Dollar, laut [Spiegel](https://www.spiegel.de/)."\n  - question: Und dann?\n    answer: |\n      - erstens\n      - zweitens\n',
      ),
    );
    const url = `${BASE}/x/`;
    const data = JSON.parse(serializeJsonLd(articleStructuredData({ view, url, webBaseUrl: BASE }))) as Node;
    expect(data['@context']).toBe('https://schema.org');
    const [news, faq] = graphOf(data);
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Testartikel',
      description: 'Ein kurzer Teaser.',
      datePublished: '2025-11-04',
      inLanguage: 'de',
      mainEntityOfPage: url,
      author: { '@type': 'Person', name: 'Jana Beispiel' },
      image: ['https://example.com/bild.jpg'],
      publisher: { '@type': 'Organization', name: 'Business Punk', url: `${BASE}/` },
    });
    expect(faq).toMatchObject({
      '@type': 'FAQPage',
      mainEntity: [
        { '@type': 'Question', name: 'Was kostet das?', acceptedAnswer: { '@type': 'Answer', text: 'Viel: 38 Milliarden Dollar, laut Spiegel.' } },
        { '@type': 'Question', name: 'Und dann?', acceptedAnswer: { '@type': 'Answer', text: 'erstens zweitens' } },
      ],
    });
  });

  it('without a byline the brand is the author; without an FAQ there is no FAQPage; without an image no image', () => {
    const view = viewOf(article());
    const graph = graphOf(articleStructuredData({ view, url: `${BASE}/x/`, webBaseUrl: BASE }));
    expect(graph).toHaveLength(1);
    expect(graph[0]?.author).toEqual({ '@type': 'Organization', name: 'Business Punk', url: `${BASE}/` });
    expect(graph[0]).not.toHaveProperty('image');
  });

  it('serialized JSON has no "<" at all, so no text can end the script element, and means the same', () => {
    const view = viewOf(HOSTILE_ARTICLE, 'articles/hostile.md');
    const data = articleStructuredData({ view, url: `${BASE}/hostile/`, webBaseUrl: BASE });
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
    const [news, faq] = graphOf(JSON.parse(json));
    expect(news?.headline).toBe(HOSTILE_TITLE);
    const question = (faq?.mainEntity as Node[])[0];
    expect(question?.name).toBe(HOSTILE_QUESTION);
    expect((question?.acceptedAnswer as Node).text).toBe(HOSTILE_ANSWER_TEXT); // the text as written, escaped only in the JSON
  });

  it('U+2028 and U+2029 are escaped too', () => {
    expect(serializeJsonLd({ a: 'x\u2028y\u2029z' })).toBe('{"a":"x\\u2028y\\u2029z"}');
  });
});

describe('plainText', () => {
  it.each([
    ['<p>Ein <strong>fetter</strong> Satz &amp; mehr</p>', 'Ein fetter Satz & mehr'],
    ['<p>eins</p><p>zwei</p>', 'eins zwei'],
    ['<ul><li>a</li><li>b</li></ul>', 'a b'],
    ['<p>&lt;/script&gt;</p>', '</script>'],
    ['<p><img src="https://example.com/x.png" alt="Grafik"></p>', 'Grafik'],
    ['<p>Zeile<br>\nzwei</p>', 'Zeile zwei'],
  ])('%s → %s', (fragment, expected) => {
    expect(plainText(fragment)).toBe(expected);
  });
});
