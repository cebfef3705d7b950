import { textOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const inboxPreheaderRepeat: OfflineRule<'inbox/preheader-repeat'> = {
  id: 'inbox/preheader-repeat',
  severity: 'warning',
  description: 'the preheader does not repeat the title, the teaser or the first body line',
  check({ article, view }) {
    if (article.preheader === undefined) return [];
    const preheader = normalize(article.preheader);
    const firstParagraph = /<p>([\s\S]*?)<\/p>/.exec(view.bodyHtml)?.[1] ?? '';
    const candidates: [string, string][] = [
      ['title', article.title],
      ['teaser', article.teaser],
      ['first line of the body', textOf(firstParagraph)],
    ];
    for (const [name, value] of candidates) {
      const other = normalize(value);
      if (other === '' || preheader === '') continue;
      if (other === preheader || (preheader.length >= 20 && other.startsWith(preheader)) || (other.length >= 20 && preheader.startsWith(other))) {
        return [{ message: `the preheader repeats the ${name}, so the inbox preview shows the same words twice: write a preheader that adds something the subject does not say` }];
      }
    }
    return [];
  },
};

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
