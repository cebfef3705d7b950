import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio/slim';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlOf, indexedHtmlOf } from '../../src/check/html.js';
import type { CheckInput } from '../../src/check/types.js';
import { resolveConfig } from '../../src/config/config.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import { readArticle, renderNewsletter } from '../../src/pipeline/build-article.js';
import { compileTemplates } from '../../src/pipeline/compile-templates.js';
import { REPO_ROOT, SAMPLE_ARTICLES } from '../helpers/project.js';

/** A newsletter with every kind of element the rules ask for, plus some the index must not be fooled by. */
async function sampleInput(): Promise<CheckInput> {
  const config = resolveConfig({}, REPO_ROOT);
  const templates = compileTemplates(await loadTemplateSources(path.join(REPO_ROOT, 'templates'), REPO_ROOT));
  const source = await readFile(path.join(SAMPLE_ARTICLES, 'ki-chips-wettruesten.md'), 'utf8');
  const article = readArticle({ file: 'articles/ki-chips-wettruesten.md', source: source.replace(/\n---\n/, '\n---\n\n| A | B |\n|---|---|\n| 1 | [x](https://example.com/) |\n\n![Bild](https://example.com/b.png)\n\n### Drei\n') });
  const rendered = await renderNewsletter(article, config, templates);
  const extra = '<a name="anchor">no href</a><a href="">empty</a><TABLE><tr><td>upper</td></tr></TABLE><script>var a = "<img>";</script>';
  return { ...rendered, html: rendered.html.replace('</body>', `${extra}</body>`), config, file: 'articles/ki-chips-wettruesten.md' };
}

describe('htmlOf: tag-name queries answered from one walk', () => {
  it.each(['img', 'a[href]', 'table', 'h1', 'h1, h2, h3, h4, h5, h6', 'html', 'h3, h2', 'td, th', 'script', 'a'])('%s gives what css-select gives, in document order', async (selector) => {
    const input = await sampleInput();
    const plain = load(parseDocument(input.html, { withStartIndices: true, withEndIndices: true }));
    const expected = plain(selector).get().map((element) => element.startIndex);
    expect(indexedHtmlOf(input)(selector).get().map((element) => element.startIndex)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    // without positions (what every rule but the size rules gets): the same elements, by their markup
    const $ = htmlOf(input);
    expect($(selector).get().map((element) => $.html(element))).toEqual(plain(selector).get().map((element) => plain.html(element)));
  });

  it('leaves other selectors, and calls with a context, to cheerio', async () => {
    const input = await sampleInput();
    const $ = htmlOf(input);
    expect($('td.bp-text p').length).toBeGreaterThan(0);
    expect($('a[href^="https"]').length).toBeLessThan($('a[href]').length);
    const table = $('table').last();
    expect($('td', table.get(0)).length).toBe(1);
    expect($.root().find('title').text()).toContain('Schaufeln');
  });
});
