import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendError } from '../../src/errors.js';
import { loadConfig } from '../../src/io/load-config.js';
import { sendTest } from '../../src/send/send-test.js';
import type { ResolvedConfig } from '../../src/config/config.js';
import { makeProject, type TempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';
import { smtpUrl, startSmtpServer, type TestServer } from '../send/smtp-test-server.js';

const article = (lines: string) => `---\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein kurzer Teaser.\n${lines}\n---\n\nEin Absatz.\n`;
const SUBJECT = 'Die Woche in Tech: Deals und Chips';

describe('send-test with an edition', () => {
  let project: TempProject;
  let config: ResolvedConfig;
  let server: TestServer;

  beforeAll(async () => {
    project = await makeProject({
      articles: { 'eins.md': article('title: Der Deal\nurl: https://example.com/eins'), 'zwei.md': article('title: Die Chips\nurl: https://example.com/zwei') },
      config: { from: 'Business Punk Redaktion <newsletter@bp.example.org>' },
    });
    await project.write('editions/woche-45.md', `---\nsubject: "${SUBJECT}"\ndate: 2025-11-07\npreheader: Was diese Woche zählt, in zwei Geschichten.\nstories: [eins, zwei]\n---\n`);
    config = await loadConfig({ root: project.root });
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  it('sends editions/<name>.md as a multipart message of exactly the built files, with the same headers as an article', async () => {
    const before = server.messages.length;
    const result = await sendTest({ config, target: 'editions/woche-45.md', to: ['leser@example.com'], env: { SMTP_URL: smtpUrl(server.port) } });
    expect(result).toMatchObject({ slug: 'woche-45', accepted: ['leser@example.com'], rejected: [], subject: SUBJECT, emlFile: null });
    const parsed = await simpleParser(server.messages[before]?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.html).toBe(await readFile(path.join(project.out, 'editions/woche-45.html'), 'utf8'));
    expect(parsed.text).toBe(await readFile(path.join(project.out, 'editions/woche-45.txt'), 'utf8'));
    expect(parsed.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://example.com/newsletter/abmelden' } });
    expect(parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed.messageId).toMatch(/^<woche-45\./);
  });

  it('finds an edition by slug with --edition, and names the known ones when the slug is wrong', async () => {
    const result = await sendTest({ config, target: 'woche-45', edition: true, to: ['leser@example.com'], env: { SMTP_URL: smtpUrl(server.port) } });
    expect(result.subject).toBe(SUBJECT);
    await expect(sendTest({ config, target: 'woche-54', edition: true, to: ['leser@example.com'], env: { SMTP_URL: smtpUrl(server.port) } })).rejects.toThrow(
      new SendError('no edition with the slug "woche-54" (did you mean "woche-45"?)'),
    );
    await expect(sendTest({ config, target: 'editions/woche-46.md', to: ['leser@example.com'], env: { SMTP_URL: smtpUrl(server.port) } })).rejects.toThrow(/^editions\/woche-46\.md: no such edition: did you mean editions\/woche-45\.md\?$/);
  });

  it('--dry-run --edition writes out/editions/<slug>.eml from the CLI', async () => {
    const run = await runCli('send-test', ['--edition', 'woche-45', '--dry-run'], { cwd: project.root, env: { SMTP_URL: undefined } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ wrote out\/editions\/woche-45\.eml \(\d+\.\d KB\), nothing sent/m);
    const parsed = await simpleParser(await readFile(path.join(project.out, 'editions/woche-45.eml')));
    expect(parsed.subject).toBe(SUBJECT);
    const both = await runCli('send-test', ['eins', '--edition', 'woche-45', '--dry-run'], { cwd: project.root });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('name one newsletter: a slug or file, or --edition <slug>, not both\n');
  });
});
