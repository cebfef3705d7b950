import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { SendError } from '../errors.js';

/**
 * Read `.env` in the project root, if present, with Node's own parser
 * (the format of `node --env-file`). Returns the variables; does not touch
 * `process.env`. A missing file is an empty result.
 */
export async function loadEnvFile(root: string): Promise<Record<string, string | undefined>> {
  const file = path.join(root, '.env');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SendError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): check its permissions, or remove it`, { file: '.env', cause: error });
  }
  return parseEnv(text);
}
