import { describe, expect, it } from 'vitest';
import { createPageCache } from '../../src/preview/page-cache.js';

describe('createPageCache', () => {
  it('renders once per key and version, and again when the version moves on', async () => {
    const cache = createPageCache();
    let renders = 0;
    const render = () => `page ${++renders}`;
    expect((await cache.get('/', '1', render)).toString()).toBe('page 1');
    expect((await cache.get('/', '1', render)).toString()).toBe('page 1');
    expect((await cache.get('/', '2', render)).toString()).toBe('page 2');
    expect((await cache.get('/other', '2', render)).toString()).toBe('page 3');
    expect(renders).toBe(3);
  });

  it('lets requests that arrive during a render wait for that one render', async () => {
    const cache = createPageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return Buffer.from('slow page');
    };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.get('/view/x', '7', render)));
    expect(renders).toBe(1);
    expect(new Set(pages.map((page) => page.toString()))).toEqual(new Set(['slow page']));
  });

  it('does not keep a render that failed', async () => {
    const cache = createPageCache();
    await expect(cache.get('/email/x', '1', () => Promise.reject(new Error('ENOENT')))).rejects.toThrow('ENOENT');
    expect(cache.size).toBe(0);
    expect((await cache.get('/email/x', '1', () => 'there now')).toString()).toBe('there now');
  });

  it('holds at most its limit of pages, dropping the least recently rendered', async () => {
    const cache = createPageCache(3);
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, '1', () => key);
    expect(cache.size).toBe(3);
    let rendered = false;
    await cache.get('a', '1', () => {
      rendered = true;
      return 'a';
    });
    expect(rendered).toBe(true);
  });
});
