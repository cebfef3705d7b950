import { articleStructuredData } from '../../web/json-ld.js';
import { structuredDataProblems } from '../../web/validate-structured-data.js';
import { articleUrl } from '../../pipeline/web-urls.js';
import type { OfflineRule } from '../types.js';

export const webStructuredData: OfflineRule<'web/structured-data'> = {
  id: 'web/structured-data',
  severity: 'warning',
  description: 'with "webBaseUrl": the web page\'s structured data (NewsArticle, FAQPage) has the properties search engines require, every FAQ answer has text, no question twice',
  check({ article, view, config }) {
    if (!config.webBaseUrl || article.draft) return []; // no web page, no structured data
    const url = articleUrl(config.webBaseUrl, article.slug);
    const data = articleStructuredData({ view, url, webBaseUrl: config.webBaseUrl });
    return structuredDataProblems(data).map((problem) => {
      const line = problem.key === null ? undefined : (article.keyLines?.[problem.key] ?? article.keyLines?.[problem.key.split(/[[.]/)[0] ?? '']);
      return { message: `structured data: ${problem.message}`, ...(line === undefined ? {} : { line }) };
    });
  },
};
