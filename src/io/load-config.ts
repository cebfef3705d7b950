import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, resolveConfig, type ResolvedConfig } from '../config/config.js';
import { ConfigError } from '../errors.js';

export interface LoadConfigOptions {
  /** Project root. @default process.cwd() */
  root?: string;
  /** Config file; when unset, `newsletter.config.json` in the root is used if present. */
  configFile?: string;
}

/** Read, validate and resolve the project's config. Defaults apply when there is no file. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const root = path.resolve(options.root ?? process.cwd());
  const file = path.resolve(root, options.configFile ?? CONFIG_FILE_NAME);
  const shown = path.relative(root, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.configFile === undefined) return resolveConfig({}, root, null);
    throw new ConfigError(`cannot read the config file: ${(error as Error).message}`, { file: shown, cause: error });
  }
  // zod and yaml load only when there is a config file to check.
  const { parseUserConfig } = await import('../config/parse-user-config.js');
  return resolveConfig(parseUserConfig(text, shown), root, file);
}
