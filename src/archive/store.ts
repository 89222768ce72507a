/**
 * The versioned archive: out/<slug>/<date>/v<N>/. A version is written in a hidden temporary folder and
 * renamed into place whole, so a failed or killed run never leaves a half version that looks complete,
 * and existing versions are never modified. Choosing the number and committing happen under the brief
 * folder's lock (lock.ts), so concurrent runs queue instead of racing.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../durable.js';
import { BriefwrightError, ErrorCode } from '../errors.js';
import type { Warning } from '../model/warning.js';
import { linkRefused, makeFolders, readFileNoFollow } from './confine.js';
import { defaultLockOptions, isProcessAlive, withLock, type LockOptions } from './lock.js';
import { MANIFEST_FILE, sha256, type FileRecord, type Manifest } from './manifest.js';
import { VERSION_FOLDER } from './walk.js';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface VersionRequest {
  outDir: string;
  slug: string;
  date: string;
  fingerprint: string;
  /** Produce the files of version N (they may show the version number). */
  render(version: number): Promise<OutputFile[]>;
  /** The manifest of version N, given the records of its outputs. */
  manifest(version: number, outputs: FileRecord[]): Manifest;
  /** How long to wait for another run's lock, and when a lock counts as abandoned. */
  lock?: LockOptions;
}

export interface VersionResult {
  dir: string;
  version: number;
  /** False when the latest version already has the same fingerprint and nothing was written. */
  created: boolean;
  manifest: Manifest;
  /** What the archive itself reported (a recovered lock); also added to the manifest of a new version. */
  warnings: Warning[];
}

/** How many times to move on to the next number when a concurrent run takes the one we chose. */
const MAX_RACE_RETRIES = 5;

/** Write the next version, or return the latest one when it was built from the same inputs and options. */
export async function writeVersion(request: VersionRequest): Promise<VersionResult> {
  const briefDir = join(request.outDir, request.slug);
  const dateDir = join(briefDir, request.date);
  // Brief and date folders are made one by one, refusing a link at either: nothing is written through one.
  await makeFolders(request.outDir, dateDir);
  const lockOptions = { ...defaultLockOptions, ...request.lock };
  return withLock(briefDir, lockOptions, async (lock) => {
    const warnings = lock.warnings;
    await removeLeftoverTemps(briefDir, lockOptions.staleMs);
    const latest = await latestVersion(dateDir);
    if (latest && latest.manifest.fingerprint === request.fingerprint) {
      return { dir: latest.dir, version: latest.version, created: false, manifest: latest.manifest, warnings };
    }
    let version = (latest?.version ?? 0) + 1;
    // The lock keeps briefwright runs apart; the retry covers anything else writing into the folder.
    for (let attempt = 0; attempt <= MAX_RACE_RETRIES; attempt++, version++) {
      const files = await request.render(version);
      const outputs = files.map((f): FileRecord => ({ path: f.name, sha256: sha256(f.bytes), bytes: f.bytes.byteLength }));
      const built = request.manifest(version, outputs);
      const manifest = warnings.length === 0 ? built : { ...built, warnings: [...built.warnings, ...warnings] };
      const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
      const dir = join(dateDir, `v${version}`);
      if (await commitFolder(dateDir, dir, [...files, { name: MANIFEST_FILE, bytes: manifestBytes }])) {
        return { dir, version, created: true, manifest, warnings };
      }
    }
    throw new BriefwrightError(ErrorCode.ARCHIVE, `could not claim a version number in ${dateDir}: too many concurrent runs`);
  });
}

const TEMP_FOLDER = /^\.tmp-(\d+)-[0-9a-f]+$/;

/**
 * Remove temporary folders left by runs that died while writing (never visible as versions). Called under
 * the lock, so no live run of this process is writing one; a folder of a live pid is kept unless it is old
 * (the pid may belong to another machine or have been reused).
 */
async function removeLeftoverTemps(briefDir: string, staleMs: number): Promise<void> {
  const dates = await readdir(briefDir, { withFileTypes: true }).catch(() => []);
  for (const date of dates) {
    if (!date.isDirectory() || date.name.startsWith('.')) continue;
    const dateDir = join(briefDir, date.name);
    const names = await readdir(dateDir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = TEMP_FOLDER.exec(name)?.[1];
      if (pid === undefined) continue;
      const path = join(dateDir, name);
      const info = await lstat(path).catch(() => undefined);
      if (!info) continue;
      // Runs only ever make real folders here: a link under a temporary name was put there by someone else.
      if (info.isSymbolicLink()) throw linkRefused(path);
      const abandoned = Number(pid) === process.pid || !isProcessAlive(Number(pid)) || Date.now() - info.mtimeMs > staleMs;
      if (abandoned) await rm(path, { recursive: true, force: true });
    }
  }
}

/** The highest complete version (one with a readable manifest) in a date folder. */
export async function latestVersion(
  dateDir: string,
): Promise<{ dir: string; version: number; manifest: Manifest } | undefined> {
  const versions = await listVersions(dateDir);
  for (const version of versions.reverse()) {
    const dir = join(dateDir, `v${version}`);
    try {
      const manifest = JSON.parse((await readFileNoFollow(join(dir, MANIFEST_FILE))).toString('utf8')) as Manifest;
      return { dir, version, manifest };
    } catch (e) {
      if (e instanceof BriefwrightError) throw e;
      // A version folder without a readable manifest is not trusted as a base for comparison.
    }
  }
  return undefined;
}

/**
 * Version numbers present in a date folder, ascending. A version that is a symbolic link is refused
 * (ErrorCode.ARCHIVE): it would be read as the base of the next version, or mailed, from outside.
 */
export async function listVersions(dateDir: string): Promise<number[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dateDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const link = entries.find((e) => e.isSymbolicLink() && VERSION_FOLDER.test(e.name));
  if (link) throw linkRefused(join(dateDir, link.name));
  return entries
    .map((e) => VERSION_FOLDER.exec(e.name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Write files into a hidden temporary folder, flush them, and rename it to `dir`.
 * Returns false when `dir` already exists (another run took that number).
 */
async function commitFolder(dateDir: string, dir: string, files: OutputFile[]): Promise<boolean> {
  const tmp = join(dateDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(tmp);
    for (const file of files) await writeFileDurably(join(tmp, file.name), file.bytes);
    await syncFolder(tmp);
    try {
      await rename(tmp, dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTEMPTY') return false;
      throw e;
    }
    await syncFolder(dateDir);
    return true;
  } catch (e) {
    throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot write ${dir}: ${(e as Error).message}`, { cause: e });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
