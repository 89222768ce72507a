/**
 * Reading an archived version for delivery: which folder ("latest" or a path), its manifest, the PDF to
 * attach and the Briefing for the email body. Files are checked against the manifest's hashes, so what
 * is mailed is what was archived; nothing here writes.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { readFileNoFollow, refuseLinks, refuseVersionLinks } from '../archive/confine.js';
import { MANIFEST_FILE, sha256, type Manifest } from '../archive/manifest.js';
import { readManifest } from '../archive/manifest-read.js';
import { latestVersion } from '../archive/store.js';
import { DATE_FOLDER, subfolders } from '../archive/walk.js';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { isFile, isFolder } from '../fs-checks.js';
import type { Briefing } from '../model/briefing.js';
import { warning, type Warning } from '../model/warning.js';
import { parseBriefingJson } from '../render/json.js';

export const PDF_FILE = 'briefing.pdf';
export const JSON_FILE = 'briefing.json';

/** A version folder as delivery needs it. */
export interface ArchivedVersion {
  dir: string;
  manifest: Manifest;
  pdf: Uint8Array;
  /** The Briefing from briefing.json, or null when the version was built without JSON. */
  briefing: Briefing | null;
  /** The archive root (out/) when the folder sits at out/<slug>/<date>/v<N>, else null. */
  outDir: string | null;
  warnings: Warning[];
}

function usage(message: string): never {
  throw new BriefwrightError(ErrorCode.USAGE, message);
}

/** Visible sub-folders of a folder, sorted. */
async function folders(dir: string): Promise<string[]> {
  return (await subfolders(dir)).sort();
}

/** The newest complete version of one brief: the latest date folder that holds one. */
async function latestOfBrief(briefDir: string): Promise<string | undefined> {
  const dates = (await folders(briefDir)).filter((name) => DATE_FOLDER.test(name)).reverse();
  for (const date of dates) {
    const found = await latestVersion(join(briefDir, date));
    if (found) return found.dir;
  }
  return undefined;
}

/**
 * The version folder a user means: "latest" (the newest version of the newest date of the only brief in
 * `outDir`), "<slug>/latest" (the same for a named brief), or a path to a version folder.
 */
export async function resolveVersionDir(pathOrLatest: string, outDir: string): Promise<string> {
  const named = /^([a-z0-9][a-z0-9-]*)\/latest$/.exec(pathOrLatest)?.[1];
  if (pathOrLatest === 'latest' || named !== undefined) {
    if (!isFolder(outDir)) usage(`no archive at ${outDir}: build a brief first, or name a version folder`);
    let slug = named;
    if (slug === undefined) {
      const briefs = await folders(outDir);
      if (briefs.length === 0) usage(`no briefs in ${outDir}: build one first`);
      if (briefs.length > 1) usage(`${outDir} holds ${briefs.length} briefs (${briefs.join(', ')}): say which, e.g. ${briefs[0]}/latest`);
      slug = briefs[0]!;
    }
    // The brief folder is read below: it must be the archive's own, not a link to somewhere else.
    await refuseLinks(outDir, join(outDir, slug));
    const dir = await latestOfBrief(join(outDir, slug));
    if (dir === undefined) usage(`no complete version of "${slug}" in ${outDir}`);
    return dir;
  }
  const dir = resolve(pathOrLatest);
  if (!isFolder(dir)) usage(`${pathOrLatest} is not a folder (give a version folder such as out/<slug>/<date>/v1, or "latest")`);
  if (!isFile(join(dir, MANIFEST_FILE))) usage(`${pathOrLatest} is not a version folder: it has no ${MANIFEST_FILE}`);
  return dir;
}

function undeliverable(dir: string, why: string, cause?: unknown): never {
  throw new BriefwrightError(ErrorCode.DELIVERY, `${dir} cannot be emailed: ${why}`, cause === undefined ? undefined : { cause });
}

/** The manifest as verify reads it, plus the fields an email needs (title, date, version, time, fingerprint). */
async function manifestFor(dir: string): Promise<Manifest> {
  const read = await readManifest(dir);
  if ('error' in read) return undeliverable(dir, read.error);
  const { manifest } = read;
  const brief = manifest.brief;
  const ok =
    typeof brief?.title === 'string' &&
    typeof brief.slug === 'string' &&
    typeof brief.date === 'string' &&
    Number.isInteger(brief.version) &&
    typeof manifest.createdAt === 'string' &&
    !Number.isNaN(Date.parse(manifest.createdAt)) &&
    typeof manifest.fingerprint === 'string' &&
    Array.isArray(manifest.outputs);
  if (!ok) undeliverable(dir, `${MANIFEST_FILE} lacks brief.title/slug/date/version, createdAt, fingerprint or outputs`);
  return manifest;
}

/** Read an output file and check it against the hash the manifest recorded; undefined when absent. */
async function readOutput(dir: string, manifest: Manifest, name: string): Promise<Uint8Array | undefined> {
  const record = manifest.outputs.find((o) => o.path === name);
  if (record === undefined) {
    if (isFile(join(dir, name))) undeliverable(dir, `${name} is not listed in ${MANIFEST_FILE}`);
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFileNoFollow(join(dir, name));
  } catch (error) {
    if (error instanceof BriefwrightError) throw error;
    return undeliverable(dir, `${name} is listed in ${MANIFEST_FILE} but cannot be read (${(error as Error).message})`, error);
  }
  if (sha256(bytes) !== record.sha256) {
    throw new BriefwrightError(ErrorCode.VERIFY, `${join(dir, name)} does not match the hash in ${MANIFEST_FILE}: it was changed after it was archived`);
  }
  return bytes;
}

/** The archive root when `dir` is out/<slug>/<date>/v<N> for the manifest's own slug, date and version. */
function archiveRoot(dir: string, manifest: Manifest): string | null {
  const { slug, date, version } = manifest.brief;
  const dateDir = dirname(dir);
  const briefDir = dirname(dateDir);
  const fits = basename(dir) === `v${version}` && basename(dateDir) === date && basename(briefDir) === slug;
  return fits ? dirname(briefDir) : null;
}

/** Read a version folder for delivery; the PDF is required, the JSON (for the email body) is not. */
export async function readVersion(versionDir: string): Promise<ArchivedVersion> {
  const dir = resolve(versionDir);
  // Its send log and lock are written in <out>/<slug>: nothing is read or sent through a link below <out>.
  await refuseVersionLinks(dir);
  if (!isFolder(dir)) undeliverable(versionDir, 'no such folder');
  const manifest = await manifestFor(dir);
  const pdf = await readOutput(dir, manifest, PDF_FILE);
  if (pdf === undefined) undeliverable(dir, `it has no ${PDF_FILE} (build it with the pdf format)`);
  const warnings: Warning[] = [];
  const json = await readOutput(dir, manifest, JSON_FILE);
  const briefing = json === undefined ? null : parseBriefingJson(new TextDecoder().decode(json), join(dir, JSON_FILE));
  if (briefing === null) {
    warnings.push(
      warning('delivery-note', 'deliver', `no ${JSON_FILE} in this version: the email body has only the title, the brief is in the attached PDF`, {
        source: dir,
      }),
    );
  }
  const outDir = archiveRoot(dir, manifest);
  if (outDir === null) {
    warnings.push(
      warning('delivery-note', 'deliver', 'the folder is not at <out>/<slug>/<date>/v<N>, so no send log is kept and nobody is skipped', {
        source: dir,
      }),
    );
  }
  return { dir, manifest, pdf, briefing, outDir, warnings };
}
