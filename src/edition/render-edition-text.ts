import { articleTextBlocks, footerTextBlock, htmlToText, joinTextBlocks, textHeading, wrap } from '../pipeline/render-text.js';
import type { EditionView } from './edition-view.js';

/**
 * Stage: the edition's plain-text part, with the email's structure: the
 * web-version address (when there is one), brand
 * line with the date, the subject, the intro, "Die Themen heute" (numbered
 * titles), each full story as a newsletter's text shows it, each teaser as
 * kicker, headline, teaser and its "Weiterlesen" address, the footer once.
 * Made from the unhyphenated view.
 */
export function renderEditionText(view: EditionView): string {
  const { strings } = view;
  const rule = '-'.repeat(Math.min(40, 78));
  const webVersion = view.webVersionUrl ? [`${strings.viewInBrowser}: ${view.webVersionUrl}`] : [];
  const blocks: string[] = [...webVersion, `${view.brandUpper} · ${strings.newsletterLabel} · ${view.dateLabel}`, textHeading(wrap(view.title), '=')];
  if (view.introHtml !== null) blocks.push(htmlToText(view.introHtml, strings));
  const contents = view.contents.map((entry) => wrap(`${entry.number}  ${entry.title}`).replace(/\n/g, '\n    '));
  blocks.push(`${textHeading(strings.contentsHeading.toLocaleUpperCase(view.lang), '-')}\n\n${contents.join('\n')}`);
  for (const story of view.stories) {
    blocks.push(rule);
    const kicker = `${story.editionStory.number} · ${story.category.toLocaleUpperCase(view.lang)}`;
    if (story.editionStory.full) {
      blocks.push(kicker, ...articleTextBlocks(story));
      continue;
    }
    blocks.push(kicker, textHeading(wrap(story.title), '='), wrap(story.teaser));
    if (story.image) blocks.push(wrap(`[${strings.imageLabel}: ${story.image.alt}] ${story.image.src}`));
    blocks.push(`${strings.readMore}:\n${story.webUrl ?? ''}`);
  }
  blocks.push(footerTextBlock(view));
  return joinTextBlocks(blocks);
}
