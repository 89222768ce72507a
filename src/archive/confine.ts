/**
 * Keeping the archive inside its folder: nothing below the archive root (brief, date and version folders,
 * temporary folders, locks, the send log, the files of a version) may be a symbolic link, because a link
 * would make a build or a send write, lock or read somewhere the user never chose. The root itself (`--out`)
 * may be a link: that is the user's choice. Every path is checked component by component with lstat, and
 * then created or opened in a way that does not follow a link at its last component (mkdir and O_EXCL fail
 * on an existing link, O_NOFOLLOW refuses one), so a link that appears between the check and the use is
 * refused too. Node has no openat()/mkdirat(), so a folder higher up swapped for a link in that instant
 * cannot be ruled out; everything the archive writes goes through here to keep that window small.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, readlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { DATE_FOLDER, displayPath, VERSION_FOLDER } from './walk.js';

/** Not defined on Windows, where links need privileges to create; the lstat checks still apply there. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Flags for opening archive files: like 'r', 'wx' and 'a+', never through a link at the last component. */
export const OPEN = {
  read: constants.O_RDONLY | NOFOLLOW,
  create: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
  append: constants.O_RDWR | constants.O_CREAT | constants.O_APPEND | NOFOLLOW,
} as const;

/** The refusal, naming the link and where it points. */
export function linkRefused(path: string, target?: string): BriefwrightError {
  const where = target === undefined ? '' : ` (to ${target})`;
  return new BriefwrightError(
    ErrorCode.ARCHIVE,
    `${displayPath(path)} is a symbolic link${where}: nothing inside the archive may be a link, so nothing outside it is written or read through one; replace the link with a real folder or file`,
  );
}

/** The components of `path` below `root`, as absolute paths from the outermost; refuses a path outside it. */
function componentsBelow(root: string, path: string): string[] {
  const base = resolve(root);
  const rel = relative(base, resolve(path));
  if (rel === '') return [];
  if (rel.split(sep)[0] === '..' || isAbsolute(rel)) {
    throw new BriefwrightError(ErrorCode.ARCHIVE, `${displayPath(path)} is outside the archive folder ${displayPath(root)}`);
  }
  const parts = rel.split(sep);
  return parts.map((_, i) => join(base, ...parts.slice(0, i + 1)));
}

/** True when `path` exists and is a link; false when it is anything else or absent. */
async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot check ${path}: ${(e as Error).message}`, { cause: e });
  }
}

async function refuseIfLink(path: string): Promise<void> {
  if (await isLink(path)) throw linkRefused(path, await readlink(path).catch(() => undefined));
}

/**
 * Refuse (ErrorCode.ARCHIVE, naming it) the first component of `path` below `root` that is a symbolic link.
 * Components that do not exist yet end the check: whatever creates them goes through this module.
 */
export async function refuseLinks(root: string, path: string): Promise<void> {
  for (const component of componentsBelow(root, path)) await refuseIfLink(component);
}

/**
 * A version folder named on the command line, placed like <out>/<slug>/<date>/v<N>: refuse a link at the
 * brief, date or version folder before anything in it is read (<out> itself may be a link). A folder placed
 * otherwise (a copy on its own) is taken as named.
 */
export async function refuseVersionLinks(dir: string): Promise<void> {
  const full = resolve(dir);
  if (VERSION_FOLDER.test(basename(full)) && DATE_FOLDER.test(basename(dirname(full)))) {
    await refuseLinks(dirname(dirname(dirname(full))), full);
  }
}

/**
 * Create `dir` and any missing folders between `root` and it, one at a time, refusing links on the way.
 * The root is created when missing (with its parents: those are the user's).
 */
export async function makeFolders(root: string, dir: string): Promise<void> {
  const components = componentsBelow(root, dir);
  try {
    await mkdir(resolve(root), { recursive: true });
  } catch (e) {
    throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot create ${root}: ${(e as Error).message}`, { cause: e });
  }
  for (const component of components) {
    await refuseIfLink(component);
    try {
      // Not recursive: mkdir of one name fails with EEXIST on a link instead of following it.
      await mkdir(component);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot create ${component}: ${(e as Error).message}`, { cause: e });
      }
      // Made by someone else meanwhile: it must be a real folder, not a link put there.
      await refuseIfLink(component);
    }
  }
}

/**
 * Open a file below `root` after checking its folders, with flags from OPEN (which never follow a link at
 * the file itself). A link there is refused by name; other errors are the caller's to word.
 */
export async function openInside(root: string, path: string, flags: number): Promise<FileHandle> {
  await refuseLinks(root, join(path, '..'));
  return openNoFollow(path, flags);
}

/** Open one file with flags from OPEN; a link at `path` is refused by name (ELOOP is what O_NOFOLLOW gives). */
export async function openNoFollow(path: string, flags: number): Promise<FileHandle> {
  // Where O_NOFOLLOW is missing, lstat first is the best that can be done.
  if (NOFOLLOW === 0) await refuseIfLink(path);
  try {
    return await open(path, flags, 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // O_EXCL on an existing link gives EEXIST, as for a file: only a link is worth naming as such.
    if (code === 'ELOOP' || code === 'EEXIST') await refuseIfLink(path);
    throw e;
  }
}

/** Read a whole file that must not be a link (a version's outputs, its manifest, the send log). */
export async function readFileNoFollow(path: string): Promise<Buffer> {
  const handle = await openNoFollow(path, OPEN.read);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
