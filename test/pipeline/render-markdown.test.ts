import { describe, expect, it } from 'vitest';
import { CONTENT_WIDTH, renderMarkdown } from '../../src/pipeline/render-markdown.js';

describe('renderMarkdown', () => {
  it('renders CommonMark + GFM constructs', () => {
    const html = renderMarkdown('## Zwischentitel\n\n- eins\n- zwei\n\n> Zitat\n\n*kursiv* **fett** ~~weg~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h2>Zwischentitel</h2>');
    expect(html).toContain('<li>eins</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<em>kursiv</em> <strong>fett</strong> <s>weg</s>');
    expect(html).toContain('<table>');
  });

  it('shows GFM task lists as boxes, only at the start of a list item', () => {
    expect(renderMarkdown('- [ ] offen\n- [x] erledigt\n- [X] auch\n- mitten [ ] drin')).toBe('<ul>\n<li>☐ offen</li>\n<li>☑ erledigt</li>\n<li>☑ auch</li>\n<li>mitten [ ] drin</li>\n</ul>\n');
    expect(renderMarkdown('[ ] kein Listenpunkt')).toBe('<p>[ ] kein Listenpunkt</p>\n');
  });

  it('uses German typographic quotes by default and English ones for "en"', () => {
    expect(renderMarkdown('"Hallo"')).toContain('„Hallo“');
    expect(renderMarkdown('"Hello"', 'en')).toContain('“Hello”');
  });

  it('keeps the headline the only h1 and never skips a level', () => {
    expect(renderMarkdown('# Eins\n\n### Drei\n\n###### Sechs')).toBe('<h2>Eins</h2>\n<h3>Drei</h3>\n<h3>Sechs</h3>\n');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', '&lt;iframe src='],
    ['an onerror attribute', '<img src=x onerror="alert(1)">', '&lt;img src=x onerror=„alert(1)“&gt;'],
    ['a javascript: link', '[klick](javascript:alert(1))', '[klick](javascript:alert(1))'],
    ['a JavaScript: link in mixed case', '[klick](JaVaScRiPt:alert(1))', '[klick](JaVaScRiPt:alert(1))'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['a vbscript: link', '[x](vbscript:msgbox)', '[x](vbscript:msgbox)'],
    ['an autolink to javascript:', '<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['Handlebars syntax', '{{constructor.constructor "alert(1)"}} {{{raw}}}', '{{constructor.constructor „alert(1)“}} {{{raw}}}'],
  ])('turns %s into harmless text', (_name, markdown, expected) => {
    const html = renderMarkdown(markdown);
    expect(html).toContain(expected);
    expect(html).not.toMatch(/<(script|iframe)|<[^>]*\son\w+=|href="(javascript|data|vbscript):/i);
  });

  it('keeps http(s), mailto and relative links (relative ones are flagged by the checks)', () => {
    const html = renderMarkdown('[a](https://example.com/) [b](mailto:redaktion@example.com) [c](/pfad)');
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('href="mailto:redaktion@example.com"');
    expect(html).toContain('href="/pfad"');
  });

  it('renders https images with a width and replaces other images by their description', () => {
    expect(renderMarkdown('![Ein Chip](https://example.com/chip.jpg)')).toContain(`<img src="https://example.com/chip.jpg" alt="Ein Chip" width="${CONTENT_WIDTH}"`);
    const insecure = renderMarkdown('![Ein Chip](http://example.com/chip.jpg) ![Daten](data:image/png;base64,AAAA)');
    expect(insecure).not.toContain('<img');
    expect(insecure).toContain('Ein Chip');
  });
});
