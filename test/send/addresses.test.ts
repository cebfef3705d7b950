import { describe, expect, it } from 'vitest';
import { isEmailAddress, MAX_TEST_RECIPIENTS, parseRecipients, parseSender } from '../../src/send/addresses.js';

describe('isEmailAddress', () => {
  it.each([
    ['leser@example.com', true],
    ['vorname.nachname+test@mail.example.co.uk', true],
    ['jürgen@müller.example', true],
    ['root@localhost', true],
    ['leser@example', false],
    ['leser', false],
    ['@example.com', false],
    ['leser@', false],
    ['le ser@example.com', false],
    ['Leser <leser@example.com>', false],
    ['a@b@example.com', false],
    ['leser@example.com\r\nBcc: x@example.com', false],
    ['leser@-example.com', false],
    ['leser@example..com', false],
    ['a,b@example.com', false],
  ])('%j → %s', (value, expected) => expect(isEmailAddress(value)).toBe(expected));
});

describe('parseRecipients', () => {
  it('takes --to values, splits commas, trims, drops duplicates (case-insensitive)', () => {
    expect(parseRecipients(['a@example.com', ' b@example.com,c@example.com ', 'A@example.com'], 'env@example.com', false)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('falls back to TEST_RECIPIENTS only when no --to is given', () => {
    expect(parseRecipients([], 'x@example.com, y@example.com', false)).toEqual(['x@example.com', 'y@example.com']);
    expect(parseRecipients(undefined, 'x@example.com', false)).toEqual(['x@example.com']);
    expect(parseRecipients(undefined, undefined, false)).toEqual([]);
  });

  it('names the source of a malformed address', () => {
    expect(() => parseRecipients(['ok@example.com', 'kaputt'], undefined, false)).toThrow('--to: "kaputt" is not an email address: write it as name@example.com');
    expect(() => parseRecipients([], 'kaputt@', false)).toThrow('TEST_RECIPIENTS: "kaputt@" is not an email address: write it as name@example.com');
    expect(() => parseRecipients(['Leser <l@example.com>'], undefined, false)).toThrow('--to: "Leser <l@example.com>" is not an email address: give the bare address without a name or <>');
  });

  it(`allows ${MAX_TEST_RECIPIENTS} recipients, more only with allowMany`, () => {
    const addresses = (count: number) => Array.from({ length: count }, (_, index) => `r${index}@example.com`);
    expect(parseRecipients(addresses(10), undefined, false)).toHaveLength(10);
    expect(() => parseRecipients(addresses(11), undefined, false)).toThrow('11 recipients: a test send is for a handful of people (at most 10): trim the list or pass --allow-many');
    expect(parseRecipients(addresses(11), undefined, true)).toHaveLength(11);
  });
});

describe('parseSender', () => {
  it.each([
    ['Business Punk <newsletter@example.com>', { name: 'Business Punk', address: 'newsletter@example.com' }],
    ['"Redaktion, Business Punk" <r@example.com>', { name: 'Redaktion, Business Punk', address: 'r@example.com' }],
    ['newsletter@example.com', { name: 'Brand', address: 'newsletter@example.com' }],
    ['Jürgen Müller <jm@example.com>', { name: 'Jürgen Müller', address: 'jm@example.com' }],
  ])('%s', (value, expected) => expect(parseSender(value, 'SMTP_FROM', 'Brand')).toEqual(expected));

  it.each(['nobody', 'a@example.com, b@example.com', 'Name <>', 'Name <a@example.com>\r\nBcc: x@example.com'])('refuses %j', (value) => {
    expect(() => parseSender(value, 'SMTP_FROM', 'Brand')).toThrow(/^SMTP_FROM .*: write it as "Brand <newsletter@example.com>"$/);
  });
});
