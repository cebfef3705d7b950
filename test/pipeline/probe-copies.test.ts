import { describe, expect, it } from 'vitest';
import { compileMjml } from '../../src/pipeline/compile-mjml.js';
import { probeCopies, uncopyableValue, type ProbeMemo } from '../../src/pipeline/probe-copies.js';
import { bodyBlocks } from '../../src/pipeline/split-layout.js';

const head = '<mjml><mj-head><mj-title>@@C:0@@</mj-title></mj-head><mj-body width="600px">';
const section = (attributes: string, text: string) => `<mj-section${attributes}><mj-column><mj-text>${text}</mj-text></mj-column></mj-section>`;
const share = '<mj-section><mj-column><mj-social><mj-social-element name="facebook" href="@@E:webUrl@@">Teilen</mj-social-element></mj-social></mj-column></mj-section>';

/** Compile and probe one layout, counting MJML compiles. */
async function probe(mjml: string, memo: ProbeMemo) {
  let compiles = 0;
  const compile = (text: string) => {
    compiles += 1;
    return compileMjml(text);
  };
  const compiled = await compileMjml(mjml);
  const result = await probeCopies(mjml, compiled, compile, memo);
  if (!result.ok) throw new Error(result.reason);
  return { copies: result.copies, compiles };
}

describe('probeCopies', () => {
  it('finds what MJML changes per slot, and nothing where it copies', async () => {
    const mjml = `${head}${section(' css-class="cat-@@E:category@@"', '@@C:1@@')}${share}</mj-body></mjml>`;
    const { copies } = await probe(mjml, {});
    expect(Object.keys(copies).sort()).toEqual(['@@E:category@@', '@@E:webUrl@@']);
    expect(copies['@@E:category@@']).toMatchObject({ slot: '{{category}} in css-class of <mj-section>', features: expect.arrayContaining(['space']) });
    expect(copies['@@E:webUrl@@']?.features).toEqual(['dollar']);
    const values = new Map([
      ['category', 'Technik'],
      ['webUrl', 'https://example.com/a?x=1'],
    ]);
    expect(uncopyableValue(copies, values, ['Text', 'Titel'])).toBeUndefined();
    expect(uncopyableValue(copies, new Map([...values, ['category', 'Tech & Trends']]), [])).toBe(
      'MJML does not copy {{category}} in css-class of <mj-section> as written when it contains a space',
    );
    expect(uncopyableValue(copies, new Map([...values, ['webUrl', 'https://example.com/?a=$&b']]), [])).toMatch(/when it contains a \$/);
  });

  it('probes a layout made of known blocks without compiling it again, and a new block with one compile', async () => {
    const memo: ProbeMemo = {};
    const first = await probe(`${head}${section(' css-class="cat-@@E:category@@"', '@@C:1@@')}${share}</mj-body></mjml>`, memo);
    expect(first.compiles).toBeGreaterThan(1); // the probe, then one kind of character at a time
    // the same blocks in another order, with other content numbers: nothing to compile
    const known = await probe(`${head}${share}${section(' css-class="cat-@@E:category@@"', '@@C:1@@')}</mj-body></mjml>`, memo);
    expect(known.compiles).toBe(0);
    expect(known.copies).toEqual(first.copies);
    // a new block: one probe compile, which finds it copies its values as written
    const image = '<mj-section><mj-column><mj-image src="@@E:image.src@@" alt="@@E:image.alt@@" /></mj-column></mj-section>';
    const fresh = await probe(`${head}${image}${share}</mj-body></mjml>`, memo);
    expect(fresh.compiles).toBeGreaterThan(0);
    expect(Object.keys(fresh.copies)).toEqual(['@@E:webUrl@@']);
  });
});

describe('bodyBlocks', () => {
  it('finds the children of mj-body, reading ending tags as text', () => {
    const blocks = [section('', '<p>a <mj-x> b</p>'), '<mj-raw><!-- x --></mj-raw>', '<mj-wrapper><mj-section><mj-column><mj-image src="x" /></mj-column></mj-section></mj-wrapper>'];
    const mjml = `${head}\n  ${blocks.join('\n  ')}\n</mj-body></mjml>`;
    expect(bodyBlocks(mjml)?.map(({ start, end }) => mjml.slice(start, end))).toEqual(blocks);
    expect(bodyBlocks(`${head}</mj-body></mjml>`)).toEqual([]);
  });
});
