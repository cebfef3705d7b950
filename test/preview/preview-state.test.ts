import { describe, expect, it } from 'vitest';
import type { ArticleResult, BuildResult } from '../../src/build.js';
import { resolveConfig } from '../../src/config/config.js';
import { ArticleError } from '../../src/errors.js';
import { applyBuildResult, createPreviewState, sortNewestFirst } from '../../src/preview/preview-state.js';

const config = resolveConfig({}, '/p');
const built = (file: string, slug: string, date = '2025-11-04', status: 'built' | 'cached' = 'built'): ArticleResult => ({
  status,
  file,
  slug,
  title: slug,
  subject: slug,
  category: 'Test',
  date,
  draft: false,
  htmlFile: `/p/out/${slug}.html`,
  textFile: `/p/out/${slug}.txt`,
  htmlBytes: 1,
  textBytes: 1,
  findings: [],
});
const failed = (file: string): ArticleResult => ({ status: 'failed', file, error: new ArticleError('bad key', { file, line: 3 }) });
const result = (articles: ArticleResult[]): BuildResult => ({ config, articles, removed: [], problems: [], durationMs: 5 });
const now = new Date('2025-11-26T10:00:00Z');

describe('applyBuildResult', () => {
  it('keeps the last good version of a failing article and reports both', () => {
    const state = createPreviewState(config);
    applyBuildResult(state, result([built('articles/a.md', 'a'), built('articles/b.md', 'b')]), true, now);
    const change = applyBuildResult(state, result([failed('articles/a.md')]), false, now);
    expect(change).toEqual({ newsletters: [{ file: 'articles/a.md', slug: 'a' }], files: ['articles/a.md'] });
    expect(state.newsletters.get('articles/a.md')?.slug).toBe('a');
    expect([...state.articleProblems.entries()]).toEqual([['articles/a.md', [{ file: 'articles/a.md', line: 3, message: 'bad key' }]]]);
    expect([...state.configProblems, ...state.buildProblems]).toEqual([]);

    applyBuildResult(state, result([built('articles/a.md', 'a')]), false, now);
    expect(state.articleProblems.size).toBe(0);
  });

  it('drops articles a full build no longer sees, and reports unchanged ones only when something moved', () => {
    const state = createPreviewState(config);
    applyBuildResult(state, result([built('articles/a.md', 'a'), built('articles/b.md', 'b')]), true, now);
    const cached = built('articles/a.md', 'a', '2025-11-04', 'cached');
    const change = applyBuildResult(state, result([cached]), true, now);
    expect(change).toEqual({ newsletters: [], files: ['articles/b.md'] });
    expect([...state.newsletters.keys()]).toEqual(['articles/a.md']);
    expect(state.newsletters.get('articles/a.md')?.builtAt).toEqual(now); // kept from when it was built
  });

  it('reports a new slug for the same file, so an open viewer can follow it', () => {
    const state = createPreviewState(config);
    applyBuildResult(state, result([built('articles/a.md', 'a')]), true, now);
    const change = applyBuildResult(state, result([built('articles/a.md', 'neuer-slug')]), false, now);
    expect(change.newsletters).toEqual([{ file: 'articles/a.md', slug: 'neuer-slug' }]);
  });
});

describe('sortNewestFirst', () => {
  it('orders by date, newest first, then by title', () => {
    const state = createPreviewState(config);
    applyBuildResult(state, result([built('articles/b.md', 'b', '2025-11-04'), built('articles/c.md', 'c', '2025-11-06'), built('articles/a.md', 'a', '2025-11-04')]), true, now);
    expect(sortNewestFirst(state.newsletters.values()).map((entry) => entry.slug)).toEqual(['c', 'a', 'b']);
  });
});
