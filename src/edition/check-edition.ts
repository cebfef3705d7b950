import { formatBytes, GMAIL_CLIP_BYTES } from '../check/measure-sections.js';
import type { runChecks as RunChecks } from '../check/run-checks.js';
import type { CheckFinding, CheckInput } from '../check/types.js';
import type { ResolvedConfig } from '../config/config.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';
import { renderView } from '../pipeline/render-view.js';
import type { Article } from '../pipeline/validate-article.js';
import type { StoryShare } from './edition-cache.js';
import type { EditionView } from './edition-view.js';
import type { Edition } from './parse-edition.js';

/**
 * The input the check rules get for an edition: its HTML and text, and an
 * article made of the edition's own fields (subject as title, intro as body,
 * its preheader), so the inbox, link, image, accessibility, client and size
 * rules judge the edition as they judge an article.
 */
export function editionCheckInput(edition: Edition, rendered: { html: string; text: string }, config: ResolvedConfig, templates: TemplateSources): CheckInput {
  const article: Article = {
    title: edition.subject,
    category: '',
    date: edition.date,
    teaser: '',
    ...(edition.preheader === undefined ? {} : { preheader: edition.preheader }),
    slug: edition.slug,
    draft: edition.draft,
    sources: [],
    body: edition.intro,
    // findings about a place in the intro name the edition file without a line
    bodyLine: 1,
    source: '',
    file: edition.file,
  };
  return { article, view: renderView(article, config), html: rendered.html, text: rendered.text, config, file: edition.file, templates };
}

/**
 * The rules over one edition. The `content/*` rules (check box, FAQ, sources)
 * are about one article and are left to the stories' own builds. A Gmail
 * clipping error lists each story's share of the bytes, so the editor knows
 * which full story to turn into a teaser.
 */
export function checkEdition(input: CheckInput, shares: readonly StoryShare[], runChecks: typeof RunChecks): CheckFinding[] {
  return runChecks(input)
    .filter((finding) => !finding.rule.startsWith('content/'))
    .map((finding) => (finding.rule === 'size/gmail-clip' ? { ...finding, message: clipMessage(Buffer.byteLength(input.html), shares) } : finding));
}

function clipMessage(total: number, shares: readonly StoryShare[]): string {
  const stories = [...shares].sort((a, b) => b.htmlBytes - a.htmlBytes);
  const rest = Math.max(0, total - shares.reduce((sum, story) => sum + story.htmlBytes, 0));
  const parts = [...stories.map((story) => `"${story.slug}" (${story.presentation}) ${kb(story.htmlBytes)}`), `header, contents and footer ${kb(rest)}`];
  const largestFull = stories.find((story) => story.presentation === 'full');
  const fix = largestFull ? `show "${largestFull.slug}" as a teaser ({article: ${largestFull.slug}, as: teaser}) or move a story to another edition` : 'move a story to another edition';
  return `the HTML is ${formatBytes(total)}, over Gmail's clipping limit of ${formatBytes(GMAIL_CLIP_BYTES)}; by story: ${parts.join(', ')}: ${fix}`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Each story's share of the HTML: from its anchor (`name="story-<slug>"`) to
 * the next story's, the last one up to the footer. The few bytes of layout
 * table around an anchor count for the story before it.
 */
export function measureStories(html: string, view: Pick<EditionView, 'stories'>): StoryShare[] {
  const starts = view.stories.map((story) => html.indexOf(`name="${story.editionStory.anchor}"`));
  const footer = html.lastIndexOf('bp-brand');
  return view.stories.map((story, index) => {
    const start = starts[index] ?? -1;
    const next = starts.slice(index + 1).find((offset) => offset > start);
    const end = next ?? (footer > start ? footer : html.length);
    const bytes = start < 0 ? 0 : Buffer.byteLength(html.slice(start, end));
    return { file: '', slug: story.slug, presentation: story.editionStory.full ? 'full' : 'teaser', title: story.title, htmlBytes: bytes };
  });
}
