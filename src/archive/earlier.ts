/**
 * The brief before this one: the newest complete version of the same slug on the briefing date or before
 * it. A daily brief leads with what its inputs add to that one's, so the inputs it was made from are read.
 */
import { join } from 'node:path';
import { latestVersion } from './store.js';
import { DATE_FOLDER, subfolders } from './walk.js';

export interface EarlierBrief {
  date: string;
  version: number;
  /** SHA-256 of every input the earlier brief was made from. */
  inputs: ReadonlySet<string>;
}

/** The last brief of `slug` in `outDir` dated `date` or earlier, or undefined when there is none. */
export async function earlierBrief(outDir: string, slug: string, date: string): Promise<EarlierBrief | undefined> {
  const briefDir = join(outDir, slug);
  const dates = (await subfolders(briefDir)).filter((d) => DATE_FOLDER.test(d) && d <= date).sort().reverse();
  for (const day of dates) {
    const latest = await latestVersion(join(briefDir, day));
    if (latest) return { date: day, version: latest.version, inputs: new Set(latest.manifest.inputs.map((i) => i.sha256)) };
  }
  return undefined;
}
