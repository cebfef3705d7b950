import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';
import { parseUserConfig } from '../../src/config/parse-user-config.js';

describe('checks in newsletter.config.json', () => {
  it('accepts a severity per rule id and resolves to the overrides', () => {
    const user = parseUserConfig('{ "checks": { "rules": { "inbox/subject-length": "off", "content/check-box": "error" } } }', 'newsletter.config.json');
    expect(resolveConfig(user, '/p').checks.rules).toEqual({ 'inbox/subject-length': 'off', 'content/check-box': 'error' });
    expect(resolveConfig({}, '/p').checks.rules).toEqual({});
  });

  it('rejects an unknown rule id with its line and a suggestion', () => {
    const text = '{\n  "checks": {\n    "rules": {\n      "inbox/subject-lenght": "off"\n    }\n  }\n}';
    const error = catchError(() => parseUserConfig(text, 'newsletter.config.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems[0]).toEqual({ file: 'newsletter.config.json', line: 4, message: 'unknown key "checks.rules.inbox/subject-lenght" (did you mean "inbox/subject-length"?)' });
  });

  it('rejects an unknown severity, naming the allowed ones', () => {
    const error = catchError(() => parseUserConfig('{ "checks": { "rules": { "a11y/contrast": "fatal" } } }', 'newsletter.config.json'));
    expect(error.problems[0]?.message).toBe('"checks.rules.a11y/contrast" must be "off", "info", "warning" or "error"');
  });

  it('rejects unknown keys under checks', () => {
    const error = catchError(() => parseUserConfig('{ "checks": { "rule": {} } }', 'newsletter.config.json'));
    expect(error.problems[0]?.message).toBe('unknown key "checks.rule" (did you mean "rules"?)');
  });
});

function catchError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
