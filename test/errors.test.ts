import { describe, expect, it } from 'vitest';
import { ArticleError, ConfigError, InternalError, isUserFacing, OutputError, RequestBodyError, SendError, UsageError } from '../src/errors.js';

describe('the error family', () => {
  it.each([
    ['a usage mistake', new UsageError('x'), true],
    ['a config mistake', new ConfigError('x'), true],
    ['an article mistake', new ArticleError('x', { file: 'articles/a.md', line: 2 }), true],
    ['a disk fault', new OutputError('x'), true],
    ['a send failure', new SendError('x'), true],
    ['a refused preview request', new RequestBodyError('x', 413), true],
    ['a bug met while building', new InternalError(new TypeError('boom')), false],
    ['any other error', new Error('boom'), false],
    ['an error whose code merely starts with E_', Object.assign(new Error('x'), { code: 'E_SOMETHING' }), false],
  ])('%s is user-facing (exit 1, no stack): %s', (_name, error, expected) => {
    expect(isUserFacing(error)).toBe(expected);
  });

  it('a refused preview request carries its HTTP status and one problem line', () => {
    const error = new RequestBodyError('the form is larger than 65536 bytes', 413);
    expect(error).toMatchObject({ status: 413, code: 'E_REQUEST', problems: [{ message: 'the form is larger than 65536 bytes' }] });
  });
});
