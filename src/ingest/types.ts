import type { Block, MetaOrigin, SourceFormat, SourceMeta } from '../model/source.js';
import type { Warning } from '../model/warning.js';

/** What a reader is given: the decoded text of one file. Readers do no I/O. */
export interface ReaderInput {
  /** Display path, used in warnings. */
  path: string;
  /** Decoded text (BOM removed). */
  text: string;
  /**
   * Date (YYYY-MM-DD) used to complete partial dates in metadata, such as a dateline "Nov. 15" with no year:
   * the briefing date.
   */
  referenceDate: string;
}

/** One article a reader found; a JSON list gives several. */
export interface Article {
  format: SourceFormat;
  /** Index inside a multi-article file; absent for single-article files. */
  entry?: number;
  meta: SourceMeta;
  metaOrigin: MetaOrigin;
  blocks: Block[];
  /** Blocks the reader saw and left out as not the article (a page's menus, rails, comments), with its reason. */
  left?: LeftBlock[];
}

/** A block a reader left out, and the rule it followed. */
export interface LeftBlock {
  rule: string;
  text: string;
}

export interface ReaderResult {
  articles: Article[];
  warnings: Warning[];
}

/** A reader turns one decoded file into articles. Pure: same input, same output. */
export type Reader = (input: ReaderInput) => ReaderResult;
