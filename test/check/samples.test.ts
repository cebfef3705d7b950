import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkProject } from '../../src/check-project.js';
import { REPO_ROOT as REPO, SAMPLE_ARTICLES } from '../helpers/project.js';

/** A copy of the repository's templates with `articles` as its articles folder, checked. */
async function checkArticles(articles: string) {
  const root = await mkdtemp(path.join(tmpdir(), 'check-samples-'));
  try {
    await mkdir(path.join(root, 'articles')); // git keeps no empty folder: a project whose articles were all deleted has none
    await cp(articles, path.join(root, 'articles'), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    return await checkProject({ root });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

it('the sample articles build with no finding at all: features some clients lack are accepted in the templates', async () => {
  const report = await checkArticles(SAMPLE_ARTICLES);
  expect(report.findings).toEqual([]);
  expect(report.summary).toMatchObject({ articles: 2, errors: 0, warnings: 0, info: 0 });
});

// The one test that looks at the editors' articles: whatever is there, and however many, builds without errors.
it('every article in articles/ builds without an error', async () => {
  const report = await checkArticles(path.join(REPO, 'articles'));
  const failed = report.build.articles.filter((article) => article.status === 'failed');
  expect(failed.map((article) => article.file)).toEqual([]);
  expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
});
