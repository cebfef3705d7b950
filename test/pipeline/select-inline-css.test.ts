import { describe, expect, it } from 'vitest';
import { loadJuice, mjmlJuiceOptions, type JuiceNode } from '../../src/pipeline/load-juice.js';
import { inlineCssSelector } from '../../src/pipeline/select-inline-css.js';

const juice = loadJuice();

const HTML = [
  '<div class="bp-text bp-body" id="main"><p>eins <a href="https://example.com/">link</a></p>',
  '<ul><li>a</li><li class="x y">b <code class="language-ts">c</code></li></ul>',
  '<blockquote><p>zitat</p><div><p class="y">tief</p></div></blockquote>',
  '<table><tr><th>k</th><td style="color: red; padding: 1px">v</td></tr></table>',
  '<h2 style="margin: 0;">titel</h2><img src="https://example.com/a.png" alt=""><br><hr></div>',
  '<section><p id="main">ohne bp-text</p><span class="y">s</span></section>',
].join('\n');

/** What css-select (through cheerio, as juice runs it) selects for each selector, as element positions. */
function cssSelect(selectors: string[]): Record<string, number[]> {
  const result: Record<string, number[]> = {};
  juice.parse(HTML, {}, ($) => {
    const query = $ as unknown as ((selector: string) => { get(): JuiceNode[] }) & { root(): { get(index: number): JuiceNode | undefined } };
    const all = elements(query.root().get(0));
    for (const selector of selectors) result[selector] = query(selector).get().map((element) => all.indexOf(element));
  });
  return result;
}

function elements(root: JuiceNode | undefined): JuiceNode[] {
  const found: JuiceNode[] = [];
  const visit = (node: JuiceNode) => {
    for (const child of node.children ?? []) {
      if (child.type === 'tag') found.push(child);
      visit(child);
    }
  };
  if (root) visit(root);
  return found;
}

describe('inlineCssSelector', () => {
  const selectors = ['p', '*', '.y', '.x.y', '#main', 'div p', 'div > p', '.bp-text > p', '.bp-text p', 'blockquote p', 'blockquote > p', 'ul li', 'li.x#nope', 'p.y', 'li code', '.bp-text th', '.bp-text td', 'a', 'section > *', 'div  >  ul > li'];

  it('selects what css-select selects, in document order', () => {
    const css = selectors.map((selector) => `${selector} { color: #111; }`).join('\n');
    const select = inlineCssSelector(css, juice);
    expect(select).not.toBeNull();
    let ours: Record<string, number[]> = {};
    juice.parse(HTML, {}, ($) => {
      const root = $.root().get(0);
      if (!root || !select) return;
      const all = elements(root);
      ours = Object.fromEntries([...select(root)].map(([selector, found]) => [selector, found.map((element) => all.indexOf(element))]));
    });
    expect(ours).toEqual(cssSelect(selectors));
    expect(ours['.x.y']?.length).toBe(1);
  });

  it.each(['li + li', 'a[href]', 'p:first-child', 'li ~ li', 'P', 'x-probe', '> p', 'p >', '#a#b'])('leaves %s to juice', (selector) => {
    expect(inlineCssSelector(`${selector} { color: #111; }`, juice)).toBeNull();
  });

  it('skips the rules juice skips (:hover and friends)', () => {
    const select = inlineCssSelector('a:hover { color: red; } p { margin: 0; }', juice);
    let keys: string[] = [];
    juice.parse('<p>x</p>', {}, ($) => {
      const root = $.root().get(0);
      if (root && select) keys = [...select(root).keys()];
    });
    expect(keys).toEqual(['p']);
  });
});

describe('juice.inlineSelected', () => {
  it.each([
    ['the shipped rules', 'p { margin: 0 0 18px 0; } a { color: #c2185b; text-decoration: underline; } .bp-text td { padding: 6px; border-bottom: 1px solid #eee; }'],
    ['specificity, !important and repeated properties', 'p { color: red !important; margin: 1px; } #main p { color: blue; margin: 2px; margin: 3px; } .y { color: green; } p.y { padding: 0; padding-top: 2px; }'],
    ['sizes and table attributes', 'table { width: 100%; background-color: #fff; } td { width: 50px; height: auto; text-align: left; vertical-align: top; } img { width: 200px; height: 100px; }'],
    ['quotes and style attributes', 'h2 { font-family: "Helvetica Neue", Arial; margin: 4px; } td { color: #000; }'],
  ])('gives juice’s output: %s', (_name, css) => {
    const options = mjmlJuiceOptions(css);
    const select = inlineCssSelector(css, juice);
    expect(select).not.toBeNull();
    if (!select) return;
    expect(juice.inlineSelected(HTML, options, select)).toBe(juice.inline(HTML, options));
    expect(juice.inlineSelected(HTML, options, select)).not.toBe(HTML);
  });
});
