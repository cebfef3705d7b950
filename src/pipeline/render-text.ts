import { compile, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';
import type { Strings } from '../i18n/strings.js';
import type { NewsletterView } from './render-view.js';

export const TEXT_WIDTH = 78;
/** Space between the columns of a table laid out as a grid. */
const COLUMN_GAP = 3;

type TableCell = { text: string; colspan: number; rowspan: number };

/**
 * A table as a grid when it fits the text width, else one record per row
 * ("Spalte: Wert" lines), so that no line runs past the width.
 */
const formatTable: FormatCallback = (elem, walk, builder) => {
  builder.openTable();
  const visit = (node: typeof elem) => {
    if (node.type !== 'tag') return;
    if (node.name === 'tr') {
      builder.openTableRow();
      for (const cell of node.children as (typeof elem)[]) {
        if (cell.type !== 'tag' || (cell.name !== 'th' && cell.name !== 'td')) continue;
        builder.openTableCell({ maxColumnWidth: TEXT_WIDTH });
        walk(cell.children, builder);
        builder.closeTableCell();
      }
      builder.closeTableRow();
    } else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot') {
      (node.children as (typeof elem)[]).forEach(visit);
    }
  };
  (elem.children as (typeof elem)[]).forEach(visit);
  builder.closeTable({ tableToString: (rows: TableCell[][]) => renderTable(rows.map((row) => row.map((cell) => cell.text))), leadingLineBreaks: 2, trailingLineBreaks: 2 });
};

/** Rows of cell texts (the first row holds the headings) → plain text. */
export function renderTable(rows: readonly (readonly string[])[], width = TEXT_WIDTH): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => Math.max(0, ...rows.flatMap((row) => (row[column] ?? '').split('\n').map((line) => line.length))));
  if (widths.reduce((sum, value) => sum + value, 0) + COLUMN_GAP * (columns - 1) <= width) {
    return rows
      .map((row) => {
        const height = Math.max(1, ...row.map((cell) => cell.split('\n').length));
        return Array.from({ length: height }, (_, line) =>
          widths
            .map((columnWidth, column) => ((row[column] ?? '').split('\n')[line] ?? '').padEnd(columnWidth))
            .join(' '.repeat(COLUMN_GAP))
            .trimEnd(),
        ).join('\n');
      })
      .join('\n');
  }
  const [headings = [], ...records] = rows;
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  return records
    .map((row) =>
      row
        .map((cell, column) => {
          const heading = oneLine(headings[column] ?? '');
          return wrap(heading ? `${heading}: ${oneLine(cell)}` : oneLine(cell), width);
        })
        .join('\n'),
    )
    .join('\n\n');
}

const converters = new Map<string, (html: string) => string>();

/** html-to-text, set up once per image label (the locale's word for "image"). */
function converterFor(strings: Pick<Strings, 'imageLabel'>): (html: string) => string {
  let converter = converters.get(strings.imageLabel);
  if (converter) return converter;
  const options: HtmlToTextOptions = {
    wordwrap: TEXT_WIDTH,
    formatters: {
      image: (elem, _walk, builder) => {
        const { alt = '', src = '' } = (elem as { attribs?: Record<string, string> }).attribs ?? {};
        builder.addInline(`[${strings.imageLabel}: ${alt.trim()}]${src ? ` ${src}` : ''}`, { noWordTransform: true });
      },
      table: formatTable,
    },
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] } },
      { selector: 'img', format: 'image' },
      { selector: 'h2', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
      { selector: 'h3', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
      { selector: 'table', format: 'table' },
      { selector: 'ul', options: { itemPrefix: ' • ' } },
      // the marks carry meaning ("~~Tool~~ Gespräch"): keep them as Markdown writes them
      { selector: 's', format: 'inlineSurround', options: { prefix: '~~', suffix: '~~' } },
      { selector: 'del', format: 'inlineSurround', options: { prefix: '~~', suffix: '~~' } },
    ],
  };
  converter = compile(options);
  converters.set(strings.imageLabel, converter);
  return converter;
}

/**
 * The plain-text part: the same content in reading order, links written out
 * as URLs, images as `[Bild: <alt>] <url>`, wrapped at about 78 characters.
 * Built from the view, not from the email HTML, so layout tables never leak
 * into it.
 */
export function renderText(view: NewsletterView): string {
  const webVersion = view.webVersionUrl ? [`${view.strings.viewInBrowser}: ${view.webVersionUrl}`] : [];
  return joinTextBlocks([...webVersion, `${view.brandUpper} · ${view.category}`, ...articleTextBlocks(view), footerTextBlock(view)]);
}

/** An HTML fragment made by renderMarkdown → wrapped plain text. */
export function htmlToText(html: string, strings: Pick<Strings, 'imageLabel'>): string {
  return converterFor(strings)(html);
}

/** `text` underlined with `underline` (`=` for headlines, `-` for sections). */
export function textHeading(text: string, underline: string): string {
  return `${text}\n${underline.repeat(Math.min(text.length, TEXT_WIDTH))}`;
}

/** The article from its headline to its web link (no brand line, no footer): a newsletter's text, and a full story of an edition. */
export function articleTextBlocks(view: NewsletterView): string[] {
  const { strings } = view;
  const toText = converterFor(strings);
  const blocks: string[] = [];
  const image = (alt: string, src: string) => `[${strings.imageLabel}: ${alt}] ${src}`;

  blocks.push(textHeading(wrap(view.title), '='));
  blocks.push(wrap(view.teaser));
  blocks.push(`${view.author ? `${strings.byline} ${view.author} · ` : ''}${view.dateLabel}`);
  if (view.image) blocks.push(`${wrap(image(view.image.alt, view.image.src))}${view.image.caption ? `\n${wrap(view.image.caption)}` : ''}`);
  blocks.push(toText(view.bodyHtml));
  if (view.checkHtml !== null) blocks.push(`${textHeading(strings.checkHeading.toLocaleUpperCase(view.lang), '-')}\n\n${toText(view.checkHtml)}`);
  if (view.faq) {
    const entries = view.faq.map((entry) => `${wrap(entry.question)}\n${toText(entry.answerHtml)}`);
    blocks.push(`${textHeading(strings.faqHeading.toLocaleUpperCase(view.lang), '-')}\n\n${entries.join('\n\n')}`);
  }
  if (view.sources) {
    const names = view.sources.map((source) => `${strings.quoteOpen}${source.name}${strings.quoteClose}${source.url ? ` <${source.url}>` : ''}`);
    blocks.push(wrap(`${strings.sourcesLabel}: ${names.join(', ')}`));
  }
  if (view.webUrl) blocks.push(`${strings.readOnWeb}:\n${view.webUrl}`);
  return blocks;
}

/** The footer: brand and social links, why the reader gets this, how to unsubscribe, the imprint. */
export function footerTextBlock(view: Pick<NewsletterView, 'brand' | 'strings' | 'unsubscribeUrl' | 'footer'>): string {
  const { strings } = view;
  const social = view.footer.social ? `\n${view.footer.social.map((link) => `${link.name}: ${link.url}`).join('\n')}` : '';
  const footer = `--\n${view.brand}${social}\n\n${wrap(strings.footerReason)}\n${strings.unsubscribe}: ${view.unsubscribeUrl}`;
  return view.footer.imprintHtml ? `${footer}\n\n${converterFor(strings)(view.footer.imprintHtml).trimEnd()}` : footer;
}

/** Blocks separated by one blank line, ending in a newline. */
export function joinTextBlocks(blocks: readonly string[]): string {
  // Only blank lines around a block go: a leading list bullet or code indent is part of the text.
  return `${blocks.map((block) => block.replace(/^(?:[ \t]*\n)+/, '').trimEnd()).filter(Boolean).join('\n\n')}\n`;
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
