import { describe, expect, it } from 'vitest';
import { SendError } from '../../src/errors.js';
import { hasUnencodedDelimiter, maskSmtpUrl, redactError, redactSecrets, smtpSecrets } from '../../src/send/redact-secrets.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('maskSmtpUrl', () => {
  it.each([
    ['smtp://user:1234?Geheim99@smtp.example.com:587', 'smtp://***@smtp.example.com:587'],
    ['smtps://a%40b.de:x@y@smtp.example.com', 'smtps://***@smtp.example.com'],
    ['smtp://user:secret@host?requireTLS=x@evil.example', 'smtp://***@evil.example'],
    ['user:secret@smtp.example.com', '***@smtp.example.com'],
    ['smtp://smtp.example.com:25', 'smtp://smtp.example.com:25'],
    ['  smtp://u:p@h  ', 'smtp://***@h'],
  ])('%s → %s', (url, masked) => expect(maskSmtpUrl(url)).toBe(masked));
});

describe('hasUnencodedDelimiter', () => {
  it.each([
    ['smtp://user:1234?Geheim99@smtp.example.com:587', true],
    ['smtp://user:Ge#heim@smtp.example.com', true],
    ['smtp://user:Ge/heim@smtp.example.com', true],
    ['smtp://user:pass@smtp.example.com:587?requireTLS=true@x', true],
    ['smtp://user:p@ss@smtp.example.com', false], // the parser takes the last "@": this one works
    ['smtp://user:Ge%3Fheim@smtp.example.com:587?requireTLS=true', false],
    ['smtp://smtp.example.com:587?requireTLS=true', false],
  ])('%s → %s', (url, expected) => expect(hasUnencodedDelimiter(url)).toBe(expected));
});

describe('redactSecrets', () => {
  const user = 'redaktion@example.com';
  const pass = 'Grüße?#@/% 99';
  const url = `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@smtp.example.com:587`;
  const secrets = smtpSecrets(url);

  it('masks the password as typed, decoded and in both percent-encoded forms', () => {
    for (const form of [pass, encodeURIComponent(pass), new URL(url).password]) {
      expect(redactSecrets(`login with ${form} failed`, secrets)).toBe('login with *** failed');
    }
  });

  it('masks AUTH PLAIN and AUTH LOGIN credentials a server echoes in base64', () => {
    const plain = base64(`\0${user}\0${pass}`);
    expect(redactSecrets(`535 5.7.8 Authentication failed: AUTH PLAIN ${plain}`, secrets)).toBe('535 5.7.8 Authentication failed: AUTH PLAIN ***');
    expect(redactSecrets(`535 rejected ${base64(user)} ${base64(pass)}`, secrets)).toBe('535 rejected *** ***');
    // With an authorisation identity in front, the password sits at another byte alignment: still found.
    for (const prefix of ['', 'a', 'ab', 'abc', 'authz']) {
      const echoed = base64(`${prefix}\0${user}\0${pass}`);
      expect(redactSecrets(`echo ${echoed}.`, secrets)).toBe('echo ***.');
    }
  });

  it('masks pieces of a password that an unencoded "?" split, from the raw text of a URL that does not parse', () => {
    const broken = smtpSecrets('smtp://user:1234?Geheim99@smtp.example.com:587');
    expect(redactSecrets('unknown option "Geheim99@smtp.example.com:587"', broken)).toBe('unknown option "***@smtp.example.com:587"');
    expect(redactSecrets(`AUTH PLAIN ${base64('\0user\0' + '1234?Geheim99')}`, broken)).toBe('AUTH PLAIN ***');
  });

  it('leaves everything else as it is', () => {
    const text = '535 5.7.8 Username and Password not accepted. Learn more at https://support.example.com/mail/?p=BadCredentials d9443c01a7336-2';
    expect(redactSecrets(text, secrets)).toBe(text);
    expect(redactSecrets('the SMTP server smtp://redaktion%40example.com:****@smtp.example.com:587 refused the login', secrets)).toBe(
      'the SMTP server smtp://redaktion%40example.com:****@smtp.example.com:587 refused the login',
    );
  });

  it('has nothing to hide without a password', () => {
    for (const value of [undefined, '', 'smtp://127.0.0.1:2525', 'smtp://apikey@smtp.example.com']) {
      expect(smtpSecrets(value)).toEqual({ plain: [], encoded: [] });
    }
  });
});

describe('redactError', () => {
  it('scrubs the message, the problems and the stack, and keeps the code', () => {
    const secrets = smtpSecrets('smtp://user:Geheim99@smtp.example.com');
    const error = new SendError('the server said "535 Geheim99"');
    const copy = redactError(error, secrets) as SendError;
    expect(copy.code).toBe('E_SEND');
    expect(copy.message).toBe('the server said "535 ***"');
    expect(copy.problems).toEqual([{ message: 'the server said "535 ***"' }]);
    expect(copy.stack).not.toContain('Geheim99');
    const bug = redactError(new TypeError(`cannot read ${base64('Geheim99')}`), secrets) as Error;
    expect(bug.message).toBe('cannot read ***');
    expect(bug.name).toBe('TypeError');
  });
});
