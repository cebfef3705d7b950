import { describe, expect, it } from 'vitest';
import { splitLayout } from '../../src/pipeline/split-layout.js';

const mjml = (body: string, head = '') => `<mjml><mj-head>${head}</mj-head><mj-body><mj-section><mj-column>${body}</mj-column></mj-section></mj-body></mjml>`;

describe('splitLayout: MJML cut at the contents that hold article text', () => {
  it('cuts at each content with a token; the parts and contents put together are the MJML again', () => {
    const source = mjml('<mj-text>@@E:title@@</mj-text><mj-image src="@@E:image.src@@" /><mj-button href="x">@@E:strings.readMore@@</mj-button>');
    const split = splitLayout(source);
    if (!split.ok) throw new Error(split.reason);
    expect(split.structure.tags).toEqual(['mj-text', 'mj-button']);
    expect(split.structure.parts).toHaveLength(3);
    expect(split.structure.parts.join('\u0000')).toBe(source.replace('@@E:title@@', '\u0000').replace('@@E:strings.readMore@@', '\u0000'));
    expect(split.structure.parts[1]).toContain('src="@@E:image.src@@"'); // a token in an attribute stays in the structure
  });

  it('keeps contents without a token in the structure', () => {
    const split = splitLayout(mjml('<mj-text>Immer gleich</mj-text>'));
    expect(split).toMatchObject({ ok: true, structure: { tags: [], parts: [mjml('<mj-text>Immer gleich</mj-text>')] } });
  });

  it('collects the inline CSS in order', () => {
    const split = splitLayout(mjml('<mj-text>@@E:title@@</mj-text>', '<mj-style inline="inline">.a { color: red; }</mj-style><mj-style>.b {}</mj-style><mj-style inline="inline">.c { margin: 0; }</mj-style>'));
    expect(split.ok && split.structure.inlineCss).toBe('.a { color: red; }.c { margin: 0; }');
  });

  it('gives equal structures one key and different ones another', () => {
    const key = (source: string) => {
      const split = splitLayout(source);
      return split.ok ? split.structure.key : split.reason;
    };
    expect(key(mjml('<mj-text>@@E:title@@</mj-text>'))).toBe(key(mjml('<mj-text>@@E:teaser@@</mj-text>').replace('teaser', 'title')));
    expect(key(mjml('<mj-text>@@E:title@@</mj-text>'))).not.toBe(key(mjml('<mj-text padding="0">@@E:title@@</mj-text>')));
  });

  it.each([
    ['article text in inline CSS', mjml('<mj-text>x</mj-text>', '<mj-style inline="inline">.a { color: @@E:category@@; }</mj-style>'), /article text inside <mj-style>|article text inside inline CSS/],
    ['a font that depends on the article', mjml('<mj-text>@@E:title@@</mj-text>', '<mj-font name="Inter" href="https://fonts.example.com/inter.css" />'), /mj-font, mj-html-attributes or mj-include/],
    ['article text in a social element', mjml('<mj-social><mj-social-element name="x">@@E:title@@</mj-social-element></mj-social>'), /article text inside <mj-social-element>/],
  ])('refuses %s, with the reason', (_name, source, reason) => {
    const split = splitLayout(source);
    expect(split.ok).toBe(false);
    expect(!split.ok && split.reason).toMatch(reason);
  });
});
