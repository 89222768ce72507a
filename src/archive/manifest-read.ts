/**
 * Read a version's manifest.json back, checking the fields that verify and list rely on, so a damaged
 * manifest is reported by name instead of crashing a report half-way.
 */
import { isAbsolute, join, normalize } from 'node:path';
import { BriefwrightError } from '../errors.js';
import { readFileNoFollow } from './confine.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';

export type ManifestRead = { manifest: Manifest } | { error: string };

/** Read and check manifest.json; a manifest that is a symbolic link is refused (throws ErrorCode.ARCHIVE). */
export async function readManifest(versionDir: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = (await readFileNoFollow(join(versionDir, MANIFEST_FILE))).toString('utf8');
  } catch (e) {
    if (e instanceof BriefwrightError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${MANIFEST_FILE} is missing` : `${MANIFEST_FILE} cannot be read: ${(e as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `${MANIFEST_FILE} is not valid JSON: ${(e as Error).message}` };
  }
  const problem = shapeProblem(data);
  return problem ? { error: `${MANIFEST_FILE} ${problem}` } : { manifest: data as Manifest };
}

function shapeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'is not a JSON object';
  const m = data as Record<string, unknown>;
  if (!Array.isArray(m['outputs'])) return 'has no "outputs" list';
  for (const [i, o] of (m['outputs'] as unknown[]).entries()) {
    const r = o as Record<string, unknown> | null;
    if (typeof r?.['path'] !== 'string' || typeof r['sha256'] !== 'string' || typeof r['bytes'] !== 'number') {
      return `has an unreadable entry outputs[${i}] (needs path, sha256, bytes)`;
    }
    if (!isPlainRelative(r['path'])) return `lists outputs[${i}] "${r['path']}", a path outside its folder`;
  }
  if (m['inputs'] !== undefined && !Array.isArray(m['inputs'])) return 'has an "inputs" field that is not a list';
  return null;
}

/** A path that stays inside the version folder (a tampered manifest must not make verify read elsewhere). */
function isPlainRelative(path: string): boolean {
  if (path === '' || isAbsolute(path)) return false;
  const norm = normalize(path);
  return norm === path.replace(/\/+$/, '') && !norm.split(/[\\/]/).includes('..');
}
