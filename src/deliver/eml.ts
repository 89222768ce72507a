/** Writing a composed message as an .eml file: whole or not at all, and never inside a version folder. */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { writeFileDurably } from '../durable.js';
import { BriefwrightError, ErrorCode } from '../errors.js';

/** True when `path` is `folder` or lies inside it. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Refuse an .eml path inside the version folder: archived versions are never modified. */
export function checkEmlPath(path: string, versionDir: string): void {
  if (isInside(path, versionDir)) {
    throw new BriefwrightError(ErrorCode.USAGE, `eml: ${path} is inside the version folder ${versionDir}, which is never modified; choose another path`);
  }
}

/** Write the bytes to a temporary file beside `path`, flush, and rename it into place. */
export async function writeEml(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFileDurably(tmp, bytes);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new BriefwrightError(ErrorCode.DELIVERY, `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
