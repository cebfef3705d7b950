import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/config.js';
import { parseUserConfig } from '../../src/config/parse-user-config.js';
import { ConfigError } from '../../src/errors.js';
import { STRINGS } from '../../src/i18n/strings.js';
import { parseFrontmatter } from '../../src/pipeline/parse-frontmatter.js';
import { renderText } from '../../src/pipeline/render-text.js';
import { renderView } from '../../src/pipeline/render-view.js';
import { validateArticle } from '../../src/pipeline/validate-article.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';

const FILE = 'newsletter.config.json';

function problemOf(json: string): { line: number | undefined; message: string } {
  try {
    parseUserConfig(json, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const [problem] = (error as ConfigError).problems;
    return { line: problem?.line, message: problem?.message ?? '' };
  }
  throw new Error('expected the config to be refused');
}

const FAQ_ARTICLE = article('faq:\n  - question: Wer profitiert?\n    answer: Alle.', 'Text.\n');
const viewOf = (user: Parameters<typeof resolveConfig>[0]) => renderView(validateArticle(parseFrontmatter(FAQ_ARTICLE, 'articles/a.md'), 'articles/a.md', 'a'), resolveConfig(user, '/p'));

describe('strings, locale, footer and logo in the config', () => {
  it('overrides fixed strings by name; the locale gives the rest', () => {
    const user = parseUserConfig('{ "locale": "en", "strings": { "faqHeading": "Your questions", "footerReason": "You get this because you asked for it." } }', FILE);
    const view = viewOf(user);
    expect(view.strings).toEqual({ ...STRINGS.en, faqHeading: 'Your questions', footerReason: 'You get this because you asked for it.' });
    expect(view.lang).toBe('en');
    const text = renderText(view);
    expect(text).toContain('YOUR QUESTIONS');
    expect(text).toContain('You get this because you asked for it.\nUnsubscribe: https://example.com/newsletter/abmelden');
  });

  it('refuses a string name it does not know, with a suggestion and its line', () => {
    expect(problemOf('{\n  "strings": {\n    "faqHeadline": "Fragen"\n  }\n}')).toEqual({ line: 3, message: 'unknown key "strings.faqHeadline" (did you mean "faqHeading"?)' });
    expect(problemOf('{ "strings": { "languageTag": "fr" } }').message).toMatch(/^unknown key "strings\.languageTag" \(allowed keys: checkHeading, faqHeading, /);
    expect(problemOf('{ "strings": { "unsubscribe": "" } }').message).toBe('"strings.unsubscribe" is empty: write the text or remove the key');
  });

  it('checks require, footer and logo', () => {
    expect(problemOf('{ "require": ["check", "faqs"] }').message).toBe('"require[1]" must be one of "check", "faq", "preheader"');
    expect(problemOf('{ "logo": { "src": "http://example.com/logo.png", "alt": "Punk" } }').message).toBe('"logo.src" must be an absolute https:// URL');
    expect(problemOf('{ "logo": { "src": "https://example.com/logo.png" } }').message).toBe('missing required key "logo.alt": add it to the config');
    expect(problemOf('{ "footer": { "social": [\n  { "name": "LinkedIn", "link": "https://x.example" }] } }').message).toBe('missing required key "footer.social[0].url": add it to the config');
    expect(problemOf('{ "footer": { "imprnt": "x" } }').message).toBe('unknown key "footer.imprnt" (did you mean "imprint"?)');
    expect(problemOf('{ "footer": { "impressum": "x" } }').message).toBe('unknown key "footer.impressum" (allowed keys: imprint, social)');
  });

  it('resolves the defaults: nothing required, no footer extras, the brand as text', () => {
    const config = resolveConfig({}, '/p');
    expect(config.require).toEqual([]);
    expect(config.footer).toEqual({ imprint: null, social: [] });
    expect(config.logo).toBeNull();
    expect(config.strings).toEqual(STRINGS.de);
    expect(resolveConfig({ logo: { src: 'https://example.com/l.png', alt: 'Punk' } }, '/p').logo).toEqual({ src: 'https://example.com/l.png', alt: 'Punk', width: 200 });
  });
});

describe('the email follows the string overrides', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject({
      articles: { 'a.md': FAQ_ARTICLE },
      config: { strings: { faqHeading: 'Fragen und Antworten', unsubscribe: 'Abmelden', footerReason: 'Du bekommst diese E-Mail, weil du den Newsletter abonniert hast.' } },
    });
    await build({ root: project.root });
  });
  afterAll(() => project.remove());

  it('in HTML and text, on the fast path as on the full one', async () => {
    const [html, text] = await Promise.all([readFile(path.join(project.out, 'a.html'), 'utf8'), readFile(path.join(project.out, 'a.txt'), 'utf8')]);
    for (const expected of ['Fragen und Antworten', 'Abmelden', 'Du bekommst diese E-Mail, weil du den Newsletter abonniert hast.']) expect(html).toContain(expected);
    expect(html).not.toContain('Häufig gestellte Fragen');
    expect(text).toContain('FRAGEN UND ANTWORTEN');
    expect(text).toContain('Abmelden: https://example.com/newsletter/abmelden');
  });
});
