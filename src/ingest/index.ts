/**
 * ingest: files and folders → Source[]. One reader per format in the `readers` table (adding a format is
 * one file and one row); `readSource` is pure on bytes; `ingest` does the I/O — expanding folders, reading
 * bytes, applying sources.json/yaml overrides — and numbers the sources S1, S2, … in path order.
 * A bad file becomes a warning; only "nothing at all could be read" is an error.
 */
import { existsSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { defaultInputOptions } from '../options.js';
import { formatByteSize } from '../sizes.js';
import { isAbsoluteUrl, type Source, type SourceFormat, type SourceMeta } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import { isIsoDate } from './dates.js';
import { decode } from './decode.js';
import { displayPath, expandInputs } from './folder.js';
import { readHtml } from './html.js';
import { readJson } from './json.js';
import { readMarkdown } from './markdown.js';
import { applyOverrides, parseOverrides, type LocatedSource, type OverrideFile } from './overrides.js';
import { sniffFormat } from './sniff.js';
import { readText } from './text.js';
import { defaultFetchOptions, isUrlInput, type FetchOptions } from './fetch/index.js';
import { expandIfFeed, loadUrl, type LoadedInput, type RemoteOptions } from './remote.js';
import { toolName, toolVersion } from '../paths.js';
import { sha256 } from '../durable.js';
import type { LeftBlock, Reader, ReaderInput, ReaderResult } from './types.js';

export type { Article, LeftBlock, Reader, ReaderInput, ReaderResult } from './types.js';
export { decode, type Decoded } from './decode.js';
export { sniffFormat } from './sniff.js';
export { normalizeDate } from './dates.js';
export { expandInputs, displayPath, type InputFile } from './folder.js';
export type { LoadedInput } from './remote.js';
export { applyOverrides, parseOverrides, OVERRIDE_FILE_NAMES, type OverrideFile } from './overrides.js';

/** The reader for each format. */
export const readers: Record<SourceFormat, Reader> = {
  text: readText,
  html: readHtml,
  markdown: readMarkdown,
  json: readJson,
};

/** A source before ids are given out (ids depend on every other input). */
export type SourceDraft = Omit<Source, 'id'>;

export interface IngestOptions {
  /** Briefing date, YYYY-MM-DD: completes dates without a year. */
  referenceDate: string;
  /** Largest file read or body fetched, in bytes (default: defaultInputOptions.maxFileBytes). */
  maxFileBytes?: number;
  /** Fetch from loopback and private addresses too (default false). */
  allowPrivate?: boolean;
  /** Folder of the fetch cache (beside the archive); absent: every URL is fetched. */
  cacheDir?: string;
  /** Feed items published before this instant (ms since the epoch) are left out. */
  sinceMs?: number;
  /** Told before each URL is fetched. */
  onProgress?: (message: string) => void;
}

export interface IngestResult {
  sources: Source[];
  warnings: Warning[];
}

/** What one file's bytes gave: its articles, what the reader doubted, and what it left out of each article. */
export interface SourceRead {
  sources: SourceDraft[];
  warnings: Warning[];
  /** For each of `sources`, the blocks its reader left out as not the article. */
  left: LeftBlock[][];
}

/** Read one file's bytes into sources (several for a JSON list). Pure: no I/O, no clock. */
export function readSource(path: string, bytes: Uint8Array, referenceDate: string): SourceRead {
  const decoded = decode(bytes);
  if (!decoded.ok) return { sources: [], warnings: [warning('input-rejected', 'ingest', decoded.reason, { source: path })], left: [] };
  const warnings: Warning[] = [];
  if (decoded.guess !== undefined) {
    warnings.push(warning('encoding-guessed', 'ingest', `encoding ${decoded.guess}`, { source: path }));
  }
  if (decoded.repaired !== undefined) {
    const n = decoded.repaired;
    warnings.push(warning('encoding-repaired', 'ingest', `${n} invalid UTF-8 byte sequence${n === 1 ? '' : 's'} read as U+FFFD (�)`, { source: path }));
  }
  const digest = sha256(bytes);
  const format = sniffFormat(decoded.text, path);
  const result = readSafely(readers[format], { path, text: decoded.text, referenceDate });
  warnings.push(...result.warnings);
  if (result.articles.length === 0 && !result.warnings.some((w) => w.kind === 'input-rejected')) {
    warnings.push(warning('input-rejected', 'ingest', `no article text found (read as ${format})`, { source: path }));
  }
  const sources = result.articles.map((article): SourceDraft => {
    const source: SourceDraft = {
      path,
      format: article.format,
      encoding: decoded.encoding,
      sha256: digest,
      meta: usableMeta(article.meta, path, warnings),
      metaOrigin: article.metaOrigin,
      // JSON escapes can spell lone surrogates ("\ud800"): no text leaves a reader that is not valid Unicode.
      blocks: article.blocks.map((b) => (b.text.isWellFormed() ? b : { ...b, text: b.text.toWellFormed() })),
    };
    if (article.entry !== undefined) source.entry = article.entry;
    return source;
  });
  return { sources, warnings, left: result.articles.map((article) => article.left ?? []) };
}

/** Metadata with every lone surrogate made U+FFFD, and a URL that is no address left out with a warning. */
function usableMeta(meta: SourceMeta, path: string, warnings: Warning[]): SourceMeta {
  const out: SourceMeta = {};
  for (const [field, value] of Object.entries(meta) as Array<[keyof SourceMeta, string | undefined]>) {
    if (value !== undefined) out[field] = value.toWellFormed();
  }
  if (out.url !== undefined && !isAbsoluteUrl(out.url)) {
    warnings.push(warning('metadata-missing', 'ingest', `"${out.url}" is not an absolute URL; the source is listed without one`, { source: path, position: { field: 'url' } }));
    delete out.url;
  }
  return out;
}

/**
 * A reader's result, or the file rejected: one bad file costs that file, never the brief. A reader
 * refuses input by throwing BriefwrightError INPUT; anything else it throws is a bug, reported as such.
 */
function readSafely(reader: Reader, input: ReaderInput): ReaderResult {
  try {
    return reader(input);
  } catch (error) {
    const reason =
      error instanceof BriefwrightError && error.code === ErrorCode.INPUT
        ? error.message
        : `the reader failed (${error instanceof Error ? error.message : String(error)}; a bug, please report it)`;
    return { articles: [], warnings: [warning('input-rejected', 'ingest', reason, { source: input.path })] };
  }
}

/**
 * Read files and folders into sources, numbered S1, S2, … in path order (then entry order). Throws
 * BriefwrightError CONFIG for a malformed sources.json/yaml, NO_SOURCES when no article could be read.
 */
export async function ingest(paths: string[], options: IngestOptions): Promise<IngestResult> {
  if (!isIsoDate(options.referenceDate)) {
    throw new BriefwrightError(ErrorCode.USAGE, `reference date must be a calendar date YYYY-MM-DD, got "${options.referenceDate}"`);
  }
  const { inputs, warnings, overrideFiles } = await loadInputs(paths, options);
  const overrides = await loadOverrides(overrideFiles);

  const located: LocatedSource[] = [];
  for (const input of inputs) {
    const read = readLoaded(input, options.referenceDate);
    warnings.push(...read.warnings);
    located.push(...read.sources.map((source) => ({ absolute: input.absolute ?? input.display, source })));
  }
  warnings.push(...applyOverrides(overrides, located, existsSync));

  const sources = located.map(({ source }, i): Source => ({ id: `S${i + 1}`, ...source }));
  if (sources.length === 0) {
    const reasons = warnings
      .filter((w) => w.kind === 'input-rejected')
      .map((w) => `${w.source ?? '?'}${w.position?.entry === undefined ? '' : ` entry ${w.position.entry}`}: ${w.reason}`);
    const detail = reasons.length > 0 ? reasons.join('; ') : paths.length === 0 ? 'no input paths given' : 'no readable files found';
    throw new BriefwrightError(ErrorCode.NO_SOURCES, `no article could be read: ${detail}`);
  }
  return { sources, warnings };
}

/**
 * Every input's bytes: files of the named folders (in path order), then each URL; a feed, as a file or a
 * URL, gives its items. What cannot be read is a warning.
 */
export async function loadInputs(paths: string[], options: IngestOptions): Promise<{ inputs: LoadedInput[]; warnings: Warning[]; overrideFiles: string[] }> {
  const urls = paths.filter(isUrlInput);
  const expanded = await expandInputs(paths.filter((p) => !isUrlInput(p)));
  const warnings = [...expanded.warnings];
  const remote = remoteOptions(options);
  const loaded: LoadedInput[] = [];
  for (const file of expanded.files) {
    const bytes = await readCapped(file.absolute, remote.fetch.maxBytes);
    if (typeof bytes === 'string') {
      warnings.push(warning('input-rejected', 'ingest', bytes, { source: file.display }));
      continue;
    }
    const feed = await expandIfFeed({ display: file.display, absolute: file.absolute, bytes }, remote);
    loaded.push(...feed.inputs);
    warnings.push(...feed.warnings);
  }
  for (const url of urls) {
    options.onProgress?.(`fetching ${url}`);
    const fetched = await loadUrl(url, remote);
    loaded.push(...fetched.inputs);
    warnings.push(...fetched.warnings);
  }
  return { inputs: loaded, warnings, overrideFiles: [...expanded.overrideFiles] };
}

/** One loaded input read into sources: a feed item keeps its entry and the feed's hash, and its metadata fills gaps. */
export function readLoaded(input: LoadedInput, referenceDate: string): SourceRead {
  const read = readSource(input.display, input.bytes, referenceDate);
  for (const source of read.sources) {
    if (input.entry !== undefined) source.entry = input.entry;
    if (input.sha256 !== undefined) source.sha256 = input.sha256;
    if (input.feedMeta !== undefined) fillFromFeed(source, input.feedMeta);
  }
  return read;
}

/** How this run fetches: the caller's settings over the defaults, the file size cap as the body cap. */
export function remoteOptions(options: IngestOptions): RemoteOptions {
  const fetch: FetchOptions = {
    ...defaultFetchOptions,
    userAgent: `${toolName}/${toolVersion} (news briefing tool)`,
    maxBytes: options.maxFileBytes ?? defaultInputOptions.maxFileBytes,
    allowPrivate: options.allowPrivate ?? false,
  };
  if (options.cacheDir !== undefined) fetch.cacheDir = options.cacheDir;
  const remote: RemoteOptions = { fetch };
  if (options.sinceMs !== undefined) remote.sinceMs = options.sinceMs;
  return remote;
}

/** What the feed said of an item fills the fields its page left empty. */
function fillFromFeed(source: SourceDraft, meta: SourceMeta): void {
  for (const [field, value] of Object.entries(meta) as Array<[keyof SourceMeta, string]>) {
    if (source.meta[field] !== undefined) continue;
    source.meta[field] = value;
    source.metaOrigin[field] = 'feed';
  }
}

/**
 * A file's bytes, or why they were not read. The size is taken from the open file before anything is
 * read, so a file over the cap costs a stat, not minutes; one that grows while read is cut at the cap.
 */
export async function readCapped(path: string, maxBytes: number): Promise<Uint8Array | string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) {
      let [have, may] = [formatByteSize(size), formatByteSize(maxBytes)];
      if (have === may) [have, may] = [`${size.toLocaleString('en')} bytes`, `${maxBytes.toLocaleString('en')} bytes`];
      return `file of ${have} is larger than the ${may} a source may be (raise it with --max-file-size or maxFileSize in brief.yaml)`;
    }
    const buffer = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    return `cannot read file (${(error as { code?: string }).code ?? String(error)})`;
  } finally {
    await handle?.close();
  }
}

async function loadOverrides(files: readonly string[]): Promise<OverrideFile[]> {
  const loaded: OverrideFile[] = [];
  for (const absolute of files) {
    const shown = displayPath(absolute);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      throw new BriefwrightError(ErrorCode.CONFIG, `${shown}: cannot read (${(error as { code?: string }).code ?? String(error)})`, { cause: error });
    }
    loaded.push(parseOverrides(text, shown, absolute));
  }
  return loaded;
}
