import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { espSyntax, type EspProvider } from '../../src/esp/providers.js';
import { loadConfig } from '../../src/io/load-config.js';
import { createPreviewBuilder } from '../../src/preview/preview-builder.js';
import { sendTest } from '../../src/send/send-test.js';
import { makeProject, type TempProject } from '../helpers/project.js';

/** Each provider with a field name written as that ESP writes it. */
const PROVIDERS: [Exclude<EspProvider, 'none'>, string, string][] = [
  ['mailchimp', 'FNAME', 'CITY'],
  ['brevo', 'FIRSTNAME', 'CITY'],
  ['sendgrid', 'first_name', 'city'],
  ['postmark', 'first_name', 'city'],
  ['listmonk', 'FirstName', 'Attribs.ort'],
];

// A personal field everywhere editors may write one: teaser, preheader, body (inside emphasis, a link text,
// a list, a long-word paragraph that gets soft hyphens), the check box and an FAQ answer. The second field's
// fallback has an "&", which the HTML part writes as an entity and the text part as it is.
const PERSONAL = [
  '---',
  'title: Testartikel',
  'category: Tech & Trends',
  'date: 2025-11-04',
  ...[
    'teaser: Guten Morgen, [[vorname|liebe Leserin]]! Heute geht es um Rechenzentrumsinfrastruktur.',
    'preheader: Für [[vorname|liebe Leserin]] ausgewählt',
    'url: https://example.com/artikel?ref=web#oben',
    'check: |',
    '  Unser Urteil, [[vorname|liebe Leserin]]: lohnt sich.',
    'faq:',
    '  - question: Was heißt das?',
    '    answer: Das heißt, [[vorname|liebe Leserin]], dass es teuer wird.',
    'sources: [{ name: Spiegel, url: "https://www.spiegel.de/?x=1" }]',
  ],
  '---',
  '',
  ...[
    '*Hallo [[vorname|liebe Leserin]]*, willkommen. Donaudampfschifffahrtsgesellschaftskapitän [[vorname|liebe Leserin]] liest mit.',
    '',
    '- Punkt für [[ort|Stadt & Land]]',
    '- [Mehr für [[vorname|liebe Leserin]]](https://example.com/mehr?a=1&b=2#teil)',
    '',
    'Ein [[Begriff]] in doppelten Klammern bleibt Text, [[ so ]] auch.',
    '',
  ],
].join('\n');

const UTM = { source: 'newsletter', medium: 'email', campaign: '{slug}-{date}' };
const UTM_QUERY = 'utm_source=newsletter&utm_medium=email&utm_campaign=testartikel-2025-11-04';

let project: TempProject;
beforeAll(async () => {
  project = await makeProject({ articles: { 'testartikel.md': PERSONAL } });
});
afterAll(() => project.remove());

async function buildWith(provider: EspProvider, field: string, city: string, fastPath: boolean): Promise<{ result: BuildResult; html: string; text: string }> {
  const out = `out-${provider}-${fastPath ? 'fast' : 'full'}`;
  const config = { esp: { provider, fields: { vorname: field, ort: city } }, utm: UTM, paths: { out } };
  await project.write('newsletter.config.json', JSON.stringify(config));
  const result = await build({ config: await loadConfig({ root: project.root }), fastPath });
  const [html, text] = await Promise.all([readFile(path.join(project.root, out, 'testartikel.html'), 'utf8'), readFile(path.join(project.root, out, 'testartikel.txt'), 'utf8')]);
  return { result, html, text };
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(PROVIDERS)('esp.provider "%s": tags byte-exact through both render paths', (provider, field, city) => {
  const syntax = espSyntax(provider)!;
  let fast: Awaited<ReturnType<typeof buildWith>>;
  let full: Awaited<ReturnType<typeof buildWith>>;
  beforeAll(async () => {
    fast = await buildWith(provider, field, city, true);
    full = await buildWith(provider, field, city, false);
  });

  it('builds on the fast path, and the MJML path writes the same bytes', () => {
    expect(fast.result.problems).toEqual([]);
    expect(fast.result.articles.map((entry) => [entry.status, 'renderPath' in entry ? entry.renderPath : null])).toEqual([['built', 'fast']]);
    expect(full.result.articles.map((entry) => [entry.status, 'renderPath' in entry ? entry.renderPath : null])).toEqual([['built', 'full']]);
    expect(fast.html).toBe(full.html);
    expect(fast.text).toBe(full.text);
  });

  it('writes every personal field as the ESP\'s tag with its fallback, in the HTML and the text part', () => {
    const tag = syntax.field(field, 'liebe Leserin');
    // teaser, preheader, body (3), check box, FAQ answer
    expect(count(fast.html, tag)).toBe(7);
    // teaser, body (3), check box, FAQ answer: the preheader is not part of the text
    expect(count(fast.text, tag)).toBe(6);
    expect(fast.html).toContain(syntax.field(city, 'Stadt &amp; Land'));
    expect(fast.text).toContain(syntax.field(city, 'Stadt & Land'));
    for (const part of [fast.html, fast.text]) {
      expect(part).not.toMatch(/esp7q3x/); // no token left
      expect(part).not.toContain('[[vorname');
      expect(part).toContain('[[Begriff]]');
      expect(part).toContain('[[ so ]]');
    }
  });

  it('links the unsubscribe and web-version tags as they are, in the HTML and the text part', () => {
    expect(fast.html).toContain(`href="${syntax.unsubscribe}"`);
    expect(fast.text).toContain(`Newsletter abbestellen: ${syntax.unsubscribe}\n`);
    if (syntax.webVersion === null) {
      expect(fast.html).not.toContain('Im Browser ansehen');
      expect(fast.text).not.toContain('Im Browser ansehen');
    } else {
      expect(fast.html).toMatch(new RegExp(`<a href="${escapeRegExp(syntax.webVersion)}"[^>]*>Im Browser ansehen</a>`));
      expect(fast.text.startsWith(`Im Browser ansehen: ${syntax.webVersion}\n`)).toBe(true);
    }
  });

  it('adds UTM parameters to web links (keeping query and fragment), never to tags or images', () => {
    expect(fast.html).toContain(`href="https://example.com/mehr?a=1&amp;b=2&amp;${UTM_QUERY.replace(/&/g, '&amp;')}#teil"`);
    expect(fast.text).toContain(`https://example.com/mehr?a=1&b=2&${UTM_QUERY}#teil`);
    expect(fast.html).toContain(`href="https://example.com/artikel?ref=web&amp;${UTM_QUERY.replace(/&/g, '&amp;')}#oben"`);
    expect(fast.text).toContain(`https://www.spiegel.de/?x=1&${UTM_QUERY}`);
    expect(fast.html).not.toMatch(new RegExp(`${escapeRegExp(syntax.unsubscribe)}[?&]utm_`));
  });
});

describe('provider "none", test sends and the preview', () => {
  it('shows the fallback text and plain links when no ESP is set', async () => {
    const { result, html, text } = await buildWith('none', 'FNAME', 'CITY', true);
    expect(result.problems).toEqual([]);
    expect(html).toContain('Hallo liebe Leserin');
    expect(html).toContain('Stadt &amp; Land');
    expect(text).toContain('Punkt für Stadt & Land');
    expect(html).toContain('href="https://example.com/newsletter/abmelden"'); // the unsubscribe page gets no UTM
    expect(html).not.toContain('Im Browser ansehen');
    expect(`${html}${text}`).not.toMatch(/esp7q3x|\[\[vorname|\*\|/);
  });

  it('a test send never carries raw tags: fallbacks and the unsubscribe page, while out/ keeps the tags', async () => {
    await project.write('newsletter.config.json', JSON.stringify({ esp: { provider: 'mailchimp', fields: { vorname: 'FNAME', ort: 'CITY' } } }));
    const config = await loadConfig({ root: project.root });
    const result = await sendTest({ config, target: 'testartikel', dryRun: true, env: {} });
    const message = await simpleParser(await readFile(result.emlFile!));
    expect(message.html).toContain('Hallo liebe Leserin');
    expect(message.text).toContain('Stadt & Land');
    expect(`${message.html}${message.text}`).not.toMatch(/\*\||esp7q3x|\[\[vorname/);
    expect(message.headerLines.find((line) => line.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <https://example.com/newsletter/abmelden>');
    // out/ was not touched by the test send
    await build({ config });
    expect(await readFile(path.join(project.root, 'out', 'testartikel.html'), 'utf8')).toContain('*|UNSUB|*');
    expect(await readFile(path.join(project.root, 'out', 'testartikel.eml'), 'utf8')).not.toContain('*|UNSUB|*');
  });
});

describe('the preview', () => {
  it('shows what a test send delivers: fallbacks, no tags, built apart from out/', async () => {
    await project.write('newsletter.config.json', JSON.stringify({ esp: { provider: 'brevo', fields: { vorname: 'FIRSTNAME', ort: 'CITY' } } }));
    const builder = createPreviewBuilder({ config: await loadConfig({ root: project.root }), drafts: false });
    const report = await builder.initial();
    expect(report.problems).toEqual([]);
    const shown = builder.state.newsletters.get('articles/testartikel.md');
    expect(shown?.htmlFile.startsWith(path.join(project.root, 'out') + path.sep)).toBe(false);
    const html = await readFile(shown?.htmlFile ?? '', 'utf8');
    expect(html).toContain('Hallo liebe Leserin');
    expect(html).not.toMatch(/\{\{ contact\.|\{\{ unsubscribe \}\}|esp7q3x/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
