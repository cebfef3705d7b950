import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import { RULE_IDS } from '../findings/rule-ids.js';
import { describeIssues } from '../describe-issues.js';
import { ConfigError } from '../errors.js';
import { OVERRIDABLE_STRINGS } from '../i18n/strings.js';
import { DEFAULT_COLORS, DEFAULT_DARK_COLORS, type UserConfig } from './config.js';
import { userConfigSchema } from './config-schema.js';

/** Parse and validate the text of a config file. Pure. */
export function parseUserConfig(text: string, file: string): UserConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new ConfigError(`not valid JSON: ${(error as Error).message.replace(/ in JSON at .*$/, '')} (check commas and quotes)`, { file, line, cause: error });
  }
  const result = userConfigSchema.safeParse(data);
  if (result.success) return result.data;

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const locate = (keyPath: readonly (string | number)[]) => {
    let node: unknown = document.contents;
    let found: Node | undefined;
    for (const segment of keyPath) {
      if (!isMap(node)) break;
      const pair = node.items.find((item) => (item.key as { value?: unknown }).value === segment);
      if (!pair) break;
      found = pair.key as Node;
      node = pair.value;
    }
    return found?.range ? lineCounter.linePos(found.range[0]).line : undefined;
  };
  const knownKeys = (keyPath: readonly (string | number)[]): readonly string[] => {
    if (keyPath[0] === 'colors') return Object.keys(DEFAULT_COLORS);
    if (keyPath[0] === 'darkColors') return Object.keys(DEFAULT_DARK_COLORS);
    if (keyPath[0] === 'paths') return ['articles', 'templates', 'out', 'editions'];
    if (keyPath[0] === 'esp') return ['provider', 'fields', 'overheadBytes', 'listId'];
    if (keyPath[0] === 'utm') return ['source', 'medium', 'campaign', 'content', 'term'];
    if (keyPath[0] === 'checks') return keyPath[1] === 'rules' ? RULE_IDS : ['rules'];
    if (keyPath[0] === 'footer') return keyPath[1] === 'social' ? ['name', 'url'] : ['imprint', 'social'];
    if (keyPath[0] === 'logo') return ['src', 'alt', 'width'];
    if (keyPath[0] === 'strings') return OVERRIDABLE_STRINGS;
    return Object.keys(userConfigSchema.shape);
  };
  const problems = describeIssues(result.error.issues, data, file, locate, knownKeys, { container: 'the config' });
  throw new ConfigError(problems[0]?.message ?? 'invalid config', { file, line: problems[0]?.line, problems });
}
