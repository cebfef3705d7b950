import { compile, type HtmlToTextOptions } from 'html-to-text';
import type { NewsletterView } from './render-view.js';

export const TEXT_WIDTH = 78;

const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: TEXT_WIDTH,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] } },
    { selector: 'img', format: 'skip' },
    { selector: 'h2', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    { selector: 'h3', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'ul', options: { itemPrefix: ' • ' } },
  ],
};
const toText = compile(HTML_TO_TEXT);

/**
 * The plain-text part: the same content in reading order, links written out
 * as URLs, wrapped at about 78 characters. Built from the view, not from the
 * email HTML, so layout tables never leak into it.
 */
export function renderText(view: NewsletterView): string {
  const { strings } = view;
  const blocks: string[] = [];
  const heading = (text: string, underline: string) => `${text}\n${underline.repeat(Math.min(text.length, TEXT_WIDTH))}`;

  blocks.push(`${view.brandUpper} · ${view.category}`);
  blocks.push(heading(wrap(view.title), '='));
  blocks.push(wrap(view.teaser));
  blocks.push(`${view.author ? `${strings.byline} ${view.author} · ` : ''}${view.dateLabel}`);
  if (view.image?.caption) blocks.push(wrap(`[${view.image.caption}]`));
  blocks.push(toText(view.bodyHtml));
  if (view.checkHtml !== null) blocks.push(`${heading(strings.checkHeading.toLocaleUpperCase(view.lang), '-')}\n\n${toText(view.checkHtml)}`);
  if (view.faq) {
    const entries = view.faq.map((entry) => `${wrap(entry.question)}\n${toText(entry.answerHtml)}`);
    blocks.push(`${heading(strings.faqHeading.toLocaleUpperCase(view.lang), '-')}\n\n${entries.join('\n\n')}`);
  }
  if (view.sources) {
    const names = view.sources.map((source) => `${strings.quoteOpen}${source.name}${strings.quoteClose}${source.url ? ` <${source.url}>` : ''}`);
    blocks.push(wrap(`${strings.sourcesLabel}: ${names.join(', ')}`));
  }
  if (view.webUrl) blocks.push(`${strings.readOnWeb}:\n${view.webUrl}`);
  blocks.push(`--\n${view.brand}\n${wrap(strings.footerReason)}\n${strings.unsubscribe}: ${view.unsubscribeUrl}`);
  return `${blocks.map((block) => block.trim()).filter(Boolean).join('\n\n')}\n`;
}

/** Greedy word wrap; words longer than the width (URLs) stay whole. */
export function wrap(text: string, width = TEXT_WIDTH): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}
