import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { isTag, type AnyNode } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { loadTemplateSources } from '../../src/io/load-templates.js';
import { readArticle } from '../../src/pipeline/build-article.js';
import { compileMjml } from '../../src/pipeline/compile-mjml.js';
import { compileTemplates, type CompiledTemplates } from '../../src/pipeline/compile-templates.js';
import { renderView, type NewsletterView } from '../../src/pipeline/render-view.js';
import { REPO_ROOT, SAMPLE_ARTICLES } from '../helpers/project.js';

/** Breaks out of an attribute and out of text alike, when written unescaped. */
const HOSTILE = `"'><img src=x onerror=alert(1)>{{x}}`;
const RAW = '<img src=x onerror=alert(1)>';

let templates: CompiledTemplates;
let full: NewsletterView;

beforeAll(async () => {
  const config = resolveConfig({}, REPO_ROOT);
  templates = compileTemplates(await loadTemplateSources(path.join(REPO_ROOT, 'templates'), REPO_ROOT));
  const file = 'articles/ki-chips-wettruesten.md';
  const view = renderView(readArticle({ file, source: await readFile(path.join(SAMPLE_ARTICLES, 'ki-chips-wettruesten.md'), 'utf8') }), config);
  // every optional block present, so that every slot of every partial is rendered
  full = {
    ...view,
    author: 'Autorin',
    image: { src: 'https://example.com/a.jpg', alt: 'Bild', caption: 'Bildunterschrift', height: '300' },
    checkHtml: '<p>Check</p>',
    faq: [{ question: 'Frage?', answerHtml: '<p>Antwort</p>' }],
    sources: [{ name: 'Quelle', url: 'https://example.com/q' }],
    webUrl: 'https://example.com/web',
  };
});

/** Every text the templates get, as a path into the view; `…Html` fields are HTML the pipeline made safe and are left out. */
function textPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return String(at.at(-1)).endsWith('Html') ? [] : [at];
  if (Array.isArray(value)) return value.flatMap((entry, index) => textPaths(entry, [...at, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => textPaths(entry, [...at, key]));
  return [];
}

function withText(view: NewsletterView, at: readonly (string | number)[], text: string): NewsletterView {
  const copy = structuredClone(view) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at.at(-1) as string | number] = text;
  return copy as unknown as NewsletterView;
}

function elements(nodes: readonly AnyNode[]): { name: string; attribs: Record<string, string> }[] {
  return nodes.flatMap((node) => (isTag(node) ? [node, ...elements(node.children)] : []));
}

describe('hostile text in any field of the view stays text', () => {
  it('the view has the fields this table covers', () => {
    const paths = textPaths(full).map((at) => at.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'headline', 'teaser', 'preheader', 'author', 'category', 'dateLabel', 'image.alt', 'image.caption', 'image.src', 'faq.0.question', 'sources.0.name', 'sources.0.url', 'webUrl', 'strings.unsubscribe']));
  });

  it('in every template slot: no field reaches the MJML unescaped', () => {
    const unescaped: string[] = [];
    let shown = 0;
    for (const at of textPaths(full)) {
      const { mjml } = templates.render(withText(full, at, HOSTILE));
      if (mjml.includes(RAW)) unescaped.push(at.join('.'));
      if (mjml.includes('&lt;img src=x onerror=alert(1)&gt;') || mjml.includes('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;')) shown++;
    }
    expect(unescaped).toEqual([]);
    expect(shown).toBeGreaterThan(15); // the table reaches the slots: most fields are shown, escaped
  });

  it('all at once, through MJML: the email has no event handler and no element the text named', async () => {
    let view = full;
    for (const at of textPaths(full)) if (!String(at[0]).startsWith('colors') && at[0] !== 'darkColors') view = withText(view, at, HOSTILE);
    const { mjml, spans } = templates.render(view);
    const html = await compileMjml(mjml, spans, templates.files[0]);
    const found = elements(parseDocument(html).children);
    expect(found.filter((element) => Object.keys(element.attribs).some((name) => name.startsWith('on')))).toEqual([]);
    expect(found.filter((element) => element.name === 'img' && element.attribs.src === 'x')).toEqual([]);
  });
});
