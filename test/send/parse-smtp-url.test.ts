import { describe, expect, it } from 'vitest';
import { SendError } from '../../src/errors.js';
import { isLoopback, parseSmtpUrl } from '../../src/send/parse-smtp-url.js';

describe('parseSmtpUrl', () => {
  it.each([
    ['smtp://user:pass@smtp.example.com:587', { host: 'smtp.example.com', port: 587, secure: false, requireTLS: true, ignoreTLS: false, auth: { user: 'user', pass: 'pass' }, shown: 'smtp://user:****@smtp.example.com:587' }],
    ['smtps://user:pass@smtp.example.com:465', { port: 465, secure: true, requireTLS: false, shown: 'smtps://user:****@smtp.example.com:465' }],
    ['smtp://user:pass@SMTP.Example.com', { host: 'smtp.example.com', port: 587 }],
    ['smtps://user:pass@smtp.example.com', { port: 465 }],
    // User and password URL-encoded; decoded for the login, masked for display.
    ['smtp://news%40example.com:p%40ss%2Fw%C3%B6rd%25@mail.example.com:2525', { auth: { user: 'news@example.com', pass: 'p@ss/wörd%' }, shown: 'smtp://news%40example.com:****@mail.example.com:2525' }],
    // Without credentials or on loopback, STARTTLS stays opportunistic.
    ['smtp://relay.example.com:25', { auth: null, requireTLS: false, ignoreTLS: false, shown: 'smtp://relay.example.com:25' }],
    ['smtp://user:pass@127.0.0.1:1025', { requireTLS: false, ignoreTLS: false }],
    ['smtp://user:pass@localhost:1025?requireTLS=true', { requireTLS: true }],
    ['smtp://user:pass@smtp.example.com:587?requireTLS=false', { requireTLS: false }],
    ['smtp://[::1]:2525', { host: '::1', shown: 'smtp://[::1]:2525', ignoreTLS: true }],
    // A local catcher without login: plain SMTP, its self-signed STARTTLS is not tried.
    ['smtp://127.0.0.1:1025', { ignoreTLS: true, requireTLS: false }],
    ['smtp://localhost:1025?requireTLS=true', { ignoreTLS: false, requireTLS: true }],
    ['  smtp://user:pass@smtp.example.com:587/  ', { host: 'smtp.example.com' }],
  ])('%s', (url, expected) => {
    const target = parseSmtpUrl(url);
    expect(target).toMatchObject({ builtInInbox: false, ...expected });
  });

  it('unset or empty means the built-in preview inbox: plain, no login, STARTTLS never tried', () => {
    for (const value of [undefined, '', '  ']) {
      expect(parseSmtpUrl(value)).toEqual({
        host: '127.0.0.1',
        port: 2525,
        secure: false,
        requireTLS: false,
        ignoreTLS: true,
        auth: null,
        shown: 'built-in preview inbox smtp://127.0.0.1:2525',
        builtInInbox: true,
        secrets: { plain: [], encoded: [] },
      });
    }
    expect(parseSmtpUrl(undefined, 2600).shown).toBe('built-in preview inbox smtp://127.0.0.1:2600');
  });

  it('collects the password as typed, decoded and encoded, for redaction', () => {
    const target = parseSmtpUrl('smtp://user:p@ss%2Fx@smtp.example.com');
    expect(target.auth?.pass).toBe('p@ss/x');
    expect(target.secrets.plain).toEqual(expect.arrayContaining(['p@ss/x', 'p@ss%2Fx', 'p%40ss%2Fx']));
    expect(target.secrets.encoded).toEqual(expect.arrayContaining(['p@ss/x', 'user', '\0user\0p@ss/x']));
  });

  it.each([
    // An unencoded "?", "#" or "/" ends the user info early: the URL is shown with it masked, never a piece of the password.
    ['smtp://user:pa/ss@smtp.example.com:587', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com:587" has a "\?", "#" or "\/" in the user name or password: percent-encode them there \(\? as %3F, # as %23, \/ as %2F, @ as %40/],
    ['smtp://user:pa#ss@smtp.example.com:587', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com:587" has a "\?", "#" or "\/"/],
    ['smtp://user:1234?Geheim99@smtp.example.com:587', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com:587" has a "\?", "#" or "\/"/],
    ['smtp://user:secret@smtp.example.com:587?requireTLS=true@evil', /^SMTP_URL "smtp:\/\/\*\*\*@evil" has a "\?", "#" or "\/"/],
    ['smtp.example.com:587', /^SMTP_URL "smtp\.example\.com:587" must start with smtp:\/\/ or smtps:\/\/, not smtp\.example\.com:\/\//],
    ['https://user:secret@smtp.example.com', /^SMTP_URL "https:\/\/\*\*\*@smtp\.example\.com" must start with smtp:\/\/ or smtps:\/\/, not https:\/\//],
    ['smtp://user:secret@smtp.example.com:99999', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com:99999" is not a valid URL: write it as smtp:\/\/user:password@host:587/],
    ['smtp://user:secret@smtp.example.com:0', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com:0" has port 0/],
    ['smtp://user@smtp.example.com', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com" has a user name but no password/],
    ['smtp://:secret@smtp.example.com', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com" has a password but no user name/],
    ['smtp://user:secret%zz@smtp.example.com', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com": the password has a "%" that is not followed by two hex digits: write a literal "%" as %25$/],
    ['smtp://user:secret@smtp.example.com/x', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com\/x" has a path after the host/],
    ['smtp://user:secret@smtp.example.com?requireTLS=yes', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com\?requireTLS=yes": requireTLS must be true or false, not "yes"$/],
    ['smtp://user:secret@smtp.example.com?requireTSL=true', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com\?requireTSL=true": unknown option "requireTSL" \(did you mean "requireTLS"\?\)$/],
    ['smtp://user:secret@smtp.example.com\r\nX: y', /^SMTP_URL "smtp:\/\/\*\*\*@smtp\.example\.com\\r\\nX: y" contains a line break/],
  ])('refuses %s, showing it with the user info masked', (url, message) => {
    let error: unknown;
    try {
      parseSmtpUrl(url);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).message).toMatch(message);
    expect((error as SendError).message).not.toMatch(/secret|pa\/ss|pa#ss|Geheim|1234/);
    expect((error as SendError).message.split('\n')).toHaveLength(1);
  });
});

describe('isLoopback', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['smtp.example.com', false],
    ['127.0.0.1.example.com', false],
    ['10.0.0.1', false],
  ])('%s → %s', (host, expected) => expect(isLoopback(host)).toBe(expected));
});
