import type { Briefing } from '../model/briefing.js';
import type { Warning } from '../model/warning.js';
import type { Theme } from './theme.js';

export type OutputFormat = 'json' | 'md' | 'pdf';

export type PageSize = 'A4' | 'Letter';

/** Everything a writer needs besides the Briefing. Resolved once by the caller; writers never see flags. */
export interface RenderContext {
  /** Archive version number shown in the title block (1 for the first build of a brief on a date). */
  version: number;
  /** "briefwright 0.1.0", for document metadata. */
  generator: string;
  /** Folder whose templates override the bundled ones (same file names); absent to use the bundled ones. */
  templatesDir?: string;
  pageSize: PageSize;
  /** The PDF's fonts, colours, logo and banner, already loaded (loadTheme); the built-in theme when absent. */
  theme?: Theme;
  /** Distribution banner on every PDF page ("INTERNAL — DO NOT FORWARD"); overrides the theme's. */
  banner?: string;
}

export interface WriterResult {
  bytes: Uint8Array;
  warnings: Warning[];
}

export interface Writer {
  format: OutputFormat;
  /** File extension without the dot ("md"). */
  extension: string;
  mediaType: string;
  /** Deterministic: the same Briefing and context give the same bytes. */
  write(briefing: Briefing, context: RenderContext): Promise<WriterResult>;
}
