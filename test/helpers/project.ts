import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Copies of the sample articles, as tests know them. `articles/` is the
 * editors' content and never a fixture: only test/check/samples.test.ts
 * looks at it, to check that whatever is there builds.
 */
export const SAMPLE_ARTICLES = path.join(REPO_ROOT, 'test/fixtures/articles');

export interface TempProject {
  root: string;
  articles: string;
  out: string;
  write(relative: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A project in a fresh temp folder with the repository's templates, and the
 * sample articles (copies in test/fixtures/articles) when `samples` is set. Tests build here, never in the repo.
 */
export async function makeProject(options: { samples?: boolean; articles?: Record<string, string>; config?: unknown } = {}): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'newsletter-test-'));
  await cp(path.join(REPO_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  await mkdir(path.join(root, 'articles'), { recursive: true });
  if (options.samples) await cp(SAMPLE_ARTICLES, path.join(root, 'articles'), { recursive: true });
  for (const [name, content] of Object.entries(options.articles ?? {})) await writeFile(path.join(root, 'articles', name), content);
  if (options.config !== undefined) await writeFile(path.join(root, 'newsletter.config.json'), JSON.stringify(options.config, null, 2));
  const project: TempProject = {
    root,
    articles: path.join(root, 'articles'),
    out: path.join(root, 'out'),
    async write(relative, content) {
      const file = path.join(root, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  return project;
}

/** A minimal valid article; `extra` lines are added to the frontmatter. */
export function article(extra = '', body = 'Ein Absatz mit **Fettdruck**.\n'): string {
  return `---\ntitle: Testartikel\ncategory: Tech & Trends\ndate: 2025-11-04\nteaser: Ein kurzer Teaser.\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}---\n\n${body}`;
}
