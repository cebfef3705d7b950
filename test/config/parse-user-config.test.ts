import { describe, expect, it } from 'vitest';
import { DEFAULT_COLORS, resolveConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';
import { parseUserConfig } from '../../src/config/parse-user-config.js';

describe('parseUserConfig', () => {
  it('accepts a partial config and resolveConfig fills the rest', () => {
    const user = parseUserConfig('{ "brand": "Punk Weekly", "colors": { "accent": "#aa0044" }, "locale": "en" }', 'newsletter.config.json');
    const config = resolveConfig(user, '/project');
    expect(config.brand).toBe('Punk Weekly');
    expect(config.colors).toEqual({ ...DEFAULT_COLORS, accent: '#aa0044' });
    expect(config.paths.out).toBe('/project/out');
    expect(config.locale).toBe('en');
    expect(config.cacheDir).toBe('/project/node_modules/.cache/punk-newsletter');
    expect(config.maxArticleBytes).toBe(1024 * 1024);
    expect(resolveConfig(parseUserConfig('{ "cacheDir": ".cache/nl", "maxArticleBytes": 4096 }', 'c.json'), '/project')).toMatchObject({ cacheDir: '/project/.cache/nl', maxArticleBytes: 4096 });
  });

  it.each([
    ['invalid JSON', '{ "brand": "X", }', /not valid JSON/, 1],
    ['a misspelt key', '{\n  "brnad": "X"\n}', /unknown key "brnad" \(did you mean "brand"\?\)/, 2],
    ['a bad colour', '{\n  "colors": {\n    "accent": "red"\n  }\n}', /"colors\.accent" must be a colour as #rrggbb/, 3],
    ['an http unsubscribe URL', '{ "unsubscribeUrl": "http://example.com" }', /"unsubscribeUrl" must be an absolute https:\/\/ URL/, 1],
    ['an unknown locale', '{ "locale": "fr" }', /"locale" must be "de" or "en"/, 1],
    ['an unsubscribe URL with a line break', '{\n  "unsubscribeUrl": "https://example.com/ab\\n\\nAbmelden: https://evil.example/"\n}', /"unsubscribeUrl" must not contain U\+000A/, 2],
    ['a web base URL with a tab', '{ "webBaseUrl": "https://example.com/\\tx" }', /"webBaseUrl" must not contain U\+0009/, 1],
    ['a brand with an escape sequence', '{ "brand": "Punk\\u001b[2J" }', /"brand" contains the control character U\+001B: remove it/, 1],
    ['a subject prefix with a right-to-left override', '{ "subjectPrefix": "[\\u202eTSET]" }', /"subjectPrefix" contains the invisible direction control U\+202E/, 1],
    ['an empty cacheDir', '{ "cacheDir": "" }', /"cacheDir" is empty: name a folder or remove the key/, 1],
    ['a tiny maxArticleBytes', '{ "maxArticleBytes": 10 }', /"maxArticleBytes" must be at least 1024 bytes/, 1],
    ['maxArticleBytes as text', '{ "maxArticleBytes": "1 MB" }', /"maxArticleBytes" must be a number of bytes, e.g. 1048576 \(1 MB\)/, 1],
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
