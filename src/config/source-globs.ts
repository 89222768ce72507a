/**
 * Source lists of configured briefs: files, folders and glob patterns ("feeds/bridge/*.html"). Patterns
 * are expanded here, at the edge, so the library only ever sees paths.
 */
import { isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isUrlInput } from '../ingest/fetch/index.js';

export interface ExpandedSources {
  /** Plain paths as given, then each pattern's matches, sorted, without repeats. */
  paths: string[];
  /** Patterns that matched no file (a plain path that does not exist is reported by ingest instead). */
  unmatched: string[];
}

/**
 * Expand entries written relative to `base` (the config file's folder). Patterns are matched from `base`
 * rather than joined to it, so a folder named "briefs (2024)" or "b[1]" is not read as glob syntax.
 */
export async function expandSources(entries: readonly string[], base: string): Promise<ExpandedSources> {
  const paths: string[] = [];
  const unmatched: string[] = [];
  for (const entry of entries) {
    if (isUrlInput(entry)) {
      paths.push(entry);
      continue;
    }
    if (!isDynamicPattern(entry)) {
      paths.push(isAbsolute(entry) ? entry : resolve(base, entry));
      continue;
    }
    const matches = await glob(entry, { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false, dot: false });
    if (matches.length === 0) unmatched.push(entry);
    paths.push(...matches.sort());
  }
  return { paths: [...new Set(paths)], unmatched };
}
