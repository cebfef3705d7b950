import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { checkProject } from '../../src/check-project.js';
import { resolveConfig } from '../../src/config/config.js';
import { sendTest } from '../../src/send/send-test.js';
import { article, makeProject, type TempProject } from '../helpers/project.js';

const LONG_TITLE = 'Vier-Tage-Woche: Die Bilanz nach einem Jahr in hundert deutschen Unternehmen und was daraus folgt';

describe('subject and headline are two things', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject({
      articles: {
        'mit-betreff.md': article(`subject: "Vier-Tage-Woche: Die Bilanz"`).replace('title: Testartikel', `title: "${LONG_TITLE}"`),
        'ohne-betreff.md': article().replace('title: Testartikel', `title: "${LONG_TITLE}"`),
        'langer-betreff.md': article(`subject: "${LONG_TITLE}"`),
      },
      config: { checks: { rules: { 'clients/unsupported-feature': 'off' } } },
    });
  });
  afterAll(() => project.remove());

  it('the subject is the email subject and <title>; the headline stays the title', async () => {
    const result = await build({ root: project.root });
    const built = result.articles.find((each) => each.file === 'articles/mit-betreff.md');
    expect(built).toMatchObject({ title: LONG_TITLE, subject: 'Vier-Tage-Woche: Die Bilanz' });
    const html = await readFile(path.join(project.out, 'mit-betreff.html'), 'utf8');
    expect(html).toContain('<title>Vier-Tage-Woche: Die Bilanz</title>');
    expect(html).toMatch(/<h1[^>]*>Vier-Tage-Woche: Die Bilanz nach einem Jahr/);
    const sent = await sendTest({ config: resolveConfig({}, project.root), target: 'mit-betreff', dryRun: true, env: {} });
    const message = await simpleParser(await readFile(sent.emlFile ?? '', 'utf8'));
    expect(message.subject).toBe('Vier-Tage-Woche: Die Bilanz');
  });

  it('inbox/subject-length judges the subject, else the title, naming its line', async () => {
    const report = await checkProject({ root: project.root });
    const byFile = Object.fromEntries(report.findings.filter((finding) => finding.rule === 'inbox/subject-length').map((finding) => [finding.file, [finding.line, finding.message.slice(0, 40)]]));
    expect(byFile).toEqual({
      'articles/ohne-betreff.md': [2, 'the title, which is also the subject lin'],
      'articles/langer-betreff.md': [6, 'the subject has 97 characters and inboxe'],
    });
  });

  it('refuses a subject over two lines', async () => {
    const broken = await makeProject({ articles: { 'a.md': article('subject: "Zeile eins\\nZeile zwei"') } });
    try {
      const result = await build({ root: broken.root });
      const [failed] = result.articles;
      expect(failed?.status).toBe('failed');
      expect(failed?.status === 'failed' ? failed.error.problems[0] : undefined).toMatchObject({ line: 6, message: expect.stringMatching(/^"subject" must be a single line/) });
    } finally {
      await broken.remove();
    }
  });
});
