import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ResolvedConfig, type UserConfig } from '../../src/config/config.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import { readArticle, renderNewsletter } from '../../src/pipeline/build-article.js';
import { compileTemplates, type CompiledTemplates, type TemplateSources } from '../../src/pipeline/compile-templates.js';
import { createFastPath, type FastPath } from '../../src/pipeline/fast-path.js';
import { emptySkeletonStore, type SkeletonStore } from '../../src/pipeline/skeleton-store.js';
import { MJML_ENDING_TAGS } from '../../src/pipeline/split-layout.js';
import { constructArticles, fixtureArticles, normaliseDom, readCorpusArticle, sampleArticles, shapeArticles, type CorpusArticle } from '../helpers/fast-path-corpus.js';
import type { Article } from '../../src/pipeline/validate-article.js';
import { article, REPO_ROOT, SAMPLE_ARTICLES } from '../helpers/project.js';

let sources: TemplateSources;
beforeAll(async () => {
  sources = await loadTemplateSources(path.join(REPO_ROOT, 'templates'), REPO_ROOT);
});

interface Pair {
  fast: Awaited<ReturnType<FastPath['render']>>;
  fullHtml: string;
}

/** Render one article on both paths with the same templates and config. */
async function renderBoth(entry: CorpusArticle, templates: CompiledTemplates, config: ResolvedConfig, fastPath: FastPath): Promise<Pair> {
  const article = readCorpusArticle(entry);
  const full = await renderNewsletter(article, config, templates);
  const fast = await fastPath.render(article);
  expect(fast.text).toBe(full.text);
  expect(fast.mjml).toBe(full.mjml);
  return { fast, fullHtml: full.html };
}

/** Check a corpus on one config: every article equal on both paths, each on the path it is expected to take. */
async function checkCorpus(corpus: CorpusArticle[], user: UserConfig = {}, templateSources: TemplateSources = sources): Promise<SkeletonStore> {
  const config = resolveConfig(user, REPO_ROOT);
  const templates = compileTemplates(templateSources);
  const store = emptySkeletonStore();
  const fastPath = createFastPath(templates, config, store);
  const mismatches: string[] = [];
  for (const entry of corpus) {
    const { fast, fullHtml } = await renderBoth(entry, templates, config, fastPath);
    if (normaliseDom(fast.html) !== normaliseDom(fullHtml)) mismatches.push(`${entry.name}: DOM differs (${fast.renderPath} path)`);
    else if (fast.html !== fullHtml) mismatches.push(`${entry.name}: same DOM, different bytes`);
    if (fast.renderPath !== entry.expect) mismatches.push(`${entry.name}: took the ${fast.renderPath} path (${fast.fallbackReason ?? 'no reason'}), expected ${entry.expect}`);
    if (fast.renderPath === 'full') expect(fast.fallbackReason, entry.name).toBeTruthy();
  }
  expect(mismatches).toEqual([]);
  return store;
}

describe('fast path: output identical to the full MJML path', () => {
  it('on the sample articles, byte for byte', async () => {
    await checkCorpus(sampleArticles());
  });

  it('on the articles the other tests use, including the hostile one', async () => {
    await checkCorpus(fixtureArticles());
  });

  it('on one article per combination of optional blocks, compiling each layout structure once', async () => {
    const corpus = shapeArticles();
    const store = await checkCorpus(corpus);
    // Articles that differ only in text (author, source count, FAQ entry count) share a layout: fewer
    // layouts than articles, and more than one (the optional blocks change the structure).
    const layouts = Object.keys(store.skeletons).length;
    expect(layouts).toBeGreaterThan(1);
    expect(layouts).toBeLessThan(corpus.length);
    expect(Object.values(store.skeletons).every((skeleton) => !('unusable' in skeleton))).toBe(true);
  }, 120_000); // every layout compiled twice (with placeholders, with probe values), and every article once with MJML

  it('on every Markdown construct, in the body, the check box and an FAQ answer', async () => {
    await checkCorpus(constructArticles());
  });

  it('with another locale, brand, colours and a web base URL', async () => {
    const user: UserConfig = {
      brand: 'Punk & <Co> "Mag"',
      locale: 'en',
      webBaseUrl: 'https://example.com/news',
      unsubscribeUrl: 'https://example.com/abmelden?liste=1&x=2',
      colors: { accent: '#0055aa', checkBackground: '#ccffcc', paper: '#fafafa' },
    };
    await checkCorpus([...sampleArticles(), ...shapeArticles().filter((_, index) => index % 9 === 0), ...constructArticles().slice(0, 6)], user);
  });
});

describe('fast path: declines what it cannot make identical', () => {
  it('inline CSS that looks at siblings: every article falls back to MJML, with the reason', async () => {
    const styles = sources.partials.styles;
    if (!styles) throw new Error('styles partial missing');
    const changed: TemplateSources = {
      ...sources,
      partials: { ...sources.partials, styles: { ...styles, source: styles.source.replace('li { margin: 0 0 8px 0; }', 'li { margin: 0 0 8px 0; }\n  li + li { margin-top: 4px; }') } },
    };
    const samples = sampleArticles().map((entry) => ({ ...entry, expect: 'full' as const }));
    const store = await checkCorpus(samples, {}, changed);
    expect(Object.values(store.skeletons).map((skeleton) => ('unusable' in skeleton ? skeleton.unusable : ''))).toEqual([
      expect.stringMatching(/selector "li \+ li"/),
      expect.stringMatching(/selector "li \+ li"/),
    ]);
  });

  it('article text inside inline CSS', async () => {
    const styles = sources.partials.styles;
    if (!styles) throw new Error('styles partial missing');
    const changed: TemplateSources = {
      ...sources,
      partials: { ...sources.partials, styles: { ...styles, source: styles.source.replace('li { margin: 0 0 8px 0; }', 'li { margin: 0 0 8px 0; }\n  .x-{{slug}} { color: red; }') } },
    };
    await checkCorpus(sampleArticles().map((entry) => ({ ...entry, expect: 'full' as const })), {}, changed);
  });

  it('an MJML attribute value "true" (MJML reads it as a boolean): that article falls back to MJML', async () => {
    const partial = sources.partials.article;
    if (!partial) throw new Error('article partial missing');
    const lead = /<mj-text css-class="bp-pad bp-image">[\s\S]*?<\/mj-text>/;
    expect(partial.source).toMatch(lead);
    const changed: TemplateSources = {
      ...sources,
      partials: { ...sources.partials, article: { ...partial, source: partial.source.replace(lead, '<mj-image src="{{image.src}}" alt="{{image.alt}}" width="536px" />') } },
    };
    await checkCorpus(
      [
        { name: 'attribute-true.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: "true"'), expect: 'full' },
        { name: 'attribute-text.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild'), expect: 'fast' },
      ],
      {},
      changed,
    );
  });

  it('a layout that MJML rejects: the full path reports the template error', async () => {
    const article = sources.partials.article;
    if (!article) throw new Error('article partial missing');
    const changed: TemplateSources = {
      ...sources,
      partials: { ...sources.partials, article: { ...article, source: article.source.replace('{{#if image.caption}}', '{{#if image.caption}}\n    <mj-bogus />') } },
    };
    const config = resolveConfig({}, REPO_ROOT);
    const templates = compileTemplates(changed);
    const fastPath = createFastPath(templates, config, emptySkeletonStore());
    const captioned = readArticle({ file: 'articles/ki-chips-wettruesten.md', source: await readFile(path.join(SAMPLE_ARTICLES, 'ki-chips-wettruesten.md'), 'utf8') });
    await expect(fastPath.render(captioned)).rejects.toMatchObject({ code: 'E_MJML', file: 'templates/partials/article.mjml.hbs' });
    // an article without a caption never reaches the broken line and takes the fast path
    const plain = readArticle({ file: 'articles/openai-amazon-cloud-deal.md', source: await readFile(path.join(SAMPLE_ARTICLES, 'openai-amazon-cloud-deal.md'), 'utf8') });
    expect((await fastPath.render(plain)).renderPath).toBe('fast');
  });
});

/** The templates with one partial changed (`from` must occur in it). */
function withPartial(name: string, from: string, to: string): TemplateSources {
  const partial = sources.partials[name];
  if (!partial?.source.includes(from)) throw new Error(`partial ${name} has no "${from}"`);
  return { ...sources, partials: { ...sources.partials, [name]: { ...partial, source: partial.source.replace(from, to) } } };
}

describe('fast path: values that MJML does not copy as written', () => {
  it('a share link: MJML puts the URL into the share URL with String.replace, which expands $&', async () => {
    const templates = withPartial(
      'footer',
      '  </mj-column>\n</mj-section>\n{{/if}}',
      '    <mj-social><mj-social-element name="facebook" href="{{webUrl}}">Teilen</mj-social-element></mj-social>\n  </mj-column>\n</mj-section>\n{{/if}}',
    );
    await checkCorpus(
      [
        { name: 'share-dollar.md', source: article('url: "https://example.com/a?x=$&y=1"'), expect: 'full' },
        { name: 'share-plain.md', source: article('url: "https://example.com/a?x=1&y=2"'), expect: 'fast' },
      ],
      {},
      templates,
    );
  });

  it('a per-article class: MJML splits css-class at spaces and suffixes each part in Outlook markup', async () => {
    const templates = withPartial('article', '<mj-section padding="36px 0px 8px 0px">', '<mj-section padding="36px 0px 8px 0px" css-class="bp-paper cat-{{category}}">');
    await checkCorpus(
      [
        { name: 'class-spaces.md', source: article(), expect: 'full' }, // category: Tech & Trends
        { name: 'class-one-word.md', source: article().replace('category: Tech & Trends', 'category: Technik'), expect: 'fast' },
      ],
      {},
      templates,
    );
  });

  it('white space in an Outlook-only comment: MJML collapses runs of spaces there', async () => {
    const templates = withPartial('article', '<mj-section padding="24px 0px 0px 0px">', '<mj-section padding="24px 0px 0px 0px" background-url="{{image.src}}">');
    await checkCorpus(
      [
        // validation refuses spaces in URLs; the guard must hold all the same
        { name: 'background-spaces.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild'), expect: 'full', beyondValidation: withImageSrc('https://example.com/a  b.jpg') },
        { name: 'background-plain.md', source: article('image:\n  src: https://example.com/a.jpg\n  alt: Ein Bild'), expect: 'fast' },
      ],
      {},
      templates,
    );
  });
});

/** The article with another lead image address, as validation would not let it through. */
function withImageSrc(src: string) {
  return (parsed: Article): Article => ({ ...parsed, image: parsed.image ? { ...parsed.image, src } : parsed.image });
}

describe('fast path: assumptions about MJML', () => {
  it('knows every MJML component whose content MJML keeps as written', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    require('mjml');
    const { components } = require('mjml-core') as { components: Record<string, { endingTag?: boolean }> };
    const ending = Object.entries(components)
      .filter(([, component]) => component.endingTag)
      .map(([name]) => name)
      .sort();
    expect(ending).toEqual([...MJML_ENDING_TAGS].sort());
  });
});
