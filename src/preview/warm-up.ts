import type { ResolvedConfig } from '../config/config.js';
import { listArticleFiles, loadArticle } from '../io/load-articles.js';
import { loadTemplateSources } from '../io/load-templates.js';
import { readArticle, renderNewsletter } from '../pipeline/build-article.js';
import { compileMjml } from '../pipeline/compile-mjml.js';
import { compileTemplates } from '../pipeline/compile-templates.js';

const ROUNDS = 3;

/**
 * Run the whole pipeline a few times in memory (render, MJML, checks;
 * nothing is written), so that the first save after start is as fast as
 * every later one: MJML takes about a second to load, the checks load an
 * HTML parser, and first runs are slow while the engine warms up.
 * Failures are ignored here: the build reports them.
 */
export async function warmUpRenderer(config: ResolvedConfig): Promise<void> {
  const { runChecks } = await import('../check/run-checks.js');
  try {
    const [file] = await listArticleFiles(config.paths.articles);
    if (file === undefined) throw new Error('no article to warm up with');
    const sources = await loadTemplateSources(config.paths.templates, config.root);
    const templates = compileTemplates(sources);
    const input = await loadArticle(file, config.root);
    const article = readArticle(input);
    for (let round = 0; round < ROUNDS; round++) {
      const rendered = await renderNewsletter(article, config, templates);
      runChecks({ ...rendered, config, file: input.file, templates: sources });
    }
  } catch {
    // no valid article or templates yet: at least load MJML
    for (let round = 0; round < ROUNDS; round++) await compileMjml(SAMPLE);
  }
}

const SAMPLE = `<mjml><mj-body><mj-section><mj-column><mj-text>warm-up</mj-text></mj-column></mj-section></mj-body></mjml>`;
