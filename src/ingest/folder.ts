/**
 * Expand the user's input paths into the files to read. A file is taken as given (its bytes decide whether
 * it is text); a folder means every file in it, recursively, in path order — except hidden files, overrides
 * files (collected separately) and files whose extension says they are not articles.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { warning, type Warning } from '../model/warning.js';
import { isOverrideFileName, OVERRIDE_FILE_NAMES } from './overrides.js';

/** Extensions of files that are certainly not articles: images, documents we have no reader for, archives, media, code. */
const NOT_ARTICLES = new Set(
  [
    'png jpg jpeg gif webp svg bmp tif tiff ico heic heif avif psd',
    'pdf doc docx odt rtf xls xlsx ods csv tsv ppt pptx odp epub',
    'zip gz tgz bz2 xz 7z rar tar zst',
    'mp3 mp4 m4a m4v wav ogg oga ogv flac aac mov avi mkv webm',
    'ttf otf woff woff2 eot',
    'exe dll so dylib bin dmg iso class jar wasm o a',
    'js mjs cjs ts css map lock sqlite db pyc',
  ]
    .join(' ')
    .split(' '),
);

/** A file to read: where it is, and how the user will see its path. */
export interface InputFile {
  absolute: string;
  display: string;
}

export interface ExpandedInputs {
  /** Article candidates, sorted by display path, without duplicates. */
  files: InputFile[];
  /** Overrides files found next to the inputs (absolute paths, sorted). */
  overrideFiles: string[];
  warnings: Warning[];
}

/** A path as the user will recognise it: relative to `cwd` when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

/** True when a folder walk should skip this file name as not an article. */
export function isUnsupportedName(name: string): boolean {
  return NOT_ARTICLES.has(extname(name).slice(1).toLowerCase());
}

/**
 * Expand files and folders into input files. Missing paths, unreadable folders and unsupported files
 * become `input-rejected` warnings; hidden files are skipped without one.
 */
export async function expandInputs(paths: readonly string[], cwd: string = process.cwd()): Promise<ExpandedInputs> {
  const files = new Map<string, InputFile>();
  const overrideFiles = new Set<string>();
  const folders = new Set<string>();
  const warnings: Warning[] = [];
  const reject = (path: string, reason: string): void => {
    warnings.push(warning('input-rejected', 'ingest', reason, { source: path }));
  };

  const addFile = (absolute: string): void => {
    if (isOverrideFileName(absolute)) overrideFiles.add(absolute);
    else files.set(absolute, { absolute, display: displayPath(absolute, cwd) });
    folders.add(dirname(absolute));
  };

  const walk = async (dir: string, seen: Set<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (seen.has(real)) return; // a symlink loop
      seen.add(real);
      folders.add(dir);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      reject(displayPath(dir, cwd), `cannot read folder (${errorCode(error)})`);
      return;
    }
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await kindOf(path) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (kind === 'folder') await walk(path, seen);
      else if (kind === 'missing') reject(displayPath(path, cwd), 'broken link');
      else if (kind.startsWith('unreadable')) reject(displayPath(path, cwd), `cannot read: ${kind}`);
      else if (kind !== 'file') continue;
      else if (isOverrideFileName(entry.name)) overrideFiles.add(path);
      else if (isUnsupportedName(entry.name)) reject(displayPath(path, cwd), `unsupported type (${extname(entry.name).toLowerCase()})`);
      else addFile(path);
    }
  };

  for (const given of paths) {
    const absolute = resolve(cwd, given);
    const kind = await kindOf(absolute);
    if (kind === 'missing') reject(given, 'no such file or folder');
    else if (kind === 'folder') await walk(absolute, new Set());
    else if (kind === 'file') addFile(absolute);
    else if (kind === 'other') reject(given, 'not a regular file or folder');
    else reject(given, `cannot read: ${kind}`);
  }

  // Overrides sit next to the files they describe, also when the files were named one by one.
  for (const folder of folders) {
    for (const name of OVERRIDE_FILE_NAMES) {
      const candidate = join(folder, name);
      if ((await kindOf(candidate)) === 'file') overrideFiles.add(candidate);
    }
  }

  const sorted = [...files.values()].sort((a, b) => compare(a.display, b.display));
  return { files: sorted, overrideFiles: [...overrideFiles].sort(compare), warnings };
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing' | 'other' | `unreadable (${string})`> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : `unreadable (${code})`;
  }
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

/** Code-point order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
