import type { ResolvedConfig, UserConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/io/load-config.js';
import { makeProject as makeTempProject } from '../helpers/project.js';

export { REPO_ROOT as REPO } from '../helpers/project.js';

export interface TestProject {
  root: string;
  config: ResolvedConfig;
  remove(): Promise<void>;
}

/** A temp project with the repository's articles and templates, an optional config and extra articles, config loaded. */
export async function makeProject(userConfig?: UserConfig, articles: Record<string, string> = {}): Promise<TestProject> {
  const project = await makeTempProject({ samples: true, articles, config: userConfig });
  return { root: project.root, config: await loadConfig({ root: project.root }), remove: project.remove };
}

export const SLUG = 'openai-amazon-cloud-deal';
export const TITLE = 'OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud';
