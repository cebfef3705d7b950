import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateArticle, type ArticleShapeChoice } from '../../src/bench/generate-articles.js';
import { readArticle } from '../../src/pipeline/build-article.js';
import { loadJuice, type JuiceNode } from '../../src/pipeline/load-juice.js';
import type { Article } from '../../src/pipeline/validate-article.js';
import { article, SAMPLE_ARTICLES } from './project.js';

export interface CorpusArticle {
  /** File name, e.g. `shape-07.md`; also the name shown when a case fails. */
  name: string;
  source: string;
  /** The path the fast path is expected to take; `full` where it must decline (and say why). */
  expect: 'fast' | 'full';
  /**
   * Changes the validated article in a way validation would refuse (e.g. spaces in a URL): the
   * fast path's guard must hold for any value, not only for those articles can carry today.
   */
  beyondValidation?: (article: Article) => Article;
}

/** The corpus entry as the renderers get it: read and validated, then changed by `beyondValidation`. */
export function readCorpusArticle(entry: CorpusArticle): Article {
  const article = readArticle({ file: `articles/${entry.name}`, source: entry.source });
  return entry.beyondValidation ? entry.beyondValidation(article) : article;
}

/** The sample articles (test/fixtures/articles). */
export function sampleArticles(): CorpusArticle[] {
  const dir = SAMPLE_ARTICLES;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, source: readFileSync(path.join(dir, name), 'utf8'), expect: 'fast' }));
}

/**
 * Articles as the other test files write them (test/helpers/project.ts
 * `article()`, test/build.test.ts, test/cli/*): minimal, with a changed key,
 * and the hostile one from the security test.
 */
export function fixtureArticles(): CorpusArticle[] {
  const hostile = article(
    'check: "<img src=x onerror=alert(1)> [x](javascript:alert(1))"\nfaq:\n  - question: "<script>alert(1)</script>"\n    answer: "{{constructor.constructor \'alert(1)\'}}"\nsources:\n  - "<b>Fett</b>"',
    '<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n[klick](javascript:alert(1)) [daten](data:text/html,hi)\n\n{{constructor.constructor "alert(1)"}}\n',
  ).replace('title: Testartikel', 'title: "<img src=x onerror=alert(1)>"');
  return [
    { name: 'fixture-minimal.md', source: article(), expect: 'fast' },
    { name: 'fixture-author.md', source: article('author: Neu'), expect: 'fast' },
    { name: 'fixture-image.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild'), expect: 'fast' },
    { name: 'fixture-slug.md', source: article('slug: gleich'), expect: 'fast' },
    { name: 'fixture-hostile.md', source: hostile, expect: 'fast' },
  ];
}

/**
 * One article per combination of the layout's optional blocks: image
 * (none, plain, captioned) × check box × FAQ entries (0, 1, 3) × sources
 * (none, three with and without links) × web link; author and source count
 * vary along.
 */
export function shapeArticles(): CorpusArticle[] {
  const cases: CorpusArticle[] = [];
  let index = 0;
  for (const image of ['none', 'image', 'captioned'] as const) {
    for (const check of [false, true]) {
      for (const faq of [0, 1, 3]) {
        for (const sources of [0, 3]) {
          for (const url of [false, true]) {
            const shape: ArticleShapeChoice = { image, check, faq, sources: sources === 0 ? 0 : 1 + (index % 3), url, author: index % 2 === 0 };
            const generated = generateArticle(index, shape);
            cases.push({ name: `shape-${String(index).padStart(2, '0')}.md`, source: generated.source, expect: 'fast' });
            index += 1;
          }
        }
      }
    }
  }
  return cases;
}

/** Frontmatter with every optional block, around a Markdown construct that also appears in the check box and an FAQ answer. */
function constructArticle(name: string, markdown: string, expect: 'fast' | 'full' = 'fast', extra = ''): CorpusArticle {
  const block = (text: string, spaces: number) => text.split('\n').map((line) => (line ? ' '.repeat(spaces) + line : line)).join('\n');
  const front = [
    `title: "Konstrukt: ${name}"`,
    'category: Tech & Trends',
    'date: 2025-11-04',
    'teaser: Ein Teaser mit „Anführungszeichen“ & Ampersand.',
    'author: Mira Schäfer',
    'image:',
    '  src: https://example.com/bild.jpg',
    '  alt: Ein Bild',
    '  caption: Eine Bildunterschrift.',
    'check: |',
    block(markdown, 2),
    'faq:',
    '  - question: Was ist das?',
    '    answer: |',
    block(markdown, 6),
    '  - question: Und noch?',
    '    answer: Eine zweite Antwort.',
    'sources:',
    '  - Handelsblatt',
    '  - name: TechCrunch',
    '    url: https://techcrunch.com/',
    ...(extra ? [extra] : []),
  ];
  const source = `---\n${front.join('\n')}\n---\n\nEin erster Absatz.\n\n${markdown}\n\nEin letzter Absatz.\n`;
  return { name: `construct-${name}.md`, source, expect };
}

/** Every Markdown construct markdown-it renders, and text that looks like markup or templates. */
export function constructArticles(): CorpusArticle[] {
  return [
    constructArticle('headings', '# Eins\n\n## Zwei\n\n### Drei\n\n#### Vier\n\nSetext\n======\n\nUnter\n-----'),
    constructArticle('list', '- eins\n- zwei mit **fett**\n- drei'),
    constructArticle('ordered-list', '1. eins\n2. zwei\n3. drei\n\n7. sieben\n8. acht'),
    constructArticle('nested-list', '- eins\n  - eins.eins\n    1. tief\n    2. tiefer\n- zwei\n\n  Absatz im Punkt\n\n- drei'),
    constructArticle('blockquote', '> Ein Zitat\n> über zwei Zeilen\n>\n> > verschachtelt\n\n> - Liste im Zitat'),
    constructArticle('inline-code', 'Nutze `npm run build` und `<b>` im Code und `a && b`.'),
    constructArticle('fenced-code', '```ts\nconst x = 1 < 2 && "a";\nfunction f() { return `{{x}}`; }\n```\n\n~~~\nohne Sprache\n~~~'),
    constructArticle('indented-code', '    eingerückter Code\n    <p>kein Absatz</p>'),
    constructArticle('table', '| Firma | Wert | Anteil |\n|:------|-----:|:------:|\n| Nvidia | 1 | 50 % |\n| AMD & Co. | 2 | 25 % |'),
    constructArticle('links', '[Web](https://example.com/a?b=1&c=2) [Mail](mailto:redaktion@example.com) [relativ](/artikel) [böse](javascript:alert(1)) und https://example.com/auto'),
    constructArticle('images', '![Ein Diagramm](https://example.com/d.png "Titel") und ![Ein Foto & mehr](https://example.com/x.png?a=1&b=2)'),
    constructArticle('emphasis', '*kursiv* _auch_ **fett** __auch__ ***beides*** ~~durch~~'),
    constructArticle('hr', 'Davor\n\n---\n\nDazwischen\n\n***\n\nDanach'),
    constructArticle('hard-breaks', 'Zeile eins  \nZeile zwei\\\nZeile drei'),
    constructArticle('umlauts-entities', 'Ärger über Öl, Übermut, Straße. &amp; &copy; &#x27; &nbsp; &lt;b&gt; „Zitat“ – Gedankenstrich… 5 € ½'),
    constructArticle('handlebars-text', 'Im Text {{title}} und {{{bodyHtml}}} und {{#if x}}ja{{/if}} und {{> partial}} und }} allein.'),
    // `{{` here and the next `}}` in a later block: juice would read the markup between as text, so the fast path declines
    constructArticle('handlebars-spanning', 'Anfang {{ offen\n\nund später zu }} Ende.', 'full'),
    constructArticle('handlebars-unclosed', 'Nur {{ geöffnet, nie geschlossen.'),
    constructArticle('html-text', '<b>fett?</b> <script>alert(1)</script> <!-- Kommentar --> <mj-text>x</mj-text> </mj-column> <![CDATA[x]]> <% ejs %>'),
    constructArticle('juice-placeholder', 'Wer JUICE_CODE_BLOCK_0_ schreibt, bekommt die volle Kompilierung.', 'full'),
    constructArticle('token-lookalike', 'Text mit @@E:title@@ und @@C:0@@ und @@R:bodyHtml@@ darin.'),
    constructArticle('quotes-in-values', 'Normaler Text.', 'fast', 'preheader: "Er sagte: \\"Hallo\\" & ging <weg> = `ok`"'),
    constructArticle('long-paragraph', Array.from({ length: 40 }, (_, index) => `Satz ${index} über Rechenleistung, Chips & Cloud.`).join(' ')),
    // the lead image's alt is HTML in an mj-text, not an MJML attribute: "true" is plain text there
    { name: 'alt-true.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: "true"'), expect: 'fast' },
    { name: 'image-size.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild\n  width: 1200\n  height: 800'), expect: 'fast' },
    { name: 'title-special.md', source: article().replace('title: Testartikel', 'title: "A & B <C> \\"D\\" \'E\' `F` = G"'), expect: 'fast' },
    { name: 'title-handlebars.md', source: article().replace('title: Testartikel', 'title: "Vorlage {{title}} und {{{x}}}"'), expect: 'fast' },
    // an empty body is the same for every article of its shape: it stays in the compiled layout
    { name: 'empty-body.md', source: article('', ''), expect: 'fast' },
  ];
}

/** Whitespace-normalised DOM: elements and attributes as written, text with runs of white space folded, blank text dropped. */
export function normaliseDom(html: string): string {
  const out: string[] = [];
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  const visit = (node: JuiceNode) => {
    if (node.type === 'text') {
      const text = fold(node.data ?? '');
      if (text) out.push(text);
      return;
    }
    if (node.type === 'comment') {
      out.push(`<!--${fold(node.data ?? '')}-->`);
      return;
    }
    if (node.name && node.type !== 'directive') {
      const attributes = Object.entries(node.attribs ?? {}).map(([name, value]) => ` ${name}="${fold(value)}"`);
      out.push(`<${node.name}${attributes.join('')}>`);
      for (const child of node.children ?? []) visit(child);
      out.push(`</${node.name}>`);
      return;
    }
    if (node.type === 'directive') out.push(`<${fold(node.data ?? '')}>`);
    for (const child of node.children ?? []) visit(child);
  };
  loadJuice().parse(html, {}, ($) => {
    const root = $.root().get(0);
    if (root) visit(root);
  });
  return out.join('\n');
}
