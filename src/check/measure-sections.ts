import { formatKB } from '../format-bytes.js';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { indexedHtmlOf } from './html.js';
import type { CheckInput } from './types.js';

export interface SectionWeight {
  name: 'body' | 'FAQ' | 'check box' | 'template';
  bytes: number;
}

/** Gmail clips a message whose HTML exceeds this many bytes ("[Message clipped] View entire message"). */
export const GMAIL_CLIP_BYTES = 102_400;
/** Above this share of the limit the build warns, leaving room for what an ESP adds (tracking links, footer). */
export const GMAIL_CLIP_RISK_SHARE = 0.9;

/**
 * UTF-8 size of the HTML and of its sections, heaviest first. Sections are
 * found by the templates' CSS classes (`bp-body`, `bp-faq`, `bp-check`); a
 * template without them has its content measured from the view instead.
 * "template" is everything else: layout tables, styles, header and footer.
 */
export function measureSections(input: CheckInput): { total: number; sections: SectionWeight[] } {
  const total = Buffer.byteLength(input.html);
  const $ = indexedHtmlOf(input);
  const measure = (className: string, fallback: string): number => {
    const elements = $(`.${className}`).get().filter(isTag);
    if (elements.length === 0) return Buffer.byteLength(fallback);
    return outermost(elements).reduce((sum, element) => sum + Buffer.byteLength(input.html.slice(element.startIndex ?? 0, (element.endIndex ?? -1) + 1)), 0);
  };
  const { view } = input;
  const body = measure('bp-body', view.bodyHtml);
  const faq = measure('bp-faq', (view.faq ?? []).map((entry) => entry.question + entry.answerHtml).join(''));
  const check = measure('bp-check', view.checkHtml ?? '');
  const sections: SectionWeight[] = [
    { name: 'body', bytes: body },
    { name: 'FAQ', bytes: faq },
    { name: 'check box', bytes: check },
    { name: 'template', bytes: Math.max(0, total - body - faq - check) },
  ];
  return { total, sections: sections.filter((section) => section.bytes > 0).sort((a, b) => b.bytes - a.bytes) };
}

/** "102.9 KB" with the exact byte count alongside, as Gmail counts bytes. */
export function formatBytes(bytes: number): string {
  return `${formatKB(bytes)} (${bytes.toLocaleString('en-US')} bytes)`;
}

export function formatSections(sections: readonly SectionWeight[]): string {
  return sections.map((section) => `${section.name} ${(section.bytes / 1024).toFixed(1)} KB`).join(', ');
}

function outermost(elements: Element[]): Element[] {
  const set = new Set<AnyNode>(elements);
  return elements.filter((element) => {
    for (let parent = element.parent; parent; parent = parent.parent) if (set.has(parent)) return false;
    return true;
  });
}
