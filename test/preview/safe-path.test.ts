import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequestTarget, resolveInside } from '../../src/preview/safe-path.js';

describe('checkRequestTarget', () => {
  it.each([
    ['/', '/'],
    ['/view/ki-chips-wettruesten', '/view/ki-chips-wettruesten'],
    ['/email/ki-chips-wettruesten.html', '/email/ki-chips-wettruesten.html'],
    ['/inbox/12', '/inbox/12'],
    ['/_preview/preview.css?v=abc', '/_preview/preview.css'],
    ['/view/a%2Db', '/view/a-b'],
  ])('accepts %s as %s', (raw, pathname) => {
    const target = checkRequestTarget(raw);
    expect(target.ok && target.pathname).toBe(pathname);
  });

  it('keeps the query apart', () => {
    const target = checkRequestTarget('/view/x?view=mobile&sent=1');
    expect(target.ok && target.query.get('view')).toBe('mobile');
  });

  it.each([
    ['/email/../secret', 'relative'],
    ['/email/./x.html', 'relative'],
    ['/email/%2e%2e/secret', 'relative'],
    ['/email/.%2E/secret', 'relative'],
    ['/email/..%2fsecret', 'encoded slashes'],
    ['/email/..%5Csecret', 'encoded slashes'],
    ['/email/..\\secret', 'encoded slashes'],
    ['/email/%252e%252e/secret', 'characters'],
    ['/email/%25', 'characters'],
    ['/email/%c0%ae%c0%ae/secret', 'invalid percent-encoding'],
    ['/email/%e', 'invalid percent-encoding'],
    ['/email/%ef%bc%8e%ef%bc%8e/secret', 'characters'],
    ['/email/x.html%00', 'characters'],
    ['/email/a b', 'characters'],
    ['//etc/passwd', 'single "/"'],
    ['/email//etc/passwd', 'empty path segments'],
    ['http://127.0.0.1/secret', 'single "/"'],
    ['*', 'single "/"'],
    ['', 'single "/"'],
  ])('refuses %s (%s)', (raw, reason) => {
    const target = checkRequestTarget(raw);
    expect(target.ok).toBe(false);
    expect(!target.ok && target.reason).toContain(reason);
  });
});

describe('resolveInside', () => {
  const base = path.resolve('/project/out');
  it('joins a plain file name', () => {
    expect(resolveInside(base, 'x.html')).toBe(path.join(base, 'x.html'));
  });
  it.each(['../secret', '..', '.', '', 'a/b.html', 'a\\b.html', '/etc/passwd', 'x\0.html'])('refuses %j', (name) => {
    expect(resolveInside(base, name)).toBeNull();
  });
});
