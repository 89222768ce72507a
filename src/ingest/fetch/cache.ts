/**
 * The on-disk fetch cache: one entry per URL as asked, named by the SHA-256 of that URL, as two files —
 * `<key>.body` (the decoded bytes) and `<key>.json` (what was fetched, when, and the body's hash). Each is
 * written to a temporary file and renamed into place, and the sidecar's hash ties the pair together, so a
 * reader sees a whole entry or none. The cache is an optimisation: reading or writing it never fails a fetch.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../../durable.js';

/** The sidecar `<key>.json`. */
export interface CacheEntry {
  /** The URL as asked: the key, checked again on reading. */
  url: string;
  finalUrl: string;
  status: number;
  contentType?: string;
  charset?: string;
  etag?: string;
  lastModified?: string;
  /** When the bytes last came from (or were confirmed by) the network, ISO 8601. */
  fetchedAt: string;
  /** SHA-256 of the body file, hex. */
  sha256: string;
}

export interface CachedCopy {
  entry: CacheEntry;
  bytes: Uint8Array;
}

/** The file name stem of `url`'s entry: the SHA-256 of the URL exactly as asked. */
export function cacheKey(url: string): string {
  return sha256(url);
}

/** `url`'s entry in `cacheDir`, or undefined when there is none or it is partial, unreadable or corrupt. */
export async function readCached(cacheDir: string, url: string): Promise<CachedCopy | undefined> {
  const stem = join(cacheDir, cacheKey(url));
  try {
    const entry = parseEntry(JSON.parse(await readFile(`${stem}.json`, 'utf8')));
    if (entry === undefined || entry.url !== url) return undefined;
    const bytes = new Uint8Array(await readFile(`${stem}.body`));
    return sha256(bytes) === entry.sha256 ? { entry, bytes } : undefined;
  } catch {
    return undefined;
  }
}

/** Store `bytes` as `entry.url`'s entry (the hash is computed here). Any failure leaves the cache as it was. */
export async function writeCached(cacheDir: string, entry: Omit<CacheEntry, 'sha256'>, bytes: Uint8Array): Promise<void> {
  const stem = join(cacheDir, cacheKey(entry.url));
  try {
    await mkdir(cacheDir, { recursive: true });
    // Body first: until the new sidecar lands, the old one's hash disowns the new body.
    await writeAtomically(`${stem}.body`, bytes);
    await writeAtomically(`${stem}.json`, sidecarText({ ...entry, sha256: sha256(bytes) }));
  } catch {
    // A read-only or full cache folder only means this fetch is not cached.
  }
}

/** Rewrite only the sidecar of an entry whose body is unchanged (after a 304). */
export async function updateCachedEntry(cacheDir: string, entry: CacheEntry): Promise<void> {
  try {
    await writeAtomically(`${join(cacheDir, cacheKey(entry.url))}.json`, sidecarText(entry));
  } catch {
    // As in writeCached: the cache is an optimisation.
  }
}

/** True when `entry` was fetched less than `maxAgeMs` before `now` (an entry from the future is stale). */
export function isFresh(entry: CacheEntry, now: number, maxAgeMs: number): boolean {
  const age = now - Date.parse(entry.fetchedAt);
  return age >= 0 && age < maxAgeMs;
}

/** Fixed key order, so the same entry is always the same bytes. */
function sidecarText(entry: CacheEntry): string {
  const { url, finalUrl, status, contentType, charset, etag, lastModified, fetchedAt } = entry;
  return `${JSON.stringify({ url, finalUrl, status, contentType, charset, etag, lastModified, fetchedAt, sha256: entry.sha256 }, null, 2)}\n`;
}

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  // The process id keeps two runs writing the same entry at once off each other's temporary file.
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The sidecar if every field has the right type, else undefined. */
function parseEntry(value: unknown): CacheEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const optional = (key: string): boolean => v[key] === undefined || typeof v[key] === 'string';
  const valid =
    typeof v['url'] === 'string' &&
    typeof v['finalUrl'] === 'string' &&
    typeof v['status'] === 'number' &&
    typeof v['fetchedAt'] === 'string' &&
    !Number.isNaN(Date.parse(v['fetchedAt'])) &&
    typeof v['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(v['sha256']) &&
    ['contentType', 'charset', 'etag', 'lastModified'].every(optional);
  if (!valid) return undefined;
  const entry: CacheEntry = {
    url: v['url'] as string,
    finalUrl: v['finalUrl'] as string,
    status: v['status'] as number,
    fetchedAt: v['fetchedAt'] as string,
    sha256: v['sha256'] as string,
  };
  for (const key of ['contentType', 'charset', 'etag', 'lastModified'] as const) {
    if (typeof v[key] === 'string') entry[key] = v[key];
  }
  return entry;
}
