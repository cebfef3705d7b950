import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig, UserConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/io/load-config.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestProject {
  root: string;
  config: ResolvedConfig;
  remove(): Promise<void>;
}

/** A temp project with the repository's articles and templates, an optional config and extra articles. */
export async function makeProject(userConfig?: UserConfig, articles: Record<string, string> = {}): Promise<TestProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'send-test-'));
  await cp(path.join(REPO, 'articles'), path.join(root, 'articles'), { recursive: true });
  await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  if (userConfig) await writeFile(path.join(root, 'newsletter.config.json'), JSON.stringify(userConfig, null, 2));
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(root, 'articles', name), text);
  return { root, config: await loadConfig({ root }), remove: () => rm(root, { recursive: true, force: true }) };
}

export const SLUG = 'openai-amazon-cloud-deal';
export const TITLE = 'OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud';
