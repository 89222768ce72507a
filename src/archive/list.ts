/**
 * `brief list`: the briefs, dates and versions in an archive, with title, creation time and output files,
 * read from each version's manifest. Sorted by slug, date and version number.
 */
import { readManifest } from './manifest-read.js';
import { displayPath, findVersions } from './walk.js';

export interface ListedVersion {
  version: number;
  /** The version folder, as a path for messages (relative to the working folder when inside it). */
  dir: string;
  title: string | null;
  createdAt: string | null;
  /** Output file names as the manifest lists them. */
  outputs: string[];
  /** Why the manifest could not be used, when it could not (the version is still listed). */
  problem?: string;
}

export interface ListedDate {
  date: string;
  versions: ListedVersion[];
}

export interface ListedBrief {
  slug: string;
  /** The title of the newest version that has one. */
  title: string | null;
  dates: ListedDate[];
}

/** Every version under `path` (archive root, brief, date or version folder), grouped by brief and date. */
export async function listArchive(path: string, options: { cwd?: string } = {}): Promise<ListedBrief[]> {
  const cwd = options.cwd ?? process.cwd();
  const briefs: ListedBrief[] = [];
  for (const found of await findVersions(path, cwd)) {
    const read = await readManifest(found.dir);
    const manifest = 'manifest' in read ? read.manifest : undefined;
    const entry: ListedVersion = {
      version: found.version,
      dir: displayPath(found.dir, cwd),
      title: typeof manifest?.brief?.title === 'string' ? manifest.brief.title : null,
      createdAt: typeof manifest?.createdAt === 'string' ? manifest.createdAt : null,
      outputs: manifest ? manifest.outputs.map((o) => o.path) : [],
    };
    if ('error' in read) entry.problem = read.error;
    // findVersions sorts by slug, date, version: a new brief or date starts whenever the key changes.
    let brief = briefs.at(-1);
    if (brief?.slug !== found.slug) briefs.push((brief = { slug: found.slug, title: null, dates: [] }));
    let date = brief.dates.at(-1);
    if (date?.date !== found.date) brief.dates.push((date = { date: found.date, versions: [] }));
    date.versions.push(entry);
    if (entry.title !== null) brief.title = entry.title;
  }
  return briefs;
}

/**
 * The listing as text:
 *   harbour-bridge — Harbour bridge closed
 *     2023-03-09 v1  2023-03-09T06:30:00.000Z  briefing.json briefing.md  out/harbour-bridge/2023-03-09/v1
 */
export function listingText(briefs: ListedBrief[]): string {
  const lines: string[] = [];
  for (const brief of briefs) {
    lines.push(brief.title === null ? brief.slug : `${brief.slug} — ${brief.title}`);
    for (const date of brief.dates) {
      for (const v of date.versions) {
        const retitled = v.title !== null && v.title !== brief.title ? `  “${v.title}”` : '';
        const what = v.problem === undefined ? `${v.createdAt ?? '(no time)'}  ${v.outputs.join(' ')}` : `(${v.problem})`;
        lines.push(`  ${date.date} v${v.version}  ${what}${retitled}  ${v.dir}`);
      }
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
