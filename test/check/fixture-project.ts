import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { REPO_ROOT as REPO } from '../helpers/project.js';
import { REPO_ROOT as REPO } from '../helpers/project.js';
export const FIXTURES = path.join(REPO, 'test/fixtures/check');

export interface ProjectSpec {
  /** Fixture articles by name (test/fixtures/check/articles/NAME.md), copied into articles/. */
  articles?: readonly string[];
  /** Extra articles written as given: file name → text. */
  write?: Record<string, string>;
  /** "real" copies templates/, "bad" the planted-mistakes set; otherwise a layout source. @default "real" */
  templates?: 'real' | 'bad' | { layout: string };
  /** Written as newsletter.config.json; the fixture config (client support off) when unset, none when null. */
  config?: object | null;
}

export interface Project {
  root: string;
  remove(): Promise<void>;
}

/** A throwaway project in the temp folder: fixture articles, templates and config. */
export async function makeProject(spec: ProjectSpec = {}): Promise<Project> {
  const root = await mkdtemp(path.join(tmpdir(), 'check-'));
  await mkdir(path.join(root, 'articles'));
  for (const name of spec.articles ?? []) await cp(path.join(FIXTURES, 'articles', `${name}.md`), path.join(root, 'articles', `${name}.md`));
  for (const [name, text] of Object.entries(spec.write ?? {})) await writeFile(path.join(root, 'articles', name), text);
  const templates = spec.templates ?? 'real';
  if (templates === 'real') await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  else if (templates === 'bad') await cp(path.join(FIXTURES, 'templates-bad'), path.join(root, 'templates'), { recursive: true });
  else {
    await mkdir(path.join(root, 'templates'));
    await writeFile(path.join(root, 'templates/layout.mjml.hbs'), templates.layout);
  }
  if (spec.config === undefined) await cp(path.join(FIXTURES, 'newsletter.config.json'), path.join(root, 'newsletter.config.json'));
  else if (spec.config !== null) await writeFile(path.join(root, 'newsletter.config.json'), JSON.stringify(spec.config, null, 2));
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

export async function fixtureArticle(name: string): Promise<string> {
  return readFile(path.join(FIXTURES, 'articles', `${name}.md`), 'utf8');
}

/** One sentence with umlauts, ß and € (2–3 bytes each in UTF-8). */
const MULTIBYTE_SENTENCE = 'Größere Übermaße ärgern Öl- und Fußgängerzonen: 3 € für Äpfel, 5 € für Straßenmaß. ';

/** The clean fixture with `repeat` sentences in each of 12 extra paragraphs: 64 → ~118 KB of HTML in ~100,000 characters, 48 → ~98 KB. */
export async function heavyArticle(repeat: number): Promise<string> {
  const body = Array.from({ length: 12 }, () => MULTIBYTE_SENTENCE.repeat(repeat)).join('\n\n');
  return `${await fixtureArticle('clean')}\n${body}\n`;
}
