import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { espSyntax, type EspProvider } from '../../src/esp/providers.js';
import { loadConfig } from '../../src/io/load-config.js';
import { sendTest } from '../../src/send/send-test.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { smtpUrl, startSmtpServer, type TestServer } from '../send/smtp-test-server.js';

/** Each provider with its name for the "vorname" field. */
const PROVIDERS: [Exclude<EspProvider, 'none'>, string][] = [
  ['mailchimp', 'FNAME'],
  ['brevo', 'FIRSTNAME'],
  ['sendgrid', 'first_name'],
  ['postmark', 'first_name'],
  ['listmonk', 'FirstName'],
];

const article = (lines: string, body: string) => `---\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein kurzer Teaser.\n${lines}\n---\n\n${body}`;
// A personal field in the full story's body and check box, the teaser story's teaser, and the edition's subject and intro.
const FULL = article('title: Der große Deal\nslug: eins\ncheck: Unser Urteil, [[vorname|liebe Leserin]], lohnt sich.', 'Hallo [[vorname|liebe Leserin]], [mehr dazu](https://example.com/mehr?a=1#teil).\n');
const TEASER = article('title: Chips für alle\nslug: zwei\nurl: https://example.com/zwei', 'Der Text der zweiten Geschichte.\n').replace('teaser: Ein kurzer Teaser.', 'teaser: Für [[vorname|liebe Leserin]] erklärt.');
const EDITION = `---
subject: "[[vorname|Hallo]], die Woche in Tech"
date: 2025-11-07
stories: [eins, zwei]
---

Willkommen, [[vorname|liebe Leserin]] – diesmal mit [Extra](https://example.com/extra).
`;
const UTM = { source: 'newsletter', medium: 'email', campaign: '{edition}-{date}' };
const UTM_QUERY = 'utm_source=newsletter&utm_medium=email&utm_campaign=woche-2025-11-07';

let project: TempProject;
beforeAll(async () => {
  project = await makeProject({ articles: { 'eins.md': FULL, 'zwei.md': TEASER } });
  await project.write('editions/woche.md', EDITION);
});
afterAll(() => project.remove());

async function buildWith(provider: EspProvider, field: string, extra: Record<string, unknown> = {}): Promise<{ result: BuildResult; html: string; text: string }> {
  const out = `out-${provider}`;
  await project.write('newsletter.config.json', JSON.stringify({ esp: { provider, fields: { vorname: field } }, utm: UTM, paths: { out }, ...extra }));
  const result = await build({ config: await loadConfig({ root: project.root }) });
  const [html, text] = await Promise.all([readFile(path.join(project.root, out, 'editions/woche.html'), 'utf8'), readFile(path.join(project.root, out, 'editions/woche.txt'), 'utf8')]);
  return { result, html, text };
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(PROVIDERS)('an edition with esp.provider "%s"', (provider, field) => {
  const syntax = espSyntax(provider)!;
  let built: Awaited<ReturnType<typeof buildWith>>;
  beforeAll(async () => {
    built = await buildWith(provider, field);
  });

  it('writes the personal fields of subject, intro and stories as the ESP\'s tags, in the HTML and the text part', () => {
    expect(built.result.problems).toEqual([]);
    expect(built.result.editions?.map((edition) => edition.status)).toEqual(['built']);
    const tag = syntax.field(field, 'liebe Leserin');
    const greeting = syntax.field(field, 'Hallo');
    // intro, body, check box, teaser (the preheader is the first story's teaser, which has none)
    expect(count(built.html, tag)).toBeGreaterThanOrEqual(4);
    expect(count(built.text, tag)).toBe(4);
    expect(built.html).toContain(`<title>${greeting}, die Woche in Tech</title>`);
    expect(built.html).toMatch(new RegExp(`<h1[^>]*>${escapeRegExp(greeting)}, die Woche in Tech</h1>`));
    expect(built.text).toContain(`${greeting}, die Woche in Tech\n`);
    for (const part of [built.html, built.text]) {
      expect(part).not.toMatch(/esp7q3x/);
      expect(part).not.toContain('[[vorname');
    }
  });

  it('links the unsubscribe and web-version tags as they are', () => {
    expect(built.html).toContain(`href="${syntax.unsubscribe}"`);
    expect(built.text).toContain(`Newsletter abbestellen: ${syntax.unsubscribe}\n`);
    if (syntax.webVersion === null) {
      expect(`${built.html}${built.text}`).not.toContain('Im Browser ansehen');
    } else {
      expect(built.html).toMatch(new RegExp(`<a href="${escapeRegExp(syntax.webVersion)}"[^>]*>Im Browser ansehen</a>`));
      expect(built.text.startsWith(`Im Browser ansehen: ${syntax.webVersion}\n`)).toBe(true);
    }
  });

  it('adds the edition\'s UTM parameters to its web links, never to tags', () => {
    expect(built.html).toContain(`href="https://example.com/mehr?a=1&amp;${UTM_QUERY.replace(/&/g, '&amp;')}#teil"`);
    expect(built.html).toContain(`href="https://example.com/extra?${UTM_QUERY.replace(/&/g, '&amp;')}"`);
    expect(built.text).toContain(`https://example.com/zwei?${UTM_QUERY}`);
    expect(built.html).not.toMatch(new RegExp(`${escapeRegExp(syntax.unsubscribe)}[?&]utm_`));
  });
});

describe('an edition without an ESP, and its test send', () => {
  it('shows the fallback text, the unsubscribe page and the edition\'s web page, which get no UTM', async () => {
    const { result, html, text } = await buildWith('none', 'FNAME', { webBaseUrl: 'https://example.com/newsletter' });
    expect(result.problems).toEqual([]);
    expect(html).toMatch(/<h1[^>]*>Hallo, die Woche in Tech<\/h1>/);
    expect(html).toContain('Willkommen, liebe Leserin');
    expect(text).toContain('Hallo liebe Leserin');
    expect(html).toContain('href="https://example.com/newsletter/abmelden"');
    expect(html).toMatch(/<a href="https:\/\/example\.com\/newsletter\/editions\/woche\/"[^>]*>Im Browser ansehen<\/a>/);
    expect(text.startsWith('Im Browser ansehen: https://example.com/newsletter/editions/woche/\n')).toBe(true);
    expect(`${html}${text}`).not.toMatch(/esp7q3x|\[\[vorname|\*\|/);
  });

  it('a test send of an edition carries fallbacks, never tags, while out/ keeps them', async () => {
    const server: TestServer = await startSmtpServer();
    try {
      await buildWith('mailchimp', 'FNAME');
      const config = await loadConfig({ root: project.root });
      await sendTest({ config, target: 'editions/woche.md', to: ['leser@example.com'], env: { SMTP_URL: smtpUrl(server.port) } });
      const [message] = server.messages;
      const mail = await simpleParser(message?.raw ?? '');
      expect(mail.subject).toBe('Hallo, die Woche in Tech');
      expect(mail.html).toContain('Willkommen, liebe Leserin');
      expect(mail.text).toContain('Hallo liebe Leserin');
      expect(`${String(mail.html)}${mail.text ?? ''}`).not.toMatch(/\*\||esp7q3x/);
      expect(await readFile(path.join(project.root, 'out-mailchimp/editions/woche.html'), 'utf8')).toContain('*|UNSUB|*');
    } finally {
      await server.close();
    }
  });

  it('fails the edition with one line naming it when its subject uses an undeclared field', async () => {
    await project.write('editions/woche.md', EDITION.replace('[[vorname|Hallo]]', '[[vornam|Hallo]]'));
    try {
      const { result } = await buildWith('mailchimp', 'FNAME').catch(() => ({ result: undefined }));
      const [edition] = result?.editions ?? [];
      expect(edition?.status).toBe('failed');
      expect(edition?.status === 'failed' && `${edition.error.file}: ${edition.error.message}`).toMatch(/^editions\/woche\.md: unknown personal field "vornam" in \[\[vornam\|Hallo\]\] \(did you mean "vorname"\?\)/);
    } finally {
      await project.write('editions/woche.md', EDITION);
    }
  });
});
