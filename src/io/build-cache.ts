import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { CheckFinding } from '../findings/finding.js';
import type { ResolvedConfig } from '../config/config.js';
import type { TemplateSources } from '../pipeline/compile-templates.js';
import { isManifestEntry, isRecord } from './cache-schema.js';
import { fileEntries, readCacheJson } from './read-cache.js';
import { codeVersion } from './code-version.js';
import { writeFileAtomic } from './write-output.js';

const MANIFEST_VERSION = 4;

/** What the last build made of one article, enough to skip it next time. */
export interface ManifestEntry {
  /** sha256 of the article file. */
  hash: string;
  slug: string;
  title: string;
  /** The email subject and inbox line: the article's `subject`, else its title; a test send puts the config's `subjectPrefix` before it. */
  subject: string;
  /** The inbox preview line: the article's preheader, else its teaser. */
  preheader: string;
  category: string;
  date: string;
  draft: boolean;
  htmlBytes: number;
  textBytes: number;
  /** What the checks found (at most 20 per rule, see limit-findings.ts), so an unchanged article still reports it. */
  findings: CheckFinding[];
  /**
   * Size, modification and change time and inode of the article file when
   * `hash` was taken: while they are the same, the file is not read again
   * (the change time moves on every write and cannot be set back).
   */
  stat?: string;
  /**
   * The article failed after this entry was written: its outputs (under
   * `slug`) are the last good ones and stay, but it is built again and its
   * slug is not taken as known.
   */
  stale?: true;
}

/** The `stat` of a manifest entry. */
export function statFingerprint(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

export interface Manifest {
  version: number;
  /** Hash of everything every newsletter depends on: templates, config, this tool's code, package versions. */
  inputsKey: string;
  /** Keyed by project-relative article path. */
  entries: Record<string, ManifestEntry>;
}

export function emptyManifest(inputsKey: string): Manifest {
  return { version: MANIFEST_VERSION, inputsKey, entries: {} };
}

/**
 * The manifest of one output folder, in the cache folder; one per output
 * folder, so that two configs with different `paths.out` do not mix.
 */
export function manifestFile(config: Pick<ResolvedConfig, 'root' | 'cacheDir' | 'paths'>): string {
  const outputId = hashText(path.relative(config.root, config.paths.out) || '.').slice(0, 12);
  return path.join(config.cacheDir, `build-manifest-${outputId}.json`);
}

/**
 * The manifest of the last build; an empty one when missing, unreadable or
 * built from other inputs. Each entry is checked against its schema and
 * dropped when it does not match (that article is built again): the cache
 * folder is untrusted input.
 */
export async function loadManifest(file: string, inputsKey: string): Promise<Manifest> {
  const manifest = emptyManifest(inputsKey);
  const data = await readCacheJson(file); // missing or corrupt: a cold build
  if (!isRecord(data) || data.version !== MANIFEST_VERSION || data.inputsKey !== inputsKey || !isRecord(data.entries)) return manifest;
  manifest.entries = fileEntries<ManifestEntry>(data.entries, isManifestEntry);
  return manifest;
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(manifest, null, 1)}\n`);
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const RENDERING_PACKAGES = ['mjml', 'handlebars', 'markdown-it', 'html-to-text', 'gray-matter', 'yaml', 'juice', 'hyphen'];

let versions: Record<string, string> | undefined;

/** This tool's code and the versions of every package whose output ends up in the email. */
function packageVersions(): Record<string, string> {
  if (versions) return versions;
  // found by walking up from this module: src/io/, or a chunk of the bundle in dist/
  const here = fileURLToPath(import.meta.url);
  const resolve = createRequire(here).resolve;
  versions = { self: readVersion(path.dirname(here), 'punk-newsletter'), code: codeVersion() };
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

/** One key over templates, config, this tool's code and package versions: when it changes, every newsletter is rebuilt. */
export function inputsKey(templates: TemplateSources, config: ResolvedConfig): string {
  const { root: _root, configFile: _configFile, paths: _paths, cacheDir: _cacheDir, maxArticleBytes: _maxArticleBytes, ...settings } = config;
  return hashText(JSON.stringify({ templates, settings, versions: packageVersions() }));
}
