import type { ResolvedConfig } from '../config/config.js';
import type { ArticleSource, RenderedNewsletter } from '../pipeline/build-article.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';
import { loadSkeletonStore, skeletonFile } from '../io/skeleton-cache.js';
import { emptySkeletonStore, type SkeletonStore } from '../pipeline/skeleton-store.js';
import type { Article } from '../pipeline/validate-article.js';

export interface Rendered extends RenderedNewsletter {
  /** `fast`: filled into a compiled layout; `full`: compiled with MJML. */
  renderPath: 'fast' | 'full';
  /** Why the full path was taken although the fast path was on. */
  fallbackReason?: string;
}

/** The rendering stages for one build, set up once: every article goes through `render`. */
export interface Renderer {
  /** Frontmatter → validated article (parse, validate). */
  readArticle(input: ArticleSource): Article;
  /** The fast path when it is on, else the reference path. */
  render(article: Article): Promise<Rendered>;
  /** The reference path: every newsletter compiled with MJML. */
  renderFull(article: Article): Promise<Rendered>;
  /** Drop every compiled layout, in memory and (on save) in the cache: they are compiled again. */
  forgetLayouts(): void;
  /** The compiled layouts, when the fast path is on. */
  readonly layouts: { readonly store: SkeletonStore; readonly changed: boolean; readonly compiledSkeletons: number } | undefined;
}

export interface RendererOptions {
  /** Fill articles into compiled layouts (src/pipeline/fast-path.ts); false compiles each with MJML. */
  fastPath: boolean;
  /** Ignore the compiled layouts of earlier builds (`--force`). */
  force: boolean;
  /** The build's inputs key: compiled layouts of other templates, config or code are not used. */
  inputsKey: string;
}

/**
 * The one place the render path is chosen. Loads the rendering stages
 * (Handlebars, markdown-it, html-to-text, zod, …) and compiles the templates.
 * With the fast path on, articles are filled into layouts compiled once
 * (kept in the cache folder); an article the fast path cannot render exactly
 * as MJML would is compiled with MJML, and `Rendered.fallbackReason` says
 * why (every build reports it). With it off, each is compiled with MJML.
 */
export async function createRenderer(sources: TemplateSources, config: ResolvedConfig, options: RendererOptions): Promise<Renderer> {
  const [{ readArticle: readFrontmatter, renderNewsletter }, { compileTemplates }, { createFastPath }, { checkPersonalFields }] = await Promise.all([
    import('../pipeline/build-article.js'),
    import('../pipeline/compile-templates.js'),
    import('../pipeline/fast-path.js'),
    import('../pipeline/personalise.js'),
  ]);
  // Personal fields are checked against the config's `esp.fields` as the article is read, each problem with its line.
  const readArticle = (input: ArticleSource): Article => {
    const article = readFrontmatter(input);
    checkPersonalFields(article, config.esp.fields, input.source);
    return article;
  };
  const templates = compileTemplates(sources);
  const renderFull = async (article: Article): Promise<Rendered> => ({ ...(await renderNewsletter(article, config, templates)), renderPath: 'full' });
  if (!options.fastPath) return { readArticle, render: renderFull, renderFull, forgetLayouts: () => undefined, layouts: undefined };

  const store = options.force ? emptySkeletonStore() : await loadSkeletonStore(skeletonFile(config.cacheDir), options.inputsKey);
  let fastPath = createFastPath(templates, config, store);
  let forgotten = false;
  let compiledBefore = 0;
  return {
    readArticle,
    render: (article) => fastPath.render(article),
    renderFull,
    forgetLayouts() {
      for (const key of Object.keys(store.shapes)) delete store.shapes[key];
      for (const key of Object.keys(store.skeletons)) delete store.skeletons[key];
      compiledBefore += fastPath.compiledSkeletons;
      fastPath = createFastPath(templates, config, store);
      forgotten = true;
    },
    layouts: {
      store,
      get changed() {
        return forgotten || fastPath.changed;
      },
      get compiledSkeletons() {
        return compiledBefore + fastPath.compiledSkeletons;
      },
    },
  };
}
