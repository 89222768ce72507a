/** Helpers for ingest tests: fixture folders, temporary copies, and reading one in-memory file. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource, type SourceDraft } from '../../src/ingest/index.js';
import type { Warning } from '../../src/model/warning.js';

/** Absolute path of a fixture folder under test/fixtures/ingest/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
}

/** A fixture folder's expected.json: source fields by file name ("feed.json#2" for entry 2), expected warnings. */
export interface Expected {
  referenceDate: string;
  sources: Record<string, Record<string, unknown>>;
  warnings?: Partial<Warning>[];
}

export function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(fixture(name), 'expected.json'), 'utf8')) as Expected;
}

/** Copy a fixture folder to a fresh temporary folder, so a test can add generated (binary) files to it. */
export function tempCopy(name?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefwright-ingest-'));
  if (name !== undefined) cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** Read one in-memory file; fails the test unless exactly one article comes out. */
export function readOne(path: string, content: string | Uint8Array, referenceDate = '2025-05-15'): { source: SourceDraft; warnings: Warning[] } {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const { sources, warnings } = readSource(path, bytes, referenceDate);
  if (sources.length !== 1 || !sources[0]) throw new Error(`expected one source from ${path}, got ${sources.length}: ${JSON.stringify(warnings)}`);
  return { source: sources[0], warnings };
}
