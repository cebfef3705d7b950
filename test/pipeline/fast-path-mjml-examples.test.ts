import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { renderNewsletter } from '../../src/pipeline/build-article.js';
import { compileTemplates } from '../../src/pipeline/compile-templates.js';
import { createFastPath } from '../../src/pipeline/fast-path.js';
import { emptySkeletonStore } from '../../src/pipeline/skeleton-store.js';
import { fixtureArticles, readCorpusArticle, sampleArticles, shapeArticles, type CorpusArticle } from '../helpers/fast-path-corpus.js';
import { article, REPO_ROOT } from '../helpers/project.js';

/**
 * The fast path with other layouts than the shipped one: layouts modelled on
 * the MJML team's example templates (test/fixtures/mjml-examples/README.md),
 * each with this project's slots. For every article, the fast path must give
 * the bytes of the full MJML path, or decline and say why.
 */
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/mjml-examples');

/** Values that MJML changes in some places: spaces, `$&`, `$$`, entities, non-ASCII, non-breaking spaces. */
function valueArticles(): CorpusArticle[] {
  const entry = (name: string, source: string): CorpusArticle => ({ name: `${name}.md`, source, expect: 'fast' });
  const image = (src: string) => `image:\n  src: "${src}"\n  alt: Ein Bild\n  caption: Eine Unterschrift`;
  return [
    entry('category-one-word', article().replace('category: Tech & Trends', 'category: Technik')),
    entry('category-spaces', article('url: https://example.com/artikel')),
    entry('url-dollar-ampersand', article('url: "https://example.com/a?x=$&y=1"\ncheck: Ein Urteil.')),
    entry('url-double-dollar', article(`url: "https://example.com/a?x=$$y"\n${image('https://example.com/a.jpg')}`)),
    // validation refuses spaces in URLs; the guard must hold all the same
    { ...entry('image-two-spaces', article(image('https://example.com/a.jpg'))), beyondValidation: (parsed) => ({ ...parsed, image: parsed.image ? { ...parsed.image, src: 'https://example.com/a  b.jpg' } : parsed.image }) },
    entry('image-dollar', article(`${image('https://example.com/a$&b.jpg')}\nurl: https://example.com/b`)),
    entry('title-mixed', article('author: "Mira\\u00a0Schäfer"').replace('title: Testartikel', 'title: "Zwei  Leerzeichen $& $$ „Zitat“ <b> & \'x\'"')),
    entry('author-spaces', article('author: Mira  Schäfer\ncheck: Ein Urteil.').replace('category: Tech & Trends', 'category: Technik')),
    entry('teaser-runs', article('preheader: "Vorschau   mit  Läufen $&"').replace('teaser: Ein kurzer Teaser.', 'teaser: "Ein  Teaser\\tmit Tab und $$ und &amp;"')),
  ];
}

const corpus = [...sampleArticles(), ...fixtureArticles(), ...shapeArticles().filter((_, index) => index % 6 === 0), ...valueArticles()];

interface Layout {
  /** Shown in the test name. */
  name: string;
  file: string;
  /** Whether at least a quarter of the corpus takes the fast path (else none may). */
  fast: boolean;
  /** The path named articles must take: `fast`, or `full: ` and the reason. */
  declines?: Record<string, RegExp>;
  /** A change to the fixture. */
  edit?: [string, string];
}

/** mj-navbar's hamburger gets a new random id in every compile: two full-path compiles differ in it and nothing else. */
const RANDOM_ID = /\b[0-9a-f]{16}\b/g;

const LAYOUTS: Layout[] = [
  { name: 'austin', file: 'austin.mjml.hbs', fast: true, declines: { 'url-dollar-ampersand.md': /href of <mj-button> or href of <mj-social-element> as written when it contains a \$/ } },
  { name: 'newsletter', file: 'newsletter.mjml.hbs', fast: true },
  { name: 'ticketshop', file: 'ticketshop.mjml.hbs', fast: true, declines: { 'image-two-spaces.md': /background-url of <mj-section> as written when it contains two white-space/ } },
  { name: 'worldly', file: 'worldly.mjml.hbs', fast: true, declines: { 'image-two-spaces.md': /background-url of <mj-section> as written when it contains two white-space/ } },
  { name: 'worldly with a hamburger menu', file: 'worldly.mjml.hbs', edit: ['<mj-navbar{{', '<mj-navbar hamburger="hamburger"{{'], fast: false, declines: { 'fixture-minimal.md': /different HTML for this layout on every compile/ } },
  { name: 'sphero-mini', file: 'sphero-mini.mjml.hbs', fast: true, declines: { 'image-two-spaces.md': /background-url of <mj-section> as written when it contains two white-space/ } },
  {
    name: 'tech-geek',
    file: 'tech-geek.mjml.hbs',
    fast: true,
    declines: {
      'category-spaces.md': /\{\{category\}\} in css-class of <mj-section> as written when it contains a space/,
      // mj-text copies its css-class as written, spaces and all
      'author-spaces.md': /^fast$/,
    },
  },
  { name: 'recast', file: 'recast.mjml.hbs', fast: true },
  { name: 'card', file: 'card.mjml.hbs', fast: false, declines: { 'fixture-minimal.md': /mj-font/ } },
];

describe('fast path on layouts modelled on the MJML example templates', () => {
  it.each(LAYOUTS)('$name: the full path’s bytes, or declined with a reason', async ({ file, fast, declines = {}, edit }) => {
    const fixture = readFileSync(path.join(FIXTURES, file), 'utf8');
    if (edit && !fixture.includes(edit[0])) throw new Error(`${file} has no "${edit[0]}"`);
    const source = edit ? fixture.replace(edit[0], edit[1]) : fixture;
    const templates = compileTemplates({ layout: { file: `templates/${file}`, source }, partials: {} });
    const random = source.includes('hamburger');
    const config = resolveConfig({}, REPO_ROOT);
    const fastPath = createFastPath(templates, config, emptySkeletonStore());
    const differences: string[] = [];
    const paths = new Map<string, string>();
    for (const entry of corpus) {
      const parsed = readCorpusArticle(entry);
      const full = await renderNewsletter(parsed, config, templates);
      const rendered = await fastPath.render(parsed);
      const html = random ? rendered.html.replace(RANDOM_ID, 'random') : rendered.html;
      if (html !== (random ? full.html.replace(RANDOM_ID, 'random') : full.html) || rendered.text !== full.text || rendered.mjml !== full.mjml) differences.push(`${entry.name}: differs (${rendered.renderPath} path)`);
      if (rendered.renderPath === 'full' && !rendered.fallbackReason) differences.push(`${entry.name}: full path without a reason`);
      if (random && full.html === (await renderNewsletter(parsed, config, templates)).html) differences.push(`${entry.name}: the same random id twice`);
      paths.set(entry.name, rendered.renderPath === 'fast' ? 'fast' : `full: ${rendered.fallbackReason ?? ''}`);
    }
    expect(differences).toEqual([]);
    const fastCount = [...paths.values()].filter((taken) => taken === 'fast').length;
    if (fast) expect(fastCount, 'articles filled into the compiled layout').toBeGreaterThan(corpus.length / 4);
    else expect(fastCount).toBe(0);
    for (const [name, reason] of Object.entries(declines)) expect(paths.get(name), name).toMatch(reason);
  });
});
