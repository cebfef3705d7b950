import type { ResolvedConfig } from '../config/config.js';
import { prepareEspRender } from './personalise.js';
import { emailView, type RenderedNewsletter } from './build-article.js';
import { compileMjml } from './compile-mjml.js';
import { compileSkeleton, type LayoutSkeleton } from './compile-skeleton.js';
import type { CompiledTemplates } from './compile-templates.js';
import { fillSkeleton } from './fill-skeleton.js';
import { layoutShape, type LayoutShape } from './layout-shape.js';
import { loadJuice } from './load-juice.js';
import { renderText } from './render-text.js';
import { renderView } from './render-view.js';
import type { SkeletonStore, Unusable } from './skeleton-store.js';
import { splitLayout } from './split-layout.js';
import type { Article } from './validate-article.js';

export interface FastRendered extends RenderedNewsletter {
  /** `fast`: filled into a compiled skeleton; `full`: compiled with MJML. */
  renderPath: 'fast' | 'full';
  /** Why the full path was taken. */
  fallbackReason?: string;
}

export interface FastPath {
  render(article: Article): Promise<FastRendered>;
  /** Skeletons compiled with MJML so far. */
  readonly compiledSkeletons: number;
  /** True when the store has learnt something worth saving. */
  readonly changed: boolean;
}

/**
 * The fast path for one build: per article
 *   1. renderView       Markdown → fragments, then soft hyphens (as on the full path)
 *   2. layoutShape      which optional blocks, how many entries
 *   3. splitLayout      (once per shape) the MJML structure of that shape
 *   4. compileSkeleton  (once per structure, cached under out/) MJML → HTML with slots
 *   5. render           Handlebars → the article's MJML, as on the full path
 *   6. fillSkeleton     contents into the slots, inline CSS applied by juice
 *   7. renderText       the plain-text part
 *   8. finish           UTM parameters and ESP tags, as on the full path (prepared before step 1)
 * Whenever a step cannot guarantee the full path's output, the article is
 * compiled with MJML instead and the reason is returned.
 */
export function createFastPath(templates: CompiledTemplates, config: ResolvedConfig, store: SkeletonStore): FastPath {
  let compiled = 0;
  let changed = false;

  async function skeletonFor(shape: LayoutShape): Promise<LayoutSkeleton | Unusable> {
    let structureKey = store.shapes[shape.key];
    if (structureKey === undefined) {
      let tokenMjml: string;
      try {
        tokenMjml = templates.render(shape.tokenView).mjml;
      } catch (error) {
        structureKey = { unusable: `the templates cannot render the shape (${(error as Error).message})` };
        store.shapes[shape.key] = structureKey;
        changed = true;
        return structureKey;
      }
      const split = splitLayout(tokenMjml);
      if (!split.ok) {
        structureKey = { unusable: split.reason };
      } else {
        structureKey = split.structure.key;
        if (!store.skeletons[structureKey]) {
          const result = await compileSkeleton(split.structure, (mjml) => compileMjml(mjml), loadJuice(), store.probes);
          compiled += 1;
          store.skeletons[structureKey] = result.ok ? result.skeleton : { unusable: result.reason };
        }
      }
      store.shapes[shape.key] = structureKey;
      changed = true;
    }
    if (typeof structureKey !== 'string') return structureKey;
    return store.skeletons[structureKey] ?? { unusable: 'missing skeleton' };
  }

  return {
    get compiledSkeletons() {
      return compiled;
    },
    get changed() {
      return changed;
    },
    async render(article) {
      const esp = prepareEspRender(article, config);
      const view = renderView(esp.article, config);
      const shown = emailView(view, config);
      const shape = layoutShape(shown);
      const { mjml, spans } = templates.render(shown);
      let fallbackReason: string;
      try {
        const skeleton = await skeletonFor(shape);
        if ('unusable' in skeleton) {
          fallbackReason = skeleton.unusable;
        } else {
          const filled = fillSkeleton(skeleton, mjml, shape.values, loadJuice());
          if (filled.ok) return { article, view, mjml, ...esp.finish({ html: filled.html, text: renderText(view) }, view.webVersionUrl), renderPath: 'fast' };
          fallbackReason = filled.reason;
        }
      } catch (error) {
        // The full path is the reference: whatever goes wrong here, it still renders the article.
        fallbackReason = `the fast path failed: ${(error as Error).message}`;
      }
      const html = await compileMjml(mjml, spans, templates.files[0]);
      return { article, view, mjml, ...esp.finish({ html, text: renderText(view) }, view.webVersionUrl), renderPath: 'full', fallbackReason };
    },
  };
}
