import { headingInArticle } from '../article-lines.js';
import { collapse, htmlOf } from '../html.js';
import type { OfflineRule } from '../types.js';

export const a11yHeadingOrder: OfflineRule<'a11y/heading-order'> = {
  id: 'a11y/heading-order',
  severity: 'warning',
  description: 'heading levels do not skip (an h3 needs an h2 before it), so the outline makes sense',
  check(input) {
    const $ = htmlOf(input);
    let previous = 0;
    return $('h1, h2, h3, h4, h5, h6')
      .get()
      .flatMap((element) => {
        const level = Number(element.name.slice(1));
        const skipped = previous > 0 && level > previous + 1;
        const before = previous;
        previous = level;
        if (!skipped) return [];
        const text = collapse($(element).text()).replace(/\u00ad/g, '');
        const written = headingInArticle(input, text);
        if (written) {
          // Named as the editor wrote it: the body's "#" and "##" become h2, "###" and deeper h3 (see render-markdown.ts).
          const after = before === 1 ? 'right after the headline' : 'right after a heading one level up';
          return [
            {
              line: written.line,
              message: `the subhead "${text}" is written with ${written.marks} and comes ${after}, so the outline skips a level: write it with ## (## ${text}), or add a ## subhead above it`,
            },
          ];
        }
        const markdown = '#'.repeat(level - 1);
        return [
          {
            message: `the heading "${text}" is an h${level} right after an h${before}, skipping a level: make it an h${before + 1} (${markdown} in Markdown) or add the missing heading above it`,
          },
        ];
      });
  },
};
