/**
 * Library-side options, resolved once by the caller (the CLI merges defaults < config file < flags).
 * Nothing here knows a flag name.
 */
import type { OutputFormat, PageSize } from './render/types.js';

/** How a Briefing is built from sources. */
export interface AnalyzeOptions {
  /** Briefing date (YYYY-MM-DD): the reference for relative dates in sources that carry no date. */
  date: string;
  /** Title of the brief; when absent, a headline is chosen from the sources. */
  title?: string;
  /** Word budget of the summary, bottom line included. */
  summaryWords: number;
  /** How many quotes are marked `key` and shown in the brief. */
  keyQuotes: number;
  /**
   * Analyse every source, even one that tells another story than the rest (see analyze/off-topic.ts).
   * Default: `false` (such sources are left out, each with a `source-off-topic` warning). Optional so
   * that options written before it keep their meaning for callers; resolved options always carry it.
   */
  keepAll?: boolean;
}

/** How outputs are rendered and archived. */
export interface OutputOptions {
  /** Root of the archive ("out"). */
  outDir: string;
  formats: OutputFormat[];
  pageSize: PageSize;
  /** Folder of templates overriding the bundled ones. */
  templatesDir?: string;
  /** Folder name of the brief inside the archive; defaults to a slug of the title. */
  slug?: string;
  /** Theme file (YAML or JSON) for the PDF: fonts, colours, logo, banner; the built-in theme when absent. */
  themePath?: string;
  /** Distribution banner printed on every PDF page; overrides the theme's banner. */
  banner?: string;
}

/** How input files are read. */
export interface InputOptions {
  /** Largest input file read, in bytes; a larger file is rejected by name without being read. */
  maxFileBytes: number;
  /** Fetch URLs on loopback and private addresses too (refused by default: a brief never probes its own network). */
  allowPrivate: boolean;
  /** Feed items published before this instant (ms since the epoch) are left out; absent: all are kept. */
  sinceMs?: number;
}

export const defaultInputOptions: InputOptions = {
  // Ten times the largest whole news page we have seen saved (with its scripts); small enough that no
  // accepted file keeps a brief busy for minutes.
  maxFileBytes: 16 * 1024 * 1024,
  allowPrivate: false,
};

/** What a brief's folder name in the archive may hold: lower-case letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The smallest summary word budget a brief may be given. */
export const MIN_SUMMARY_WORDS = 20;

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'md', 'json'];

const PAGE_SIZES: Record<string, PageSize> = { a4: 'A4', letter: 'Letter' };

/** The page size a name means, in any case ("a4", "LETTER"), or undefined. */
export function pageSizeNamed(name: string): PageSize | undefined {
  return PAGE_SIZES[name.toLowerCase()];
}

export const defaultAnalyzeOptions: Omit<AnalyzeOptions, 'date'> = {
  summaryWords: 150,
  keyQuotes: 6,
  keepAll: false,
};

export const defaultOutputOptions: OutputOptions = {
  outDir: 'out',
  formats: ['pdf', 'md', 'json'],
  pageSize: 'A4',
};
