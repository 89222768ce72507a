/**
 * Options resolved once: defaults < flags (a config file joins in between later), checked and turned into
 * the library's typed options. The library never sees a flag name.
 */
import { DateTime } from 'luxon';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { isFile, isFolder } from '../fs-checks.js';
import {
  defaultAnalyzeOptions,
  defaultInputOptions,
  defaultOutputOptions,
  MIN_SUMMARY_WORDS,
  OUTPUT_FORMATS,
  pageSizeNamed,
  SLUG_PATTERN,
  type AnalyzeOptions,
  type InputOptions,
  type OutputOptions,
} from '../options.js';
import type { OutputFormat } from '../render/types.js';
import { bannerProblem } from '../render/theme.js';
import { parseByteSize } from '../sizes.js';
import { sinceProblem, spanMs } from '../since.js';

/** The build command's flags as yargs parsed them. */
export interface BuildFlags {
  sources: string[];
  date?: string;
  out?: string;
  format?: string;
  title?: string;
  slug?: string;
  summaryWords?: number;
  /** Analyse every source, even one that tells another story than the rest. */
  keepAll?: boolean;
  templates?: string;
  pageSize?: string;
  theme?: string;
  banner?: string;
  /** "5MB", "800KB" or a byte count. */
  maxFileSize?: string | number;
  allowPrivate?: boolean;
  /** "24h", "3d": keep feed items published within this span before now. */
  since?: string;
}


export function resolveBuildOptions(flags: BuildFlags, today = DateTime.local()): {
  analyze: AnalyzeOptions;
  output: OutputOptions;
  input: InputOptions;
} {
  const analyze: AnalyzeOptions = {
    ...defaultAnalyzeOptions,
    date: flags.date === undefined ? today.toISODate()! : isoDate(flags.date, '--date'),
  };
  if (flags.title !== undefined) {
    const title = flags.title.trim();
    if (!title) usage('--title must not be empty');
    analyze.title = title;
  }
  if (flags.summaryWords !== undefined) {
    if (!Number.isInteger(flags.summaryWords) || flags.summaryWords < MIN_SUMMARY_WORDS) usage(`--summary-words must be a whole number of at least ${MIN_SUMMARY_WORDS}`);
    analyze.summaryWords = flags.summaryWords;
  }
  if (flags.keepAll !== undefined) analyze.keepAll = flags.keepAll;
  const output: OutputOptions = { ...defaultOutputOptions };
  if (flags.out !== undefined) output.outDir = flags.out;
  if (flags.format !== undefined) output.formats = formats(flags.format);
  if (flags.pageSize !== undefined) {
    output.pageSize = pageSizeNamed(flags.pageSize) ?? usage(`--page-size must be A4 or Letter, not "${flags.pageSize}"`);
  }
  if (flags.slug !== undefined) {
    if (!SLUG_PATTERN.test(flags.slug)) usage('--slug may hold only lower-case letters, digits and hyphens');
    output.slug = flags.slug;
  }
  if (flags.templates !== undefined) {
    if (!isFolder(flags.templates)) {
      throw new BriefwrightError(ErrorCode.CONFIG, `--templates: ${flags.templates} is not a folder`);
    }
    output.templatesDir = flags.templates;
  }
  if (flags.theme !== undefined) {
    if (!isFile(flags.theme)) throw new BriefwrightError(ErrorCode.CONFIG, `--theme: ${flags.theme} is not a file`);
    output.themePath = flags.theme;
  }
  if (flags.banner !== undefined) {
    const problem = bannerProblem(flags.banner);
    if (problem) usage(`--banner ${problem}`);
    output.banner = flags.banner.trim();
  }
  const input: InputOptions = { ...defaultInputOptions };
  if (flags.maxFileSize !== undefined) {
    input.maxFileBytes = parseByteSize(flags.maxFileSize) ?? usage(`--max-file-size must be a size such as 16MB, 800KB or 1048576, not "${flags.maxFileSize}"`);
  }
  if (flags.allowPrivate !== undefined) input.allowPrivate = flags.allowPrivate;
  if (flags.since !== undefined) {
    const problem = sinceProblem(flags.since);
    if (problem) usage(`--since ${problem}`);
    input.sinceMs = today.toMillis() - spanMs(flags.since)!;
  }
  return { analyze, output, input };
}

function isoDate(value: string, flag: string): string {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parsed.isValid) usage(`${flag} must be a date like 2022-02-21, not "${value}"`);
  return value;
}

function formats(value: string): OutputFormat[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (list.length === 0) usage('--format needs at least one of pdf, md, json');
  for (const f of list) if (!OUTPUT_FORMATS.includes(f as OutputFormat)) usage(`--format: unknown format "${f}" (use pdf, md, json)`);
  return [...new Set(list)] as OutputFormat[];
}

function usage(message: string): never {
  throw new BriefwrightError(ErrorCode.USAGE, message);
}
