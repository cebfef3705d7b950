import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/io/load-config.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Copies of the sample articles, as tests know them. `articles/` is the
 * editors' content and never a fixture: only test/check/samples.test.ts
 * looks at it, to check that whatever is there builds.
 */
export const SAMPLE_ARTICLES = path.join(REPO_ROOT, 'test/fixtures/articles');
/** Articles that each plant one check finding (test/fixtures/check/articles/NAME.md), a layout with planted template mistakes, and a config. */
export const CHECK_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/check');
/** The config the check tests build with: client support off, so findings stay about what each test plants. */
export const CHECK_CONFIG = { require: ['check', 'faq', 'preheader'], checks: { rules: { 'clients/unsupported-feature': 'off' } } } as const;

export interface ProjectSpec {
  /** Copy the sample articles (test/fixtures/articles). @default false */
  samples?: boolean;
  /** Check fixture articles by name (test/fixtures/check/articles/NAME.md). */
  fixtures?: readonly string[];
  /** Articles written as given: file name → text. */
  articles?: Record<string, string>;
  /** "real" copies templates/, "bad" the planted-mistakes set of the check fixtures; otherwise a layout source. @default "real" */
  templates?: 'real' | 'bad' | { layout: string };
  /** Written as newsletter.config.json; none when unset. */
  config?: unknown;
  /** Load the config as the CLIs do, into `config`. @default false */
  loadConfig?: boolean;
}

export interface TempProject {
  root: string;
  articles: string;
  out: string;
  /** The loaded config; only with `loadConfig: true`. */
  readonly config: ResolvedConfig;
  write(relative: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * The one way tests make a project: a fresh temp folder with templates,
 * articles and a config as `spec` says. Tests build here, never in the
 * repository.
 */
export async function makeProject(spec: ProjectSpec = {}): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'newsletter-test-'));
  const articles = path.join(root, 'articles');
  const templates = spec.templates ?? 'real';
  if (templates === 'real') await cp(path.join(REPO_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  else if (templates === 'bad') await cp(path.join(CHECK_FIXTURES, 'templates-bad'), path.join(root, 'templates'), { recursive: true });
  else await writeFile(path.join(await mkdirs(root, 'templates'), 'layout.mjml.hbs'), templates.layout);
  await mkdir(articles, { recursive: true });
  if (spec.samples) await cp(SAMPLE_ARTICLES, articles, { recursive: true });
  for (const name of spec.fixtures ?? []) await cp(path.join(CHECK_FIXTURES, 'articles', `${name}.md`), path.join(articles, `${name}.md`));
  for (const [name, content] of Object.entries(spec.articles ?? {})) await writeFile(path.join(articles, name), content);
  if (spec.config !== undefined) await writeFile(path.join(root, 'newsletter.config.json'), JSON.stringify(spec.config, null, 2));
  const config = spec.loadConfig ? await loadConfig({ root }) : undefined;
  return {
    root,
    articles,
    out: path.join(root, 'out'),
    get config() {
      if (!config) throw new Error('project.config: make the project with loadConfig: true');
      return config;
    },
    async write(relative, content) {
      const file = path.join(root, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

async function mkdirs(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The sample the send tests send, and its title. */
export const SAMPLE_SLUG = 'openai-amazon-cloud-deal';
export const SAMPLE_TITLE = 'OpenAI löst sich von Microsoft: 38 Milliarden Dollar für Amazons Cloud';

/** A minimal valid article; `extra` lines are added to the frontmatter. */
export function article(extra = '', body = 'Ein Absatz mit **Fettdruck**.\n'): string {
  return `---\ntitle: Testartikel\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein kurzer Teaser.\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}---\n\n${body}`;
}
