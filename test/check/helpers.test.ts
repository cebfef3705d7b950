import { describe, expect, it } from 'vitest';
import { blankHandlebars, formatClients, unsupportedHtmlFeatures, unsupportedTemplateFeatures } from '../../src/check/client-support.js';
import { dedupeFindings, errorProblems, failsCheck, sortFindings, summarize } from '../../src/check/report.js';
import { citedOutlets } from '../../src/check/rules/content-sources.js';
import type { CheckFinding } from '../../src/check/types.js';

describe('citedOutlets', () => {
  it.each([
    ['Laut „Spiegel“ steigen die Preise.', ['Spiegel']],
    ['Wie „TechCrunch“ berichtet, wächst der Markt.', ['TechCrunch']],
    ['Das meldet das „Handelsblatt“.', ['Handelsblatt']],
    ['Dem „Wall Street Journal“ zufolge sinkt der Kurs.', ['Wall Street Journal']],
    ['According to “Financial Times”, prices rise.', ['Financial Times']],
    ['Nach Angaben von „Bild“ und laut »Reuters« …', ['Bild', 'Reuters']],
  ])('%s → %j', (text, outlets) => {
    expect(citedOutlets(text)).toEqual(outlets);
  });

  it.each(['Sie nennen es „Goldrausch“ und meinen das Geld.', '„Wer die Chips liefert, verdient“, sagt ein Analyst.', 'Das Motto: „Erst testen, dann ausrollen“.'])('no outlet in %s', (text) => {
    expect(citedOutlets(text)).toEqual([]);
  });
});

describe('blankHandlebars', () => {
  it('removes Handlebars but keeps every line where it was', () => {
    const source = '{{!--\n comment\n--}}\n<p style="color: {{colors.text}};">{{#if a}}\n{{{bodyHtml}}}{{/if}}</p>\n{{> footer}}';
    const blank = blankHandlebars(source);
    expect(blank.split('\n')).toHaveLength(source.split('\n').length);
    expect(blank).toBe('\n\n\n<p style="color: x;">\n</p>\n');
  });
});

describe('client support', () => {
  const templates = (source: string) => ({ layout: { file: 'templates/layout.mjml.hbs', source }, partials: {} });

  it('finds a feature once per template, at its first line, with every client it fails in', () => {
    const found = unsupportedTemplateFeatures(templates('<mjml>\n<mj-body>\n<mj-raw><time>1</time>\n<time>2</time></mj-raw>\n</mj-body>\n</mjml>'));
    expect([...found.keys()]).toEqual(['templates/layout.mjml.hbs']);
    const [feature] = found.get('templates/layout.mjml.hbs') ?? [];
    expect(found.get('templates/layout.mjml.hbs')).toHaveLength(1);
    expect(feature).toMatchObject({ feature: 'HTML5 semantics', line: 3, sample: '<time>' });
    expect(feature?.clients).toEqual(expect.arrayContaining(['outlook.windows']));
  });

  it('checks head styles whole, but only the declarations of inlined styles, and ignores neutral values', () => {
    const head = unsupportedTemplateFeatures(templates('<mjml><mj-head><mj-style>\n@media (max-width: 480px) { p { color: red; } }\n</mj-style></mj-head></mjml>'));
    expect(head.get('templates/layout.mjml.hbs')?.map((feature) => [feature.feature, feature.line])).toEqual([['@media', 2]]);
    const inline = unsupportedTemplateFeatures(templates('<mjml><mj-head><mj-style inline="inline">\np { margin: 0; }\npre { white-space: pre-wrap; }\n</mj-style></mj-head></mjml>'));
    expect(inline.get('templates/layout.mjml.hbs')?.map((feature) => [feature.feature, feature.line])).toEqual([['white-space', 3]]);
    const neutral = unsupportedTemplateFeatures(templates('<mjml><mj-body><mj-button border-radius="0px">x</mj-button><mj-button border-radius="4px">y</mj-button></mj-body></mjml>'));
    expect(neutral.get('templates/layout.mjml.hbs')?.map((feature) => feature.sample)).toEqual(['border-radius="4px" on <mj-button>']);
  });

  it('checks HTML fragments of the article too', () => {
    expect(unsupportedHtmlFeatures('<p>ok</p>')).toEqual([]);
    expect(unsupportedHtmlFeatures('<p><time>heute</time></p>').map((feature) => feature.feature)).toEqual(['HTML5 semantics']);
  });

  it('names clients by family and platform', () => {
    expect(formatClients(['outlook.windows', 'outlook.windows-mail', 'gmail.mobile-webmail'])).toBe('Outlook (Windows, Windows Mail), Gmail (mobile webmail)');
  });
});

describe('report', () => {
  const finding = (over: Partial<CheckFinding>): CheckFinding => ({ file: 'articles/a.md', slug: 'a', rule: 'inbox/subject-length', severity: 'warning', message: 'm', ...over });

  it('lists a template finding once however many articles carry it', () => {
    const template = finding({ file: 'templates/x.mjml.hbs', line: 3, slug: null, rule: 'clients/unsupported-feature' });
    expect(dedupeFindings([template, finding({}), { ...template }, finding({ file: 'articles/b.md', slug: 'b' })])).toHaveLength(3);
  });

  it('sorts articles in build order, then templates and config; errors first within a file', () => {
    const sorted = sortFindings([
      finding({ file: 'templates/x.mjml.hbs', slug: null }),
      finding({ file: 'articles/z.md', slug: 'z' }),
      finding({ file: 'articles/z.md', slug: 'z', severity: 'error', rule: 'links/absolute' }),
      finding({ file: 'newsletter.config.json', slug: null }),
      finding({ file: 'articles/b.md', slug: null, rule: 'build/failed', severity: 'error' }),
    ]);
    expect(sorted.map((entry) => `${entry.file} ${entry.severity}`)).toEqual([
      'articles/z.md error',
      'articles/z.md warning',
      'articles/b.md error',
      'newsletter.config.json warning',
      'templates/x.mjml.hbs warning',
    ]);
  });

  it('fails on errors, and on warnings only when strict', () => {
    const warnings = summarize([finding({})], 1);
    expect(warnings).toEqual({ articles: 1, errors: 0, warnings: 1, info: 0 });
    expect(failsCheck(warnings, false)).toBe(false);
    expect(failsCheck(warnings, true)).toBe(true);
    expect(failsCheck(summarize([finding({ severity: 'error' })], 1), false)).toBe(true);
    expect(failsCheck(summarize([finding({ severity: 'info' })], 1), true)).toBe(false);
  });

  it('turns error findings into build problems naming the rule', () => {
    expect(errorProblems([finding({ severity: 'error', line: 4, message: 'broken: fix it', rule: 'links/absolute' }), finding({})])).toEqual([
      { file: 'articles/a.md', line: 4, message: 'broken: fix it [links/absolute]' },
    ]);
  });
});

it('collapse drops control characters from article text', async () => {
  const { collapse } = await import('../../src/check/html.js');
  expect(collapse('hier\u001b[31m  rot\u0007\n')).toBe('hier[31m rot');
});
