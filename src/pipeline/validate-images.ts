import { ArticleError, type Problem } from '../errors.js';
import type { ParsedFrontmatter } from './parse-frontmatter.js';
import { markdownImages } from './render-markdown.js';
import type { Article } from './validate-article.js';

/**
 * Images in the article's Markdown (body, check box, FAQ answers) must be
 * `https:` and described, like `image` in the frontmatter: clients block
 * other addresses, and a reader with images off or a screen reader gets only
 * the description. All problems of the file at once, each with its line.
 */
export function validateImages(article: Article, parsed: Pick<ParsedFrontmatter, 'bodyLine' | 'locate'>): void {
  const problems: Problem[] = [];
  const inspect = (markdown: string, lineOf: (line: number) => number | undefined) => {
    for (const image of markdownImages(markdown)) {
      const line = lineOf(image.line);
      const shown = image.src.length > 60 ? `${image.src.slice(0, 59)}…` : image.src;
      if (!/^https:\/\/[^/]/i.test(image.src.trim())) {
        problems.push({ file: article.file, line, message: `the image "${shown}" is not an https:// address, so inboxes cannot load it: host it on https and write its full address, e.g. ![${image.alt || 'Beschreibung'}](https://example.com/bild.jpg)` });
      }
      if (image.alt.trim() === '') {
        problems.push({ file: article.file, line, message: `the image "${shown}" has no description, so readers with images off or a screen reader get nothing: say what it shows between the brackets, e.g. ![Serverschränke im Rechenzentrum](${shown})` });
      }
    }
  };
  inspect(article.body, (line) => parsed.bodyLine + line);
  if (article.check !== undefined) inspect(article.check, () => parsed.locate(['check']));
  article.faq?.forEach((entry, index) => inspect(entry.answer, () => parsed.locate(['faq', index, 'answer'])));
  const first = problems[0];
  if (first) throw new ArticleError(first.message, { file: article.file, line: first.line, problems });
}
