import { describe, expect, it } from 'vitest';
import { compileMjml } from '../../src/pipeline/compile-mjml.js';
import { preheaderFiller, PREVIEW_LENGTH } from '../../src/pipeline/render-view.js';

describe('the hidden preheader', () => {
  it('is hidden from Outlook for Windows too: mso-hide:all on the element MJML writes', async () => {
    const html = await compileMjml('<mjml><mj-head><mj-preview>Vorschau</mj-preview></mj-head><mj-body><mj-section><mj-column><mj-text>Hallo</mj-text></mj-column></mj-section></mj-body></mjml>');
    expect(html).toMatch(/<div style="display:none;[^"]*overflow:hidden;mso-hide:all;">Vorschau<\/div>/);
  });

  it.each([
    ['a short preheader', 'x'.repeat(40), PREVIEW_LENGTH - 40],
    ['umlauts count as one character', 'ä'.repeat(100), PREVIEW_LENGTH - 100],
    ['a preheader that fills the preview', 'x'.repeat(PREVIEW_LENGTH + 5), 0],
  ])('gets filler up to %s', (_name, preheader, groups) => {
    const filler = preheaderFiller(preheader);
    expect(filler).toBe('&#847;&zwnj;&nbsp;'.repeat(groups));
  });
});
