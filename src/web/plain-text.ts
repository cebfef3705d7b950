import { Parser } from 'htmlparser2';

/** Elements after which the text goes on as a new block: a space keeps their words apart. */
const BLOCKS = new Set(['p', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'br', 'hr', 'div']);

/**
 * An HTML fragment (Markdown rendered by `renderMarkdown`) → its text, entities
 * decoded, whitespace collapsed: what structured data and feeds carry where
 * markup does not belong (`Answer.text`, descriptions).
 */
export function plainText(fragment: string): string {
  let text = '';
  const parser = new Parser(
    {
      ontext(data) {
        text += data;
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) text += ' ';
      },
      onopentag(name, attributes) {
        if (name === 'br') text += ' ';
        // an image's description is its text (an answer made of one image still says something)
        if (name === 'img' && attributes.alt) text += ` ${attributes.alt} `;
      },
    },
    { decodeEntities: true },
  );
  parser.write(fragment);
  parser.end();
  return text.replace(/\s+/g, ' ').trim();
}
