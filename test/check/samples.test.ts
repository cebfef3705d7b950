import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.js';
import { REPO } from './fixture-project.js';

it('the sample articles have no errors, and only the warnings we know and accept', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'check-samples-'));
  try {
    await cp(path.join(REPO, 'articles'), path.join(root, 'articles'), { recursive: true });
    await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    const report = await checkProject({ root });
    expect(report.summary).toMatchObject({ articles: 2, errors: 0 });
    expect(report.findings.map((finding) => `${finding.file}${finding.line ? `:${finding.line}` : ''} ${finding.rule}`)).toEqual([
      // Outlook for Windows does not wrap <pre>; only code blocks are affected.
      'templates/partials/styles.mjml.hbs:21 clients/unsupported-feature',
      // Phone and dark-mode tweaks: clients without @media show the desktop light layout, which works.
      'templates/partials/styles.mjml.hbs:30 clients/unsupported-feature',
    ]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
