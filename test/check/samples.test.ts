import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkProject } from '../../src/check-project.js';
import { REPO } from './fixture-project.js';

it('the sample articles build with no finding at all: features some clients lack are accepted in the templates', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'check-samples-'));
  try {
    await cp(path.join(REPO, 'articles'), path.join(root, 'articles'), { recursive: true });
    await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    const report = await checkProject({ root });
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ articles: 2, errors: 0, warnings: 0, info: 0 });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
