/** manifest.json: what went into a version and what came out, with hashes, so it can be verified years later. */
import { sha256 } from '../durable.js';
import type { Warning } from '../model/warning.js';

export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** An input file as read. */
export interface InputRecord {
  path: string;
  sha256: string;
}

/** An output file inside the version folder. */
export interface FileRecord {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  manifestVersion: typeof MANIFEST_VERSION;
  tool: { name: string; version: string };
  brief: { title: string; slug: string; date: string; version: number };
  /** When the version was written (the only clock reading in the archive). */
  createdAt: string;
  /** Hash of tool version, options and inputs: an equal fingerprint means an equal build. */
  fingerprint: string;
  options: Record<string, unknown>;
  inputs: InputRecord[];
  outputs: FileRecord[];
  warnings: Warning[];
}

export { sha256 };

/** JSON with object keys sorted, so equal values always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function fingerprintOf(parts: { tool: string; options: unknown; inputs: unknown }): string {
  return sha256(canonicalJson(parts));
}
