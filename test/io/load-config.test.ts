import { describe, expect, it } from 'vitest';
import { DEFAULT_COLORS, resolveConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';
import { parseUserConfig } from '../../src/io/load-config.js';

describe('parseUserConfig', () => {
  it('accepts a partial config and resolveConfig fills the rest', () => {
    const user = parseUserConfig('{ "brand": "Punk Weekly", "colors": { "accent": "#aa0044" }, "locale": "en" }', 'newsletter.config.json');
    const config = resolveConfig(user, '/project');
    expect(config.brand).toBe('Punk Weekly');
    expect(config.colors).toEqual({ ...DEFAULT_COLORS, accent: '#aa0044' });
    expect(config.paths.out).toBe('/project/out');
    expect(config.locale).toBe('en');
  });

  it.each([
    ['invalid JSON', '{ "brand": "X", }', /not valid JSON/, 1],
    ['a misspelt key', '{\n  "brnad": "X"\n}', /unknown key "brnad" \(did you mean "brand"\?\)/, 2],
    ['a bad colour', '{\n  "colors": {\n    "accent": "red"\n  }\n}', /"colors\.accent" must be a colour as #rrggbb/, 3],
    ['an http unsubscribe URL', '{ "unsubscribeUrl": "http://example.com" }', /"unsubscribeUrl" must be an absolute https:\/\/ URL/, 1],
    ['an unknown locale', '{ "locale": "fr" }', /"locale" must be "de" or "en"/, 1],
  ])('rejects %s with file and line', (_name, text, message, line) => {
    let error: unknown;
    try {
      parseUserConfig(text, 'newsletter.config.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).line).toBe(line);
    expect((error as ConfigError).file).toBe('newsletter.config.json');
  });
});
