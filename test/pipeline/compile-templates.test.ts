import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { MjmlError, TemplateError } from '../../src/errors.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import { compileMjml, locateMjmlLine } from '../../src/pipeline/compile-mjml.js';
import { compileTemplates, type TemplateSources } from '../../src/pipeline/compile-templates.js';
import { renderView } from '../../src/pipeline/render-view.js';
import { validateArticle } from '../../src/pipeline/validate-article.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';
import { REPO_ROOT, SAMPLE_ARTICLES } from '../helpers/project.js';

const config = resolveConfig({}, REPO_ROOT);
let sources: TemplateSources;
let sample: ReturnType<typeof renderView>;

beforeAll(async () => {
  sources = await loadTemplateSources(path.join(REPO_ROOT, 'templates'), REPO_ROOT);
  const file = 'articles/openai-amazon-cloud-deal.md';
  const text = await readFile(path.join(SAMPLE_ARTICLES, 'openai-amazon-cloud-deal.md'), 'utf8');
  sample = renderView(validateArticle(parseFrontmatter(text, file), file, 'x'), config);
});

function withPartial(name: string, source: string): TemplateSources {
  return { ...sources, partials: { ...sources.partials, [name]: { file: `templates/partials/${name}.mjml.hbs`, source } } };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('compileTemplates', () => {
  it('loads the layout and every partial the layout and the edition layout name', () => {
    expect(Object.keys(sources.partials).sort()).toEqual(['article', 'check', 'contents', 'edition-styles', 'faq', 'footer', 'header', 'sources', 'story-teaser', 'styles']);
    expect(sources.layout.file).toBe('templates/layout.mjml.hbs');
  });

  it('renders the sample into MJML with every signature element', () => {
    const { mjml } = compileTemplates(sources).render(sample);
    expect(mjml).toMatch(/^<mjml lang="de"/m);
    expect(mjml).toContain('Business Punk Check');
    expect(mjml).toContain('Häufig gestellte Fragen');
    expect(mjml).toContain('„Handelsblatt“');
  });

  it('names the partial and line of a syntax error', () => {
    const error = thrown(() => compileTemplates(withPartial('check', '<mj-section>\n{{#if checkHtml}}\n</mj-section>')));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe('templates/partials/check.mjml.hbs');
    expect((error as TemplateError).message).toMatch(/does not compile/);
  });

  it('fails (strict mode) on a misspelt variable and names the partial', () => {
    const templates = compileTemplates(withPartial('footer', '<mj-section><mj-column><mj-text>{{unsubscribeUrll}}</mj-text></mj-column></mj-section>'));
    const error = thrown(() => templates.render(sample));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe('templates/partials/footer.mjml.hbs');
    expect((error as TemplateError).message).toMatch(/uses "unsubscribeUrll"/);
  });

  it('inserts article text as data: Handlebars syntax in it is never evaluated', () => {
    const view = { ...sample, title: '{{constructor.constructor "return 1"}}', subject: '{{constructor.constructor "return 1"}}', teaser: '{{> footer}}', bodyHtml: '<p>{{brand}}</p>' };
    const { mjml } = compileTemplates(sources).render(view);
    expect(mjml).toContain('{{constructor.constructor &quot;return 1&quot;}}');
    expect(mjml).toContain('{{&gt; footer}}');
    expect(mjml).toContain('<p>{{brand}}</p>');
  });

  it('escapes markup in plain-text fields', () => {
    const { mjml } = compileTemplates(sources).render({ ...sample, category: '<mj-raw><script>x</script></mj-raw>' });
    expect(mjml).not.toContain('<script>');
    expect(mjml).toContain('&lt;mj-raw&gt;&lt;script&gt;');
  });
});

describe('compileMjml', () => {
  it('compiles the sample to a complete HTML email', async () => {
    const { mjml, spans } = compileTemplates(sources).render(sample);
    const html = await compileMjml(mjml, spans);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="de"');
    expect(html).toContain(`<title>${'OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud'}</title>`);
  });

  it('fails strict validation with the name of the partial that holds the bad MJML', async () => {
    const templates = compileTemplates(withPartial('sources', '<mj-section>\n  <mj-column>\n    <mj-text padding="lots">x</mj-text>\n  </mj-column>\n</mj-section>'));
    const { mjml, spans } = templates.render(sample);
    const error = await compileMjml(mjml, spans).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MjmlError);
    expect((error as MjmlError).file).toBe('templates/partials/sources.mjml.hbs');
    expect((error as MjmlError).line).toBe(3);
    expect((error as MjmlError).message).toMatch(/invalid MJML <mj-text>: Attribute padding has invalid value: lots/);
  });

  it('maps an MJML line to the innermost template', () => {
    const mjml = 'a\nb\nc\nd\n';
    const spans = [
      { file: 'layout', start: 0, end: mjml.length },
      { file: 'partial', start: 4, end: 8 },
    ];
    expect(locateMjmlLine(mjml, 3, spans)).toEqual({ file: 'partial', line: 1 });
    expect(locateMjmlLine(mjml, 1, spans)).toEqual({ file: 'layout', line: 1 });
  });
});
