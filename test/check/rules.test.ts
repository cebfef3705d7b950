import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckReport } from '../../src/check-project.js';
import { RULE_IDS } from '../../src/findings/rule-ids.js';
import { GMAIL_CLIP_BYTES } from '../../src/check/measure-sections.js';
import { CHECK_CONFIG, makeProject, type TempProject as Project } from '../helpers/project.js';
import { fixtureArticle, heavyArticle } from './fixture-articles.js';

/** Fixture article → the one rule it trips (and it trips nothing else). */
const PLANTED: Record<string, string> = {
  'links-relative': 'links/absolute',
  'links-private-host': 'links/private-host',
  'links-insecure-http': 'links/insecure-http',
  'links-empty-href': 'links/empty-href',
  'links-mailto': 'links/mailto',
  'a11y-heading-order': 'a11y/heading-order',
  'a11y-link-text': 'a11y/link-text',
  'inbox-subject-length': 'inbox/subject-length',
  'inbox-preheader-missing': 'inbox/preheader-missing',
  'inbox-preheader-repeat': 'inbox/preheader-repeat',
  'inbox-preheader-length': 'inbox/preheader-length',
  'content-check-box': 'content/check-box',
  'content-faq': 'content/faq',
  'content-faq-answer': 'content/faq-answer',
  'content-empty-body': 'content/empty-body',
  'content-sources': 'content/sources',
};

/** The fixture config requires every optional block ("require": ["check", "faq", "preheader"]): their absence is an error. */
const ERRORS = new Set(['links/absolute', 'links/private-host', 'links/empty-href', 'links/mailto', 'content/faq-answer', 'content/check-box', 'content/faq', 'inbox/preheader-missing']);

describe('fixture articles: each planted problem once, with its rule, file and a fix', () => {
  let project: Project;
  let report: CheckReport;
  beforeAll(async () => {
    project = await makeProject({ fixtures: ['clean', ...Object.keys(PLANTED)], config: CHECK_CONFIG });
    report = await checkProject({ root: project.root });
  });
  afterAll(() => project.remove());

  it('finds nothing in the clean fixture', () => {
    expect(report.findings.filter((finding) => finding.file === 'articles/clean.md')).toEqual([]);
  });

  it.each(Object.entries(PLANTED))('%s trips %s exactly once', (name, rule) => {
    const findings = report.findings.filter((finding) => finding.file === `articles/${name}.md`);
    expect(findings.map((finding) => finding.rule)).toEqual([rule]);
    const [finding] = findings;
    expect(finding?.slug).toBe(name);
    expect(finding?.severity).toBe(ERRORS.has(rule) ? 'error' : 'warning');
    expect(finding?.message).toMatch(/: [^:]+/); // what is wrong, then how to fix it
  });

  // [fixture, what the line holds]: findings about a place in the article name its line
  it.each([
    ['a11y-link-text', '[hier](https://example.com/zahlen-kundenservice)'],
    ['links-relative', '](/preise/kundenservice)'],
    ['links-empty-href', '[der Studie zur Wartezeit](#)'],
    ['a11y-heading-order', '### Zwischenstand nach sechs Monaten'],
    ['content-faq-answer', '- question: Was kostet ein KI-Assistent im Kundenservice?'],
    ['content-empty-body', '---'],
  ])('%s: the finding names the line that holds %s', async (name, written) => {
    const lines = (await fixtureArticle(name)).split('\n');
    const expected = name === 'content-empty-body' ? lines.lastIndexOf('---') + 2 : lines.findIndex((line) => line.includes(written)) + 1;
    expect(expected).toBeGreaterThan(1);
    const [finding] = report.findings.filter((each) => each.file === `articles/${name}.md`);
    expect(finding?.line).toBe(expected);
  });

  it('names headings as the editor wrote them and counts FAQ entries from 1', () => {
    const heading = report.findings.find((finding) => finding.rule === 'a11y/heading-order');
    expect(heading?.message).toBe('the subhead "Zwischenstand nach sechs Monaten" is written with ### and comes right after the headline, so the outline skips a level: write it with ## (## Zwischenstand nach sechs Monaten), or add a ## subhead above it');
    const faq = report.findings.find((finding) => finding.rule === 'content/faq-answer');
    expect(faq?.message).toMatch(/^FAQ entry 1 \("Was kostet ein KI-Assistent im Kundenservice\?"\) has an answer without visible text/);
  });

  it('reports nothing else and counts what it reports', () => {
    expect(report.findings).toHaveLength(Object.keys(PLANTED).length);
    expect(report.summary).toMatchObject({ articles: Object.keys(PLANTED).length + 1, errors: ERRORS.size, warnings: Object.keys(PLANTED).length - ERRORS.size, info: 0 });
  });
});

describe('optional blocks', () => {
  it('an article without check box, FAQ or preheader is fine unless the project requires them', async () => {
    const spare = ['---', 'title: Kurze Meldung', 'category: News', 'date: 2025-11-04', 'teaser: Ein korrekter kurzer Text.', '---', '', 'Ein Absatz mit hundertfünfzig Wörtern, hier kürzer.', ''].join('\n');
    const optional = await makeProject({ articles: { 'kurz.md': spare }, config: { checks: { rules: { 'clients/unsupported-feature': 'off' } } } });
    const required = await makeProject({ articles: { 'kurz.md': spare }, config: { require: ['check', 'faq', 'preheader'], checks: { rules: { 'clients/unsupported-feature': 'off' } } } });
    try {
      const [free, strict] = await Promise.all([checkProject({ root: optional.root }), checkProject({ root: required.root })]);
      expect(free.findings).toEqual([]);
      expect(strict.findings.map((finding) => [finding.rule, finding.severity])).toEqual([
        ['inbox/preheader-missing', 'error'],
        ['content/check-box', 'error'],
        ['content/faq', 'error'],
      ]);
      expect(strict.findings.every((finding) => finding.file === 'articles/kurz.md' && finding.message.includes('"require"'))).toBe(true);
    } finally {
      await Promise.all([optional.remove(), required.remove()]);
    }
  });
});

describe('images', () => {
  it('an article image without alt text fails its build, with file and line (the others are checked)', async () => {
    const project = await makeProject({ fixtures: ['clean', 'image-without-alt'], config: CHECK_CONFIG });
    try {
      const report = await checkProject({ root: project.root });
      expect(report.findings).toEqual([
        {
          file: 'articles/image-without-alt.md',
          line: 29,
          slug: null,
          rule: 'build/failed',
          severity: 'error',
          message: expect.stringMatching(/^the image "https:\/\/example\.com\/images\/grafik-wartezeit\.png" has no description/),
        },
      ]);
      expect(report.summary).toMatchObject({ articles: 2, errors: 1 });
    } finally {
      await project.remove();
    }
  });
});

describe('size', () => {
  it.each([
    [64, 'size/gmail-clip', 'error'],
    [48, 'size/gmail-clip-risk', 'warning'],
  ] as const)('%i multibyte sentences per paragraph trip %s', async (repeat, rule, severity) => {
    const project = await makeProject({ articles: { 'heavy.md': await heavyArticle(repeat) }, config: CHECK_CONFIG });
    try {
      const report = await checkProject({ root: project.root });
      expect(report.findings.map((finding) => [finding.rule, finding.severity])).toEqual([[rule, severity]]);
      const html = await readFile(path.join(project.root, 'out/heavy.html'), 'utf8');
      if (rule === 'size/gmail-clip') {
        // Bytes, not characters: fewer characters than the limit, more bytes.
        expect(html.length).toBeLessThan(GMAIL_CLIP_BYTES);
        expect(Buffer.byteLength(html)).toBeGreaterThan(GMAIL_CLIP_BYTES);
      }
      expect(report.findings[0]?.message).toContain(`(${Buffer.byteLength(html).toLocaleString('en-US')} bytes)`);
      expect(report.findings[0]?.message).toMatch(/heaviest: body [\d.]+ KB, template [\d.]+ KB, check box [\d.]+ KB, FAQ [\d.]+ KB/);
    } finally {
      await project.remove();
    }
  });
});

describe('template rules, on a template set with one planted mistake each', () => {
  it('trips each template rule exactly once', async () => {
    const project = await makeProject({ fixtures: ['clean'], templates: 'bad' });
    try {
      const report = await checkProject({ root: project.root });
      const rules = report.findings.map((finding) => finding.rule).sort();
      expect(rules).toEqual(['a11y/lang', 'a11y/layout-table-role', 'a11y/one-h1', 'clients/unsupported-feature', 'images/alt', 'images/https', 'images/width', 'links/in-text']);
      expect(report.findings.find((finding) => finding.rule === 'images/alt')?.message).toMatch(/^the image "https:\/\/example\.com\/grafik\.png" has no alt attribute: describe it with alt="…", or write alt="" if it is only decoration$/);
      const client = report.findings.find((finding) => finding.rule === 'clients/unsupported-feature');
      expect(client).toMatchObject({ file: 'templates/layout.mjml.hbs', line: 24, slug: null, severity: 'warning' });
      expect(client?.message).toContain('<time>');
      expect(client?.message).toContain('Outlook (Windows');
    } finally {
      await project.remove();
    }
  });
});

describe('a11y/contrast', () => {
  it('reports a low-contrast colour of the config once for the whole run, on the config file', async () => {
    const project = await makeProject({ fixtures: ['clean', 'links-insecure-http'], config: { colors: { checkText: '#999999' }, checks: { rules: { 'clients/unsupported-feature': 'off', 'links/insecure-http': 'off' } } } });
    try {
      const report = await checkProject({ root: project.root });
      // the text in the box, and the box's frame (the same colour) against the paper
      expect(report.findings).toHaveLength(2);
      for (const finding of report.findings) expect(finding).toMatchObject({ file: 'newsletter.config.json', slug: null, rule: 'a11y/contrast', severity: 'error' });
      expect(report.findings[0]?.message).toMatch(/colors\.checkText "#999999" on colors\.checkBackground "#ffe14d" .* 2\.\d\d:1, below WCAG AA 4\.5:1: set colors\.checkText to a darker shade such as "#[0-9a-f]{6}"/);
      expect(report.findings[1]?.message).toMatch(/colors\.checkText "#999999" on colors\.paper "#ffffff" \(the check box frame against the paper\) .* 2\.\d\d:1, below WCAG AA for UI components \(1\.4\.11\) 3:1/);
    } finally {
      await project.remove();
    }
  });
});

describe('client support on the real templates', () => {
  it('finds nothing: every feature some client lacks is recorded in the template as accepted', async () => {
    const project = await makeProject({ fixtures: ['clean', 'inbox-preheader-missing'] });
    try {
      const report = await checkProject({ root: project.root });
      expect(report.findings.filter((finding) => finding.rule === 'clients/unsupported-feature')).toEqual([]);
    } finally {
      await project.remove();
    }
  });

  it('without the accept markers, lists each feature once, on the template, however many articles, with the marker to write', async () => {
    const project = await makeProject({ fixtures: ['clean', 'inbox-preheader-missing'] });
    try {
      const styles = path.join(project.root, 'templates/partials/styles.mjml.hbs');
      await writeFile(styles, (await readFile(styles, 'utf8')).replace(/\{\{!-- clients: accept[^\n]*--\}\}/g, '{{!-- --}}'));
      const report = await checkProject({ root: project.root });
      const client = report.findings.filter((finding) => finding.rule === 'clients/unsupported-feature');
      expect(client.map((finding) => finding.message.split(',')[0])).toEqual(
        expect.arrayContaining(['uses white-space: pre-wrap (in pre)', 'uses @media', expect.stringMatching(/^uses Attribute selector/)]),
      );
      for (const finding of client) {
        expect(finding.file).toBe('templates/partials/styles.mjml.hbs');
        expect(finding.slug).toBeNull();
        expect(finding.line).toBeGreaterThan(0);
        expect(finding.message).toMatch(/\{\{!-- clients: accept "[^"]+" because … --\}\}$/);
      }
      const keys = client.map((finding) => `${finding.file}:${finding.line}:${finding.message}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await project.remove();
    }
  });
});

describe('severity overrides', () => {
  it('turns rules off or changes their severity', async () => {
    const project = await makeProject({
      fixtures: ['links-relative', 'inbox-preheader-missing'],
      config: { checks: { rules: { 'clients/unsupported-feature': 'off', 'links/absolute': 'warning', 'inbox/preheader-missing': 'off' } } },
    });
    try {
      const report = await checkProject({ root: project.root });
      expect(report.findings.map((finding) => [finding.rule, finding.severity])).toEqual([['links/absolute', 'warning']]);
    } finally {
      await project.remove();
    }
  });
});

it('has a fixture for every article-level rule', async () => {
  // Rules only a template or the config can trip are covered above; links/unreachable in test/io/probe-links.test.ts;
  // web/structured-data (it needs "webBaseUrl") in test/web/structured-data-rule.test.ts.
  const elsewhere = ['size/gmail-clip', 'size/gmail-clip-risk', 'links/in-text', 'links/unreachable', 'images/alt', 'images/https', 'images/width', 'a11y/lang', 'a11y/one-h1', 'a11y/contrast', 'a11y/layout-table-role', 'clients/unsupported-feature', 'web/structured-data'];
  expect([...Object.values(PLANTED), ...elsewhere].sort()).toEqual([...RULE_IDS].sort());
  expect(await fixtureArticle('clean')).toContain('preheader:');
});
