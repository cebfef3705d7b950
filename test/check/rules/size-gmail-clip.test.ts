import { describe, expect, it } from 'vitest';
import { GMAIL_CLIP_BYTES, GMAIL_CLIP_RISK_SHARE } from '../../../src/check/measure-sections.js';
import { sizeGmailClipRisk } from '../../../src/check/rules/size-gmail-clip-risk.js';
import { sizeGmailClip } from '../../../src/check/rules/size-gmail-clip.js';
import type { CheckInput } from '../../../src/check/types.js';
import { resolveConfig } from '../../../src/config/config.js';
import type { NewsletterView } from '../../../src/pipeline/render-view.js';
import type { Article } from '../../../src/pipeline/validate-article.js';

/** An email of exactly `bytes` bytes of UTF-8, most of them in two-byte characters (Gmail counts bytes, not characters). */
function inputOfBytes(bytes: number): CheckInput {
  const open = '<!doctype html><html><body><div class="bp-body">';
  const close = '</div></body></html>';
  const room = bytes - Buffer.byteLength(open + close);
  const html = `${open}${'ä'.repeat(Math.floor(room / 2))}${'x'.repeat(room % 2)}${close}`;
  expect(Buffer.byteLength(html)).toBe(bytes);
  return {
    html,
    text: '',
    file: 'articles/a.md',
    config: resolveConfig({}, '/p'),
    article: { slug: 'a' } as Article,
    view: { bodyHtml: '' } as NewsletterView,
  };
}

describe('size/gmail-clip at the limit Gmail clips at', () => {
  it.each([
    [GMAIL_CLIP_BYTES - 1, 0],
    [102_400, 0],
    [102_401, 1],
    [GMAIL_CLIP_BYTES + 1_000, 1],
  ])('%d bytes: %d findings', (bytes, count) => {
    const findings = sizeGmailClip.check(inputOfBytes(bytes));
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0]?.message).toMatch(/over Gmail's clipping limit/);
  });

  it('the limit is Gmail\'s 102,400 bytes', () => {
    expect(GMAIL_CLIP_BYTES).toBe(102_400);
  });
});

describe('size/gmail-clip-risk below the limit', () => {
  const riskFrom = Math.floor(GMAIL_CLIP_BYTES * GMAIL_CLIP_RISK_SHARE);
  it.each([
    [riskFrom - 100, 0],
    [riskFrom, 0],
    [riskFrom + 1, 1],
    [GMAIL_CLIP_BYTES, 1],
    [GMAIL_CLIP_BYTES + 1, 0], // over the limit it is size/gmail-clip's error, not a warning as well
  ])('%d bytes: %d findings', (bytes, count) => {
    expect(sizeGmailClipRisk.check(inputOfBytes(bytes))).toHaveLength(count);
  });
});
