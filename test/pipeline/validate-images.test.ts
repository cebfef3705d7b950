import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/pipeline/build-article.js';
import { article } from '../helpers/project.js';

/** The problems `readArticle` reports for an article, as `line: message` (or [] when it reads). */
function problemsOf(source: string): string[] {
  try {
    readArticle({ file: 'articles/x.md', source });
    return [];
  } catch (error) {
    return (error as { problems: { file: string; line?: number; message: string }[] }).problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
  }
}

describe('validateImages: images in the article Markdown are https and described', () => {
  // article() puts the body after 4 frontmatter keys: "---" is line 6, the body's first line 7, its text line 8.
  it.each([
    ['an https image with a description', 'Text\n\n![Ein Chip](https://example.com/chip.jpg)\n', []],
    ['no images at all', 'Nur Text mit [Link](https://example.com/).\n', []],
    ['an http image', 'Text\n\n![Bild](http://example.com/a.jpg)\n', [/^articles\/x\.md:10: the image "http:\/\/example\.com\/a\.jpg" is not an https:\/\/ address, so inboxes cannot load it: host it on https/]],
    ['a relative image without description', '![](bilder/lokal.jpg)\n', [/^articles\/x\.md:8: the image "bilder\/lokal\.jpg" is not an https:\/\/ address/, /^articles\/x\.md:8: the image "bilder\/lokal\.jpg" has no description/]],
    ['an image on the third line of a paragraph', 'eins\nzwei\nund ![](https://example.com/b.png) drei\n', [/^articles\/x\.md:10: the image "https:\/\/example\.com\/b\.png" has no description, so readers with images off or a screen reader get nothing: say what it shows between the brackets, e\.g\. !\[Serverschränke im Rechenzentrum\]\(https:\/\/example\.com\/b\.png\)$/]],
    ['a reference-style image', '![][bild]\n\n[bild]: https://example.com/c.png\n', [/^articles\/x\.md:8: the image "https:\/\/example\.com\/c\.png" has no description/]],
    ['a data: image', '![Punkt](data:image/png;base64,AAAA)\n', [/:8: the image "data:image\/png;base64,AAAA" is not an https:\/\/ address/]],
    ['a linked image', '[![](https://example.com/d.png)](https://example.com/)\n', [/:8: the image "https:\/\/example\.com\/d\.png" has no description/]],
  ])('%s', (_name, body, expected) => {
    const problems = problemsOf(article('', body));
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
  });

  it('in the check box and FAQ answers, at the key', () => {
    const source = article('check: |\n  Urteil ![](https://example.com/e.png)\nfaq:\n  - question: Frage?\n    answer: "![Grafik](ftp://example.com/f.png)"');
    expect(problemsOf(source)).toEqual([
      expect.stringMatching(/^articles\/x\.md:6: the image "https:\/\/example\.com\/e\.png" has no description/),
      expect.stringMatching(/^articles\/x\.md:10: the image "ftp:\/\/example\.com\/f\.png" is not an https:\/\/ address/),
    ]);
  });
});

describe('image.width and image.height in the frontmatter', () => {
  it.each([
    ['both', 'image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild\n  width: 1600\n  height: 900', []],
    ['only one', 'image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild\n  width: 1600', [/^articles\/x\.md:6: "image" needs both "width" and "height" \(the image file's size in pixels\), or neither/]],
    ['not a number', 'image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild\n  width: breit\n  height: 900', [/^articles\/x\.md:9: "image\.width" must be a number of pixels, e\.g\. 1200/]],
  ])('%s', (_name, extra, expected) => {
    const problems = problemsOf(article(extra));
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
  });
});
