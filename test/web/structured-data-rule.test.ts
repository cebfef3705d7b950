import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check-project.js';
import { articleStructuredData } from '../../src/web/json-ld.js';
import { structuredDataProblems } from '../../src/web/validate-structured-data.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';
import { BASE } from './site-helpers.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const PLANTED = `---
title: Testartikel
category: Tech & Trends
date: 2025-11-04
teaser: Ein kurzer Teaser.
preheader: Ein Vorschautext, der lang genug ist, um die Prüfung zu bestehen.
check: Ein Urteil.
faq:
  - question: Was kostet das?
    answer: Viel.
  - question: Und was bleibt?
    answer: |
      ---
  - question: was kostet das?
    answer: Immer noch viel.
---

Ein Absatz.
`;

/** Only this rule: the others are tested on their own fixtures. */
const ONLY_THIS_RULE = { checks: { rules: { 'clients/unsupported-feature': 'off', 'content/faq-answer': 'off', 'a11y/heading-order': 'off' } } };

describe('web/structured-data', () => {
  it('names an answer without text and a question asked twice, with file and line', async () => {
    project = await makeProject({ articles: { 'x.md': PLANTED }, config: { webBaseUrl: BASE, ...ONLY_THIS_RULE } });
    const report = await checkProject({ root: project.root });
    const findings = report.findings.filter((finding) => finding.rule === 'web/structured-data');
    expect(findings.map((finding) => [finding.file, finding.line, finding.severity])).toEqual([
      ['articles/x.md', 12, 'warning'],
      ['articles/x.md', 14, 'warning'],
    ]);
    expect(findings[0]?.message).toMatch(/faq\[1\] \("Und was bleibt\?"\).*no text.*: write the answer in words$/);
    expect(findings[1]?.message).toMatch(/faq\[2\] asks "was kostet das\?" again \(as faq\[0\]\).*merge the two entries$/);
  });

  it('is quiet without webBaseUrl (there is no web page) and for a sound article', async () => {
    project = await makeProject({ articles: { 'x.md': PLANTED, 'ok.md': article('faq:\n  - question: Warum?\n    answer: Darum.') }, config: ONLY_THIS_RULE });
    let report = await checkProject({ root: project.root });
    expect(report.findings.filter((finding) => finding.rule === 'web/structured-data')).toEqual([]);
    await project.write('newsletter.config.json', JSON.stringify({ webBaseUrl: BASE, ...ONLY_THIS_RULE }));
    report = await checkProject({ root: project.root });
    expect(report.findings.filter((finding) => finding.rule === 'web/structured-data').map((finding) => finding.file)).toEqual(['articles/x.md', 'articles/x.md']);
  });

  it('finds missing required properties in any structured data', () => {
    const problems = structuredDataProblems({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'NewsArticle', headline: ' ', description: '', datePublished: '4.11.2025', author: {}, publisher: { name: '' } },
        { '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: '', acceptedAnswer: { '@type': 'Answer' } }] },
      ],
    });
    expect(problems.map((problem) => problem.key)).toEqual(['title', 'teaser', 'date', 'author', null, 'faq[0].question', 'faq[0].answer']);
    expect(structuredDataProblems({ '@context': 'https://schema.org', '@graph': [] })).toHaveLength(1);
  });

  it('finds nothing in what the web pages carry for a sound article', () => {
    const data = articleStructuredData({
      view: { title: 'T', teaser: 'Teaser', date: '2025-11-04', lang: 'de', category: 'K', author: null, brand: 'Business Punk', image: null, faq: [{ question: 'Q?', answerHtml: '<p>A.</p>' }] } as never,
      url: `${BASE}/x/`,
      webBaseUrl: BASE,
    });
    expect(structuredDataProblems(data)).toEqual([]);
  });
});
