/**
 * `sources.json` / `sources.yaml` (or `.yml`): per-file metadata that overrides what readers found, keyed by
 * the file's path relative to the folder holding the overrides file. The file is validated strictly — a
 * typo there would silently put wrong facts in a brief — and any problem is a CONFIG error naming the
 * overrides file, the line and the key.
 */
import { basename, dirname, resolve } from 'node:path';
import { configError, parseConfigText } from '../config/yaml-file.js';
import { isAbsoluteUrl, type Source, type SourceMeta } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import { isIsoDate } from './dates.js';

/** File names that hold overrides; never read as articles. */
export const OVERRIDE_FILE_NAMES = ['sources.json', 'sources.yaml', 'sources.yml'] as const;

/** Fields an override may set: every SourceMeta field. */
const FIELDS: readonly (keyof SourceMeta)[] = ['title', 'outlet', 'url', 'published', 'author', 'lang'];

/** One parsed overrides file. */
export interface OverrideFile {
  /** Path as shown to the user. */
  path: string;
  /** Absolute folder the keys are relative to. */
  dir: string;
  /** Key as written → the metadata it sets. */
  entries: Map<string, SourceMeta>;
}

/** True when a file name is one of the overrides file names. */
export function isOverrideFileName(path: string): boolean {
  return (OVERRIDE_FILE_NAMES as readonly string[]).includes(basename(path).toLowerCase());
}

/**
 * Parse and validate an overrides file's text. `path` is shown in errors; `absolutePath` anchors the keys.
 * Throws BriefwrightError(CONFIG) for malformed content.
 */
export function parseOverrides(text: string, path: string, absolutePath: string): OverrideFile {
  const { data: parsed, lineOf } = parseConfigText(text, path);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    configError(path, 1, 'must map file names to metadata, e.g. { "a.txt": { "outlet": "…" } }');
  }
  const data = parsed as Record<string, unknown>;
  const entries = new Map<string, SourceMeta>();
  for (const [key, fields] of Object.entries(data)) {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      configError(path, lineOf([key]), `"${key}" must be an object of fields (${FIELDS.join(', ')})`);
    }
    const meta: SourceMeta = {};
    for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
      const line = lineOf([key, field]);
      if (!(FIELDS as readonly string[]).includes(field)) {
        configError(path, line, `"${key}": unknown field "${field}" (allowed: ${FIELDS.join(', ')})`);
      }
      if (typeof value !== 'string' || value.trim() === '') {
        configError(path, line, `"${key}".${field} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`);
      }
      if (field === 'url' && !isAbsoluteUrl(value.trim())) {
        configError(path, line, `"${key}".url must be an absolute URL such as https://…, got "${value}"`);
      }
      if (field === 'published' && !isIsoDate(value.trim())) {
        configError(path, line, `"${key}".published must be a calendar date YYYY-MM-DD, got "${value}"`);
      }
      meta[field as keyof SourceMeta] = value.trim().toWellFormed();
    }
    entries.set(key, meta);
  }
  return { path, dir: dirname(absolutePath), entries };
}

/** A source with the absolute path of its file, so override keys can be matched against it. */
export interface LocatedSource {
  absolute: string;
  source: Source | Omit<Source, 'id'>;
}

/**
 * Apply overrides to sources (in place), shallow folders first so a nearer file wins; origin 'override'.
 * Returns an `override-unmatched` warning for every key that names no input.
 */
export function applyOverrides(files: readonly OverrideFile[], sources: readonly LocatedSource[], exists: (absolute: string) => boolean): Warning[] {
  const warnings: Warning[] = [];
  const ordered = [...files].sort((a, b) => a.dir.length - b.dir.length || compare(a.path, b.path));
  for (const file of ordered) {
    for (const [key, meta] of file.entries) {
      const target = resolve(file.dir, key);
      const matched = sources.filter((s) => s.absolute === target);
      for (const { source } of matched) {
        for (const field of FIELDS) {
          const value = meta[field];
          if (value === undefined) continue;
          source.meta[field] = value;
          source.metaOrigin[field] = 'override';
        }
      }
      if (matched.length === 0) {
        const reason = exists(target)
          ? `names "${key}", which is not among the inputs (or holds no readable article)`
          : `names "${key}", but there is no such file next to it`;
        warnings.push(warning('override-unmatched', 'ingest', reason, { source: file.path, position: { field: key } }));
      }
    }
  }
  return warnings;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
