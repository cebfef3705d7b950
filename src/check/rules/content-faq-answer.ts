import { lineOfFaqEntry } from '../article-lines.js';
import { textOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const contentFaqAnswer: OfflineRule<'content/faq-answer'> = {
  id: 'content/faq-answer',
  severity: 'error',
  description: 'every FAQ entry has an answer with visible text',
  check(input) {
    return (input.view.faq ?? []).flatMap((entry, index) => {
      if (textOf(entry.answerHtml) !== '' || /<img\b/i.test(entry.answerHtml)) return [];
      const line = lineOfFaqEntry(input, index);
      // counted from 1, as editors count
      return [{ ...(line === undefined ? {} : { line }), message: `FAQ entry ${index + 1} ("${entry.question}") has an answer without visible text: write the answer or remove the entry` }];
    });
  },
};
