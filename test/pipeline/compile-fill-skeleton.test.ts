import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import { emailView, readArticle } from '../../src/pipeline/build-article.js';
import { compileMjml } from '../../src/pipeline/compile-mjml.js';
import { compileSkeleton, type LayoutSkeleton } from '../../src/pipeline/compile-skeleton.js';
import { compileTemplates, type CompiledTemplates } from '../../src/pipeline/compile-templates.js';
import { fillSkeleton } from '../../src/pipeline/fill-skeleton.js';
import { layoutShape } from '../../src/pipeline/layout-shape.js';
import { loadJuice } from '../../src/pipeline/load-juice.js';
import { renderView, type NewsletterView } from '../../src/pipeline/render-view.js';
import { splitLayout } from '../../src/pipeline/split-layout.js';
import { article, REPO_ROOT, SAMPLE_ARTICLES } from '../helpers/project.js';

const config = resolveConfig({}, REPO_ROOT);
let templates: CompiledTemplates;
let sample: NewsletterView;
beforeAll(async () => {
  templates = compileTemplates(await loadTemplateSources(path.join(REPO_ROOT, 'templates'), REPO_ROOT));
  const file = 'articles/openai-amazon-cloud-deal.md';
  sample = emailView(renderView(readArticle({ file, source: await readFile(path.join(SAMPLE_ARTICLES, 'openai-amazon-cloud-deal.md'), 'utf8') }), config), config);
});

/** The layout of `view`'s shape, compiled once. */
async function skeletonOf(view: NewsletterView): Promise<LayoutSkeleton> {
  const split = splitLayout(templates.render(layoutShape(view).tokenView).mjml);
  if (!split.ok) throw new Error(split.reason);
  const compiled = await compileSkeleton(split.structure, (mjml) => compileMjml(mjml), loadJuice());
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.skeleton;
}

describe('compileSkeleton and fillSkeleton', () => {
  it('a skeleton has one slot between each two parts of HTML, and keeps its structure', async () => {
    const skeleton = await skeletonOf(sample);
    expect(skeleton.html).toHaveLength(skeleton.slots.length + 1);
    expect(skeleton.slots.length).toBeGreaterThan(0);
    expect(skeleton.html.join('')).toMatch(/^<!doctype html>/i);
  });

  it('an article filled into the skeleton of its shape is byte for byte what MJML makes of it', async () => {
    const skeleton = await skeletonOf(sample);
    const { mjml, spans } = templates.render(sample);
    const filled = fillSkeleton(skeleton, mjml, layoutShape(sample).values, loadJuice());
    expect(filled.ok).toBe(true);
    expect(filled.ok && filled.html).toBe(await compileMjml(mjml, spans, templates.files[0]));
  });

  it('another article of the same shape fills the same skeleton, identically to MJML', async () => {
    const skeleton = await skeletonOf(sample);
    const other: NewsletterView = { ...sample, title: 'Ein anderer Titel', headline: 'Ein anderer Titel', teaser: 'Anders & neu <b>nicht fett</b>', bodyHtml: '<p>Nur ein Absatz.</p>' };
    const { mjml, spans } = templates.render(other);
    const filled = fillSkeleton(skeleton, mjml, layoutShape(other).values, loadJuice());
    expect(filled.ok && filled.html).toBe(await compileMjml(mjml, spans, templates.files[0]));
  });

  it('refuses an article whose MJML is not the skeleton\'s structure, with the reason', async () => {
    const skeleton = await skeletonOf(sample);
    const minimal = emailView(renderView(readArticle({ file: 'articles/a.md', source: article() }), config), config);
    const filled = fillSkeleton(skeleton, templates.render(minimal).mjml, layoutShape(minimal).values, loadJuice());
    expect(filled).toEqual({ ok: false, reason: expect.stringMatching(/differs from its shape|cannot be copied/) });
  });
});
