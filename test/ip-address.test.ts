import { describe, expect, it } from 'vitest';
import { addressRange, normaliseHost, parseIpv4 } from '../src/ip-address.js';
import { classifyHref, isPrivateHost } from '../src/check/urls.js';

describe('parseIpv4: every notation inet_aton and the URL standard accept', () => {
  it.each([
    ['127.0.0.1', [127, 0, 0, 1]],
    ['2130706433', [127, 0, 0, 1]],
    ['0177.0.0.1', [127, 0, 0, 1]],
    ['0x7f.1', [127, 0, 0, 1]],
    ['0x7F000001', [127, 0, 0, 1]],
    ['127.1', [127, 0, 0, 1]],
    ['10.0x10.1', [10, 16, 0, 1]],
    ['0', [0, 0, 0, 0]],
    ['017700000001', [127, 0, 0, 1]],
    ['0x', [0, 0, 0, 0]],
  ])('%s', (text, bytes) => expect(parseIpv4(text)).toEqual(bytes));

  it.each(['256.0.0.1', '1.2.3.4.5', '4294967296', '08.0.0.1', 'example.com', '1..2', ''])('%j is no IPv4 address', (text) => {
    expect(parseIpv4(text)).toBeNull();
  });
});

describe('normaliseHost', () => {
  it.each([
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1', 'loopback', '127.0.0.1'],
    ['::FFFF:7F00:1', '::ffff:7f00:1', 'loopback', '127.0.0.1'],
    ['[::127.0.0.1]', '::7f00:1', 'loopback', '127.0.0.1'],
    ['[64:ff9b::127.0.0.1]', '64:ff9b::7f00:1', 'loopback', '127.0.0.1'],
    ['[64:ff9b::a00:1]', '64:ff9b::a00:1', 'private', '10.0.0.1'],
    ['[2002:c0a8:101::1]', '2002:c0a8:101::1', 'private', '192.168.1.1'],
    ['[::ffff:169.254.169.254]', '::ffff:a9fe:a9fe', 'link-local', '169.254.169.254'],
    ['[64:ff9b::8.8.8.8]', '64:ff9b::808:808', 'public', '8.8.8.8'],
    ['[fe80::1%25eth0]', 'fe80::1', 'link-local', null],
    ['127.0.0.1.', '127.0.0.1', 'loopback', null],
    ['0x7f.1..', '127.0.0.1', 'loopback', null],
  ])('%s → %s (%s)', (input, host, range, embedded) => {
    const result = normaliseHost(input);
    expect(result.host).toBe(host);
    expect(result.ip?.range).toBe(range);
    expect(result.ip?.embeddedIpv4 ?? null).toBe(embedded);
  });

  it('lower-cases names and drops trailing dots', () => {
    expect(normaliseHost('LOCALHOST..')).toEqual({ host: 'localhost', ip: null });
    expect(normaliseHost('www.Example.com.')).toEqual({ host: 'www.example.com', ip: null });
  });
});

describe('addressRange', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fec0::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['172.32.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['example.com', null],
  ])('%s: %s', (address, range) => expect(addressRange(address)).toBe(range));
});

describe('links/private-host sees through every spelling of a local address', () => {
  it.each([
    'http://[::ffff:127.0.0.1]:4799/x',
    'http://[::127.0.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
    'http://127.0.0.1./',
    'http://localhost./',
    'http://localhost../',
    'http://[ff02::1]/',
    'http://224.0.0.251/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
  ])('%s', (href) => {
    const kind = classifyHref(href);
    expect(kind).toMatchObject({ kind: 'web', privateHost: true });
  });

  it('still lets public addresses through', () => {
    for (const host of ['example.com', '8.8.8.8', '[2001:4860:4860::8888]', '[64:ff9b::8.8.8.8]', 'www.example.com.']) expect(isPrivateHost(host), host).toBe(false);
  });
});
