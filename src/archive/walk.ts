/**
 * Find the version folders under any level of the archive: a version folder itself, a date folder, a
 * brief folder or the archive root (out/<slug>/<date>/v<N>). Hidden entries (.lock, .tmp-*) are never
 * versions. Sorted by slug, date and version number, so every report is in the same order.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { linkRefused, refuseVersionLinks } from './confine.js';

export interface VersionFolder {
  /** The folder, as an absolute path. */
  dir: string;
  slug: string;
  date: string;
  version: number;
}

export const VERSION_FOLDER = /^v(\d+)$/;
export const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/** Every version folder under `path` (relative to `cwd`); fails with USAGE when `path` is not a folder. */
export async function findVersions(path: string, cwd = process.cwd()): Promise<VersionFolder[]> {
  const full = resolve(cwd, path);
  // Below `path` the walk refuses links itself; a version folder named directly is checked from <out>.
  await refuseVersionLinks(full);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new BriefwrightError(ErrorCode.USAGE, `${displayPath(full, cwd)}: no such folder`);
  if (!info.isDirectory()) throw new BriefwrightError(ErrorCode.USAGE, `${displayPath(full, cwd)}: not a folder`);
  const found = await versionsAt(full);
  return found.sort(compareVersions);
}

async function versionsAt(path: string): Promise<VersionFolder[]> {
  const name = basename(path);
  if (VERSION_FOLDER.test(name)) {
    // A v<N> folder in a date folder, or given on its own (copied elsewhere); a brief named "v1" holds dates.
    const inDate = DATE_FOLDER.test(basename(dirname(path)));
    if (inDate || !(await subfolders(path)).some((c) => DATE_FOLDER.test(c))) return [versionFolder(path)];
  }
  const found: VersionFolder[] = [];
  await collect(path, 1, found);
  return found;
}

/** A version folder is a v<N> folder inside a date folder; the archive root holds them three levels down. */
async function collect(dir: string, depth: number, found: VersionFolder[]): Promise<void> {
  const inDate = DATE_FOLDER.test(basename(dir));
  for (const child of await subfolders(dir)) {
    if (inDate && VERSION_FOLDER.test(child)) found.push(versionFolder(join(dir, child)));
    else if (depth < 3) await collect(join(dir, child), depth + 1, found);
  }
}

function versionFolder(dir: string): VersionFolder {
  const dateDir = dirname(dir);
  return {
    dir,
    slug: basename(dirname(dateDir)),
    date: basename(dateDir),
    version: Number(VERSION_FOLDER.exec(basename(dir))?.[1] ?? 0),
  };
}

/**
 * Names of the visible sub-folders of a folder (hidden ones are locks and temporary folders of runs).
 * A visible symbolic link is refused (ErrorCode.ARCHIVE), not skipped: where a brief, date or version
 * folder belongs, a link would have reports and emails read from outside the archive.
 */
export async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const visible = entries.filter((e) => !e.name.startsWith('.'));
  const link = visible.find((e) => e.isSymbolicLink());
  if (link) throw linkRefused(join(dir, link.name));
  return visible.filter((e) => e.isDirectory()).map((e) => e.name);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareVersions(a: VersionFolder, b: VersionFolder): number {
  return byCodePoint(a.slug, b.slug) || byCodePoint(a.date, b.date) || a.version - b.version || byCodePoint(a.dir, b.dir);
}

/** A path for messages: relative to the working folder when inside it, else absolute. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel === '' ? '.' : rel.split(sep)[0] === '..' || isAbsolute(rel) ? resolve(cwd, path) : rel;
}
