import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { InternalError, isNewsletterError, OutputError, type NewsletterError } from '../errors.js';

/** Error codes that say the folder cannot take files at all: every further write would fail the same way. */
const FOLDER_FAULTS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a file is in the way of a folder',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

/** Codes that concern one file only: that article fails, the others go on. */
const FILE_FAULTS = new Set(['EISDIR', 'EEXIST', 'ENAMETOOLONG', 'ENOENT', 'EBUSY', 'ETXTBSY']);

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Where a fault happened: the output folder or the cache folder, with the config key that moves it. */
export type FaultyFolder = 'out' | 'cache';

/**
 * A disk fault that concerns a whole folder, as one line naming the folder
 * and what to do; undefined for anything else.
 */
export function folderFault(error: unknown, folder: FaultyFolder, config: Pick<ResolvedConfig, 'root' | 'paths' | 'cacheDir'>): OutputError | undefined {
  const code = codeOf(error);
  if (code === undefined || !(code in FOLDER_FAULTS)) return undefined;
  const directory = folder === 'out' ? config.paths.out : config.cacheDir;
  const shown = path.relative(config.root, directory) || directory;
  const key = folder === 'out' ? '"paths.out"' : '"cacheDir"';
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `free some space and build again${folder === 'cache' ? `, or set ${key} in newsletter.config.json to a folder on another disk` : ''}`
      : code === 'EMFILE' || code === 'ENFILE'
        ? 'close other programs or raise the limit of open files (ulimit -n), then build again'
        : code === 'ENOTDIR'
          ? `make ${shown} a folder (remove the file in its place), or set ${key} in newsletter.config.json`
          : `make ${shown} writable, or set ${key} in newsletter.config.json to a writable folder`;
  const what = folder === 'out' ? 'cannot write the newsletters' : 'cannot save the build cache';
  return new OutputError(`${what} (${FOLDER_FAULTS[code]}, ${code}): ${fix}`, { file: shown, cause: error });
}

/**
 * Any disk fault while saving the caches, as one line naming the cache
 * folder (the newsletters are written by then); undefined for anything else.
 */
export function cacheFault(error: unknown, config: Pick<ResolvedConfig, 'root' | 'paths' | 'cacheDir'>): OutputError | undefined {
  const whole = folderFault(error, 'cache', config);
  if (whole) return whole;
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const shown = path.relative(config.root, config.cacheDir) || config.cacheDir;
  return new OutputError(`cannot save the build cache (${code}): remove what is in the way in ${shown} (it holds nothing but caches), or set "cacheDir" in newsletter.config.json`, { file: shown, cause: error });
}

/**
 * What a document's failure is reported as: a user mistake keeps its own
 * message; anything else is a bug, reported as an internal error of this
 * document only.
 */
export function documentFailure(file: string, error: unknown): NewsletterError {
  return isNewsletterError(error) ? error : new InternalError(error, { file });
}

/** A failed write of one document's output files: which and why, or an internal error. */
export function outputFailure(file: string, error: unknown, config: Pick<ResolvedConfig, 'root' | 'paths'>): NewsletterError {
  const code = codeOf(error);
  if (code === undefined || !(FILE_FAULTS.has(code) || code in FOLDER_FAULTS)) return documentFailure(file, error);
  const out = path.relative(config.root, config.paths.out) || config.paths.out;
  const fix = code === 'EISDIR' ? `a folder in ${out} has the name of the output file: remove or rename it` : `${FOLDER_FAULTS[code] ?? 'the file cannot be replaced'}: make room for the file in ${out}`;
  return new OutputError(`cannot write the output (${code}): ${fix}`, { file, cause: error });
}
