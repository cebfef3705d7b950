import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/generate-articles.js';
import { readArticle } from '../../src/pipeline/build-article.js';

describe('generateArticles', () => {
  it('makes the same valid articles for the same seed, about the size of the sample article', () => {
    const articles = generateArticles(40);
    expect(generateArticles(40)).toEqual(articles);
    expect(new Set(articles.map((entry) => entry.name)).size).toBe(40);
    for (const entry of articles) {
      const article = readArticle({ file: `articles/${entry.name}`, source: entry.source });
      expect(article.title).toMatch(/Folge \d+/);
      expect(entry.source.length).toBeGreaterThan(2500);
      expect(entry.source.length).toBeLessThan(9000);
    }
  });

  it('varies the optional blocks', () => {
    const articles = generateArticles(100).map((entry) => readArticle({ file: `articles/${entry.name}`, source: entry.source }));
    const count = (predicate: (article: (typeof articles)[number]) => boolean) => articles.filter(predicate).length;
    for (const share of [count((a) => a.image !== undefined), count((a) => a.check !== undefined), count((a) => a.faq !== undefined), count((a) => a.sources.length > 0), count((a) => a.url !== undefined)]) {
      expect(share).toBeGreaterThan(5);
      expect(share).toBeLessThan(100);
    }
    expect(new Set(articles.map((a) => a.faq?.length ?? 0)).size).toBeGreaterThanOrEqual(4);
  });
});
