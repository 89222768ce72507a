/**
 * `brief diff`: read two archived versions' briefing.json and describe what changed between them.
 * The comparison itself is diff.ts; this is the reading of version folders and the readable report.
 */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { BriefwrightError, ErrorCode } from '../errors.js';
import type { Briefing, ChangeSet, ListChange } from '../model/briefing.js';
import { parseBriefingJson } from '../render/json.js';
import { readFileNoFollow, refuseVersionLinks } from './confine.js';
import { diffBriefings, isEmptyChangeSet } from './diff.js';
import { readManifest } from './manifest-read.js';
import { displayPath, VERSION_FOLDER } from './walk.js';

export const BRIEFING_FILE = 'briefing.json';

export interface ArchivedVersion {
  /** The folder, as a path for messages. */
  dir: string;
  version: number;
  briefing: Briefing;
}

/** Read a version folder's briefing.json and its version number (from manifest.json, else the folder name). */
export async function readArchivedVersion(dir: string, cwd = process.cwd()): Promise<ArchivedVersion> {
  const full = resolve(cwd, dir);
  const shown = displayPath(full, cwd);
  await refuseVersionLinks(full);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new BriefwrightError(ErrorCode.USAGE, `${shown}: no such folder`);
  if (!info.isDirectory()) {
    throw new BriefwrightError(ErrorCode.USAGE, `${shown}: not a folder (give a version folder such as out/<brief>/<date>/v1)`);
  }
  const file = join(full, BRIEFING_FILE);
  let text: string;
  try {
    text = (await readFileNoFollow(file)).toString('utf8');
  } catch (e) {
    if (e instanceof BriefwrightError) throw e;
    const message =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? `${shown} has no ${BRIEFING_FILE} (only versions built with the json format can be compared)`
        : `${displayPath(file, cwd)} cannot be read: ${(e as Error).message}`;
    throw new BriefwrightError(ErrorCode.ARCHIVE, message, { cause: e });
  }
  let briefing: Briefing;
  try {
    briefing = parseBriefingJson(text, displayPath(file, cwd));
  } catch (e) {
    // A damaged archived file is an archive problem, whatever code the reader uses for user-written JSON.
    if (e instanceof BriefwrightError) throw new BriefwrightError(ErrorCode.ARCHIVE, e.message, { cause: e });
    throw e;
  }
  return { dir: shown, version: await versionNumber(full, shown), briefing };
}

async function versionNumber(full: string, shown: string): Promise<number> {
  const read = await readManifest(full);
  const recorded = 'manifest' in read ? (read.manifest.brief as { version?: unknown } | undefined)?.version : undefined;
  if (typeof recorded === 'number' && Number.isInteger(recorded) && recorded > 0) return recorded;
  const named = VERSION_FOLDER.exec(basename(full))?.[1];
  if (named !== undefined && Number(named) > 0) return Number(named);
  throw new BriefwrightError(ErrorCode.ARCHIVE, `${shown}: cannot tell which version this is (no readable manifest.json, and the folder is not named v<N>)`);
}

/** Compare two archived version folders, the older one first. */
export async function compareVersions(a: string, b: string, cwd = process.cwd()): Promise<{ from: ArchivedVersion; to: ArchivedVersion; changes: ChangeSet }> {
  const from = await readArchivedVersion(a, cwd);
  const to = await readArchivedVersion(b, cwd);
  return { from, to, changes: diffBriefings(from.briefing, to.briefing, from.version) };
}

/** The readable report: one heading per section with changes, "+" for added and "−" for dropped lines. */
export function changeReport(from: ArchivedVersion, to: ArchivedVersion, changes: ChangeSet): string {
  const lines = [`Changes from v${from.version} (${from.dir}) to v${to.version} (${to.dir}):`];
  if (isEmptyChangeSet(changes)) {
    lines.push('No changes in the summary, timeline, key quotes or questions.');
  } else {
    section(lines, 'Summary', changes.summary);
    section(lines, 'Timeline', changes.timeline);
    section(lines, 'Key quotes', changes.quotes);
    section(lines, 'Questions opened', { added: changes.questions.added, dropped: [] });
    section(lines, 'Questions answered or dropped', { added: [], dropped: changes.questions.dropped });
  }
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], title: string, change: ListChange): void {
  if (change.added.length === 0 && change.dropped.length === 0) return;
  lines.push(`${title}:`);
  for (const text of change.added) lines.push(`  + ${oneLine(text)}`);
  for (const text of change.dropped) lines.push(`  − ${oneLine(text)}`);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
