/**
 * `brief verify`: check archived versions against their manifests — every listed output present with
 * its size and SHA-256, nothing unlisted beside them — and, on request, the inputs still at their
 * recorded paths. Returns a report; the caller decides how to print it and when to fail.
 */
import { readdir, readFile } from 'node:fs/promises';
import { readFileNoFollow } from './confine.js';
import { basename, dirname, join, resolve } from 'node:path';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { MANIFEST_FILE, sha256, type Manifest } from './manifest.js';
import { readManifest } from './manifest-read.js';
import { displayPath, findVersions, VERSION_FOLDER } from './walk.js';
import { cacheKey } from '../ingest/fetch/cache.js';
import { isUrlInput } from '../ingest/fetch/index.js';
import { FETCH_CACHE_DIR } from '../paths.js';

export type ProblemKind = 'changed' | 'missing' | 'extra' | 'manifest' | 'input-changed' | 'input-missing';

export interface Problem {
  kind: ProblemKind;
  /** The file concerned, as a path for messages (relative to the working folder when inside it). */
  path: string;
  detail: string;
}

export interface VersionCheck {
  /** The version folder, as a path for messages. */
  dir: string;
  /** Files checked: the listed outputs plus manifest.json. */
  files: number;
  problems: Problem[];
}

export interface VerifyOptions {
  /** Also check the input files at the paths the manifest recorded. */
  inputs?: boolean;
  /** Where relative input paths and message paths start from. */
  cwd?: string;
}

/** Check every version under `path` (a version, date or brief folder, or the archive root). */
export async function verifyArchive(path: string, options: VerifyOptions = {}): Promise<VersionCheck[]> {
  const versions = await findVersions(path, options.cwd);
  if (versions.length === 0) {
    throw new BriefwrightError(ErrorCode.ARCHIVE, `no archived versions under ${displayPath(path, options.cwd)}`);
  }
  const inputHashes = new Map<string, Promise<string | null>>();
  const checks: VersionCheck[] = [];
  for (const v of versions) checks.push(await verifyVersion(v.dir, options, inputHashes));
  return checks;
}

/** Check one version folder. `inputHashes` lets many versions built from the same inputs read them once. */
export async function verifyVersion(
  dir: string,
  options: VerifyOptions = {},
  inputHashes = new Map<string, Promise<string | null>>(),
): Promise<VersionCheck> {
  const cwd = options.cwd ?? process.cwd();
  const show = (p: string) => displayPath(p, cwd);
  const read = await readManifest(dir);
  if ('error' in read) {
    return { dir: show(dir), files: 0, problems: [{ kind: 'manifest', path: show(join(dir, MANIFEST_FILE)), detail: read.error }] };
  }
  const { manifest } = read;
  const problems: Problem[] = [...folderMismatch(dir, manifest, show)];
  for (const output of manifest.outputs) {
    const file = join(dir, output.path);
    // Never through a link (that throws ErrorCode.ARCHIVE): verify reads nothing outside the version.
    const bytes = await readFileNoFollow(file).catch((e: NodeJS.ErrnoException) => {
      if (e instanceof BriefwrightError) throw e;
      return e;
    });
    if (bytes instanceof Error) {
      const detail = bytes.code === 'ENOENT' ? 'listed in manifest.json but not found' : `cannot be read: ${bytes.message}`;
      problems.push({ kind: 'missing', path: show(file), detail });
    } else if (bytes.byteLength !== output.bytes) {
      problems.push({ kind: 'changed', path: show(file), detail: `${bytes.byteLength} bytes, manifest.json says ${output.bytes}` });
    } else if (sha256(bytes) !== output.sha256) {
      problems.push({ kind: 'changed', path: show(file), detail: 'content differs from manifest.json (SHA-256)' });
    }
  }
  const listed = new Set([MANIFEST_FILE, ...manifest.outputs.map((o) => o.path)]);
  for (const extra of (await filesIn(dir)).filter((f) => !listed.has(f))) {
    const what = extra.endsWith('/') ? 'an empty folder ' : '';
    problems.push({ kind: 'extra', path: show(join(dir, extra)), detail: `${what}not listed in manifest.json` });
  }
  if (options.inputs) problems.push(...(await checkInputs(manifest, cwd, inputHashes, join(dir, '..', '..', '..', FETCH_CACHE_DIR))));
  return { dir: show(dir), files: manifest.outputs.length + 1, problems };
}

/** A manifest copied into the wrong folder says so: its version (and date) must be the folder's. */
function folderMismatch(dir: string, manifest: Manifest, show: (p: string) => string): Problem[] {
  const brief = manifest.brief as Partial<Manifest['brief']> | undefined;
  const folder = basename(resolve(dir));
  const parent = basename(dirname(resolve(dir)));
  const path = show(join(dir, MANIFEST_FILE));
  const out: Problem[] = [];
  const number = VERSION_FOLDER.exec(folder)?.[1];
  if (number !== undefined && brief?.version !== undefined && brief.version !== Number(number)) {
    out.push({ kind: 'manifest', path, detail: `describes v${brief.version}, but its folder is ${folder}` });
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(parent) && brief?.date !== undefined && brief.date !== parent) {
    out.push({ kind: 'manifest', path, detail: `describes ${brief.date}, but its folder is ${parent}` });
  }
  return out;
}

/** Every file and empty folder inside a version folder, as paths relative to it, sorted. */
async function filesIn(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) {
      const inner = await filesIn(dir, rel);
      out.push(...(inner.length > 0 ? inner : [`${rel}/`]));
    } else {
      out.push(rel);
    }
  }
  return out.sort();
}

/**
 * Inputs still as recorded: a file at its path, a fetched URL in the fetch cache beside the archive (the
 * bytes the brief was made from; verify never fetches).
 */
async function checkInputs(manifest: Manifest, cwd: string, hashes: Map<string, Promise<string | null>>, fetchCache: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const input of Array.isArray(manifest.inputs) ? manifest.inputs : []) {
    if (typeof input?.path !== 'string' || seen.has(input.path)) continue;
    seen.add(input.path);
    const full = isUrlInput(input.path) ? `${join(fetchCache, cacheKey(input.path))}.body` : resolve(cwd, input.path);
    if (!hashes.has(full)) hashes.set(full, readFile(full).then(sha256, () => null));
    const actual = await hashes.get(full);
    if (actual === null) {
      const where = isUrlInput(input.path) ? 'no longer in the fetch cache beside the archive' : 'not found';
      problems.push({ kind: 'input-missing', path: input.path, detail: `input recorded in manifest.json ${where}` });
    } else if (actual !== input.sha256) {
      problems.push({ kind: 'input-changed', path: input.path, detail: 'input differs from the one this version was built from' });
    }
  }
  return problems;
}

/** "ok out/x/2022-02-21/v1 (4 files)" or "FAILED out/x/2022-02-21/v1: 1 changed, 1 extra". */
export function checkLine(check: VersionCheck): string {
  if (check.problems.length === 0) return `ok ${check.dir} (${check.files} file${check.files === 1 ? '' : 's'})`;
  const counts = new Map<ProblemKind, number>();
  for (const p of check.problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return `FAILED ${check.dir}: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}`;
}

/** Throw ErrorCode.VERIFY naming every bad file, when any check found a problem. */
export function assertVerified(checks: VersionCheck[]): void {
  const bad = checks.filter((c) => c.problems.length > 0);
  if (bad.length === 0) return;
  const lines = bad.flatMap((c) => c.problems.map((p) => `  ${p.path}: ${p.kind}: ${p.detail}`));
  throw new BriefwrightError(
    ErrorCode.VERIFY,
    `verification failed for ${bad.length} of ${checks.length} version${checks.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
  );
}
