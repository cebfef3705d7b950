import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { CheckFinding } from '../check/types.js';
import type { ResolvedConfig } from '../config/config.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';
import { writeFileAtomic } from './write-output.js';

export const MANIFEST_FILE = '.build-manifest.json';
const MANIFEST_VERSION = 2;

/** What the last build made of one article, enough to skip it next time. */
export interface ManifestEntry {
  /** sha256 of the article file. */
  hash: string;
  slug: string;
  title: string;
  category: string;
  date: string;
  draft: boolean;
  htmlBytes: number;
  textBytes: number;
  /** What the checks found, so an unchanged article still reports it. */
  findings: CheckFinding[];
  /**
   * Size, modification and change time and inode of the article file when
   * `hash` was taken: while they are the same, the file is not read again
   * (the change time moves on every write and cannot be set back).
   */
  stat?: string;
}

/** The `stat` of a manifest entry. */
export function statFingerprint(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

export interface Manifest {
  version: number;
  /** Hash of everything every newsletter depends on: templates, config, package versions. */
  inputsKey: string;
  /** Keyed by project-relative article path. */
  entries: Record<string, ManifestEntry>;
}

export function emptyManifest(inputsKey: string): Manifest {
  return { version: MANIFEST_VERSION, inputsKey, entries: {} };
}

/** The manifest under `out/`; an empty one when missing, unreadable or built from other inputs. */
export async function loadManifest(outDir: string, inputsKey: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    if (manifest.version === MANIFEST_VERSION && manifest.inputsKey === inputsKey && manifest.entries && typeof manifest.entries === 'object') return manifest;
  } catch {
    // missing or corrupt: a cold build
  }
  return emptyManifest(inputsKey);
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const RENDERING_PACKAGES = ['mjml', 'handlebars', 'markdown-it', 'html-to-text', 'gray-matter', 'yaml', 'hyphen'];

let versions: Record<string, string> | undefined;

/** Versions of this tool and of every package whose output ends up in the email. */
export function packageVersions(): Record<string, string> {
  if (versions) return versions;
  // found by walking up from this module: src/io/, or a chunk of the bundle in dist/
  const here = fileURLToPath(import.meta.url);
  const resolve = createRequire(here).resolve;
  versions = { self: readVersion(path.dirname(here), 'punk-newsletter') };
  for (const name of RENDERING_PACKAGES) versions[name] = readVersion(path.dirname(resolve(name)), name);
  return versions;
}

/** Walk up from a package's entry file to its package.json (some packages do not export it). */
function readVersion(start: string, name: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // no package.json here: keep walking up
    }
  }
  return 'unknown';
}

/** One key over templates, config and package versions: when it changes, every newsletter is rebuilt. */
export function inputsKey(templates: TemplateSources, config: ResolvedConfig): string {
  const { root: _root, configFile: _configFile, paths: _paths, ...settings } = config;
  return hashText(JSON.stringify({ templates, settings, versions: packageVersions() }));
}
