import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/config.js';
import { parseUserConfig } from '../../src/config/parse-user-config.js';
import { formatProblem, isNewsletterError } from '../../src/errors.js';
import { findPersonalFields, personaliseText, prepareEspRender, type TagTable } from '../../src/pipeline/personalise.js';
import type { Article } from '../../src/pipeline/validate-article.js';
import { sizeGmailClip } from '../../src/check/rules/size-gmail-clip.js';
import { sizeGmailClipRisk } from '../../src/check/rules/size-gmail-clip-risk.js';
import type { CheckInput } from '../../src/check/types.js';
import { makeProject } from '../helpers/project.js';

const FIELDS = { vorname: 'FNAME', ort: 'CITY' };

describe('findPersonalFields', () => {
  it.each([
    ['Hallo [[vorname|liebe Leserin]]!', [], ['vorname:liebe Leserin']],
    ['[[vorname| Leser ]] und [[ort|Stadt]]', [], ['vorname:Leser', 'ort:Stadt']],
    ['Ein [[Begriff]], ein [[ so ]], [[1]] und [[x y|z]] bleiben Text', [], []],
    ['Hallo [[vornme|Leserin]]', ['unknown personal field "vornme" in [[vornme|Leserin]] (did you mean "vorname"?): correct the name'], []],
    ['Hallo [[anrede|Hallo]]', ['unknown personal field "anrede" in [[anrede|Hallo]]: declare it in "esp.fields" of newsletter.config.json (declared: vorname, ort)'], []],
    ['Hallo [[vorname]]', ['the personal field [[vorname]] has no fallback: write the text readers without a "vorname" see, e.g. [[vorname|liebe Leserin]]'], []],
    ['Hallo [[vorname| ]]', ['the personal field [[vorname| ]] has no fallback: write the text readers without a "vorname" see, e.g. [[vorname|liebe Leserin]]'], []],
    ['Hallo [[vorname|"du"]]', ['the fallback of [[vorname|"du"]] contains """, which would break the ESP\'s tag: write the fallback without it'], []],
    ['Hallo [[vorname|{{x}}]]', ['the fallback of [[vorname|{{x}}]] contains "{", which would break the ESP\'s tag: write the fallback without it'], []],
  ])('%s', (text, problems, found) => {
    const result = findPersonalFields(text, FIELDS);
    expect(result.problems.map((problem) => problem.message)).toEqual(problems);
    expect(result.found.map((field) => `${field.name}:${field.fallback}`)).toEqual(found);
  });

  it('fills in fallbacks without an ESP and tokens with one', () => {
    const none = { provider: 'none' as const, fields: FIELDS, overheadBytes: 0, listId: null };
    expect(personaliseText('Hallo [[vorname|Leserin]], [[Begriff]]', none, null)).toBe('Hallo Leserin, [[Begriff]]');
    const tags: TagTable = new Map();
    const brevo = { ...none, provider: 'brevo' as const };
    expect(personaliseText('A [[vorname|Leserin & Leser]] B [[ort|Köln]]', brevo, tags)).toBe('A esp7q3x0x B esp7q3x1x');
    expect([...tags.values()]).toEqual([
      { html: '{{ contact.FNAME | default : "Leserin &amp; Leser" }}', text: '{{ contact.FNAME | default : "Leserin & Leser" }}' },
      { html: '{{ contact.CITY | default : "Köln" }}', text: '{{ contact.CITY | default : "Köln" }}' },
    ]);
  });
});

describe('prepareEspRender', () => {
  it('writes a tag inside an HTML attribute attribute-safe, and raw in text', () => {
    const article = { slug: 'a', date: '2025-11-04', file: 'articles/a.md', title: 'T', category: 'C', teaser: 'T', body: 'x [[vorname|du x onerror=alert(1)]] y', sources: [], draft: false } as unknown as Article;
    const config = { esp: { provider: 'brevo' as const, fields: FIELDS, overheadBytes: 0, listId: null }, unsubscribeUrl: 'https://example.com/ab', utm: null };
    const esp = prepareEspRender(article, config);
    const token = /esp7q3x\d+x/.exec(esp.article.body)?.[0] ?? '';
    const result = esp.finish({ html: `<img alt="Bild ${token}" src="https://example.com/b.jpg"><p>${token}</p>`, text: `${token}\n` });
    const tag = '{{ contact.FNAME | default : "du x onerror=alert(1)" }}';
    expect(result.html).toBe(`<img alt="Bild ${tag.replace(/"/g, '&quot;')}" src="https://example.com/b.jpg"><p>${tag}</p>`);
    expect(result.text).toBe(`${tag}\n`);
  });
});

describe('personal fields in articles', () => {
  it('fails the article with every problem, each with its line, and builds the others', async () => {
    const project = await makeProject({
      config: { esp: { provider: 'mailchimp', fields: FIELDS } },
      articles: {
        'gut.md': '---\ntitle: Gut\ncategory: Tech\ndate: 2025-11-04\nteaser: Hallo [[vorname|Leserin]]\n---\n\nText.\n',
        'schlecht.md': [
          '---',
          'title: Schlecht',
          'category: Tech',
          'date: 2025-11-04',
          'teaser: Hallo [[vornme|Leserin]]',
          'preheader: Für [[vorname]]',
          '---',
          '',
          'Erster Absatz.',
          '',
          'Hallo [[anrede|Guten Tag]], [[Begriff]] bleibt.',
          '',
        ].join('\n'),
      },
    });
    try {
      const result = await build({ root: project.root });
      const failed = result.articles.find((entry) => entry.file === 'articles/schlecht.md');
      expect(result.articles.find((entry) => entry.file === 'articles/gut.md')?.status).toBe('built');
      expect(failed?.status).toBe('failed');
      const error = failed?.status === 'failed' ? failed.error : undefined;
      expect(isNewsletterError(error)).toBe(true);
      expect(isNewsletterError(error) ? error.problems.map(formatProblem) : []).toEqual([
        'articles/schlecht.md:11: unknown personal field "anrede" in [[anrede|Guten Tag]]: declare it in "esp.fields" of newsletter.config.json (declared: vorname, ort)',
        'articles/schlecht.md:5: unknown personal field "vornme" in [[vornme|Leserin]] (did you mean "vorname"?): correct the name',
        'articles/schlecht.md:6: the personal field [[vorname]] has no fallback: write the text readers without a "vorname" see, e.g. [[vorname|liebe Leserin]]',
      ]);
    } finally {
      await project.remove();
    }
  });
});

describe('config: esp and utm', () => {
  const problemOf = (config: unknown) => {
    try {
      parseUserConfig(JSON.stringify(config, null, 2), 'newsletter.config.json');
      return 'no problem';
    } catch (error) {
      return isNewsletterError(error) ? error.problems.map(formatProblem).join('\n') : String(error);
    }
  };

  it.each([
    [{ esp: { provider: 'mailchim' } }, /"esp.provider" must be one of "none", "mailchimp", "brevo", "sendgrid", "postmark", "listmonk"/],
    [{ esp: { provider: 'mailchimp', fields: { vorname: 'fname' } } }, /"fname" is not a Mailchimp field name: write it as Mailchimp does, e.g. "FNAME"/],
    [{ esp: { provider: 'brevo', fields: { 'vor name': 'FIRSTNAME' } } }, /"vor name" is not a name editors can write in \[\[name\|fallback\]\]/],
    [{ esp: { provder: 'brevo' } }, /unknown key "esp.provder" \(did you mean "provider"\?\)/],
    [{ esp: { overheadBytes: -1 } }, /must be 0 or more bytes/],
    [{ utm: { source: 'newsletter', medium: 'email', campaign: '{titel}' } }, /uses the unknown placeholder \{titel\}: the placeholders are \{slug\}, \{date\}, \{edition\}/],
    [{ utm: { source: 'newsletter', medium: 'email' } }, /"utm.campaign"/],
    [{ unsubscribeUrl: '*|UNSUB|*' }, /is an ESP tag, not a page: set "esp": \{ "provider": … \}/],
    [{ unsubscribeUrl: 'http://example.com/abmelden' }, /must be an absolute https:\/\/ URL/],
  ])('%j', (config, expected) => {
    expect(problemOf(config)).toMatch(expected);
  });

  it('resolves a default overhead per provider, and none without one', () => {
    expect(resolveConfig({}, '/tmp').esp).toEqual({ provider: 'none', fields: {}, overheadBytes: 0, listId: null });
    expect(resolveConfig({ esp: { provider: 'mailchimp' } }, '/tmp').esp.overheadBytes).toBe(3000);
    expect(resolveConfig({ esp: { provider: 'brevo', overheadBytes: 100 } }, '/tmp').esp.overheadBytes).toBe(100);
    expect(resolveConfig({ utm: null }, '/tmp').utm).toBeNull();
  });
});

describe('esp.overheadBytes in the Gmail clipping rules', () => {
  const input = (bytes: number, overheadBytes: number) =>
    ({ html: `<html><body><p>${'x'.repeat(bytes - 33)}</p></body></html>`, config: resolveConfig({ esp: { provider: 'brevo', overheadBytes } }, '/tmp'), view: { bodyHtml: '', checkHtml: null, faq: null } }) as unknown as CheckInput;

  it('adds what the ESP adds before judging the size', () => {
    expect(Buffer.byteLength(input(100_000, 0).html)).toBe(100_000);
    expect(sizeGmailClip.check(input(100_000, 0))).toEqual([]);
    expect(sizeGmailClip.check(input(100_000, 2500)).map((finding) => finding.message)[0]).toMatch(/^the HTML is 100.1 KB \(102,500 bytes\) with the 2.4 KB \(2,500 bytes\) the ESP adds, over Gmail's clipping limit/);
    expect(sizeGmailClipRisk.check(input(90_000, 0))).toEqual([]);
    expect(sizeGmailClipRisk.check(input(90_000, 3000)).map((finding) => finding.message)[0]).toMatch(/^the HTML is 90.8 KB \(93,000 bytes\) with the 2.9 KB \(3,000 bytes\) the ESP adds, 91 % of Gmail's clipping limit/);
  });
});
