import { describe, expect, it } from 'vitest';
import { classifyHref, isEmailAddress, isPrivateHost, mailtoAddresses } from '../../src/check/urls.js';

describe('classifyHref', () => {
  it.each([
    ['', 'empty'],
    ['  #  ', 'empty'],
    ['/preise', 'relative'],
    ['preise.html', 'relative'],
    ['#abschnitt', 'relative'],
    ['//example.com/x', 'relative'],
    ['javascript:alert(1)', 'scheme'],
    ['ftp://example.com/', 'scheme'],
    ['mailto:a@example.com', 'mailto'],
    ['tel:+4930123', 'tel'],
    ['https://example.com/', 'web'],
    ['HTTP://example.com/', 'web'],
  ])('%j is %s', (href, kind) => {
    expect(classifyHref(href).kind).toBe(kind);
  });

  it('tells secure from insecure and public from private', () => {
    expect(classifyHref('http://example.com/')).toMatchObject({ secure: false, privateHost: false });
    expect(classifyHref('https://192.168.0.10/x')).toMatchObject({ secure: true, privateHost: true });
  });
});

describe('isPrivateHost', () => {
  it.each(['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.1.1', '0.0.0.0', '100.64.0.1', '::1', '[::1]', 'fd12::1', 'fe80::1', '::ffff:10.0.0.1', 'intranet', 'drucker.local', 'wiki.internal', 'nas.home.arpa'])(
    '%s is private',
    (host) => expect(isPrivateHost(host)).toBe(true),
  );
  it.each(['example.com', 'www.spiegel.de', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2001:4860:4860::8888', 'localhost.example.com'])('%s is public', (host) =>
    expect(isPrivateHost(host)).toBe(false),
  );
});

describe('mailto', () => {
  it('reads the addresses, decoded, without the query', () => {
    expect(mailtoAddresses('mailto:a@example.com,%20b@example.de?subject=Hallo')).toEqual(['a@example.com', 'b@example.de']);
    expect(mailtoAddresses('mailto:?subject=Hallo')).toEqual([]);
  });
  it.each([
    ['redaktion@example.com', true],
    ['vorname.nachname+news@sub.example.co.uk', true],
    ['post@müller.de', true],
    ['redaktion-at-example.com', false],
    ['redaktion@example', false],
    ['red aktion@example.com', false],
    ['@example.com', false],
  ])('%s valid: %s', (address, valid) => {
    expect(isEmailAddress(address)).toBe(valid);
  });
});
