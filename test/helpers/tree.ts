/** What a folder holds, byte for byte, to show that a run left it untouched. */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every entry under `dir` (never following links): its relative path, kind, mode, modification time, and
 * content or link target. A file created and removed again still changes its folder's time. `skip` is a
 * folder below `dir` (relative to it) left out, with everything in it.
 */
export function treeSnapshot(dir: string, skip?: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (path === skip) continue;
      const info = lstatSync(join(dir, path));
      if (info.isSymbolicLink()) out.push(`${path} -> ${readlinkSync(join(dir, path))}`);
      else if (info.isDirectory()) {
        out.push(`${path}/ ${info.mode.toString(8)} ${info.mtimeMs}`);
        walk(path);
      } else out.push(`${path} ${info.mode.toString(8)} ${info.mtimeMs} ${readFileSync(join(dir, path)).toString('base64')}`);
    }
  };
  out.push(`./ ${lstatSync(dir).mtimeMs}`);
  walk('');
  return out;
}
