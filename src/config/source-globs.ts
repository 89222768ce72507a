/**
 * Source lists of configured briefs: files, folders and glob patterns ("feeds/bridge/*.html"). Patterns
 * are expanded here, at the edge, so the library only ever sees paths.
 */
import { glob, isDynamicPattern } from 'tinyglobby';

export interface ExpandedSources {
  /** Plain paths as given, then each pattern's matches, sorted, without repeats. */
  paths: string[];
  /** Patterns that matched no file (a plain path that does not exist is reported by ingest instead). */
  unmatched: string[];
}

export async function expandSources(entries: readonly string[]): Promise<ExpandedSources> {
  const paths: string[] = [];
  const unmatched: string[] = [];
  for (const entry of entries) {
    if (!isDynamicPattern(entry)) {
      paths.push(entry);
      continue;
    }
    const matches = await glob(entry, { absolute: true, onlyFiles: true, expandDirectories: false, dot: false });
    if (matches.length === 0) unmatched.push(entry);
    paths.push(...matches.sort());
  }
  return { paths: [...new Set(paths)], unmatched };
}
