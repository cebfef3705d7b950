import { textOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const contentFaqAnswer: OfflineRule<'content/faq-answer'> = {
  id: 'content/faq-answer',
  severity: 'error',
  description: 'every FAQ entry has an answer with visible text',
  check({ view }) {
    return (view.faq ?? []).flatMap((entry, index) =>
      textOf(entry.answerHtml) === '' && !/<img\b/i.test(entry.answerHtml)
        ? [{ message: `faq[${index}] ("${entry.question}") has an answer without visible text: write the answer or remove the entry` }]
        : [],
    );
  },
};
