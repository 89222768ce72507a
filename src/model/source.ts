/**
 * Sources as readers return them, and documents as the cleaner leaves them.
 * Readers fill `Source`; nothing here knows about PDF, Markdown or HTML parsing.
 */

/** The format a reader recognised from the bytes (never from the file name alone). */
export type SourceFormat = 'text' | 'html' | 'markdown' | 'json';

/** What an article says about itself. Every field is optional; `sources.json` may override any. */
export interface SourceMeta {
  /** Headline, without the outlet suffix (" | Coast Gazette"). */
  title?: string;
  /** Publication name ("Coast Gazette"). */
  outlet?: string;
  /** Canonical address of the article. */
  url?: string;
  /** Publication date as an ISO calendar date, YYYY-MM-DD. */
  published?: string;
  /** Byline author(s), as written. */
  author?: string;
  /** Declared language tag ("en", "en-GB"). */
  lang?: string;
}

/** Where each metadata field was found: "html-meta", "front-matter", "headline", "dateline", "byline", "override"… */
export type MetaOrigin = Partial<Record<keyof SourceMeta, string>>;

/** What a reader knew a block of text to be. */
export type BlockRole = 'heading' | 'paragraph' | 'list-item' | 'caption' | 'blockquote';

/** A block of text as it stood in the source, in reading order, before cleaning. */
export interface Block {
  text: string;
  role: BlockRole;
  /** 1-based line in the file where the block starts, when the reader knows it. */
  line?: number;
  /** The wire dateline cut from the start of this block ("HARBOURTON (Agency) —"): kept because its credit tells where the copy came from. */
  dateline?: string;
}

/** One article, as a reader returns it. */
export interface Source {
  /** Stable short id ("S1"), assigned after all sources are read and sorted by path. */
  id: string;
  /** Path as the user will recognise it (relative to the working folder when inside it). */
  path: string;
  /** Position of the article inside a multi-article file (JSON lists); absent for single-article files. */
  entry?: number;
  format: SourceFormat;
  /** Encoding the bytes were decoded from ("utf-8", "utf-16le", "windows-1252"). */
  encoding: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  meta: SourceMeta;
  metaOrigin: MetaOrigin;
  blocks: Block[];
}

/** A paragraph that survived cleaning. `index` is 1-based within its source and stable for citations. */
export interface Paragraph {
  index: number;
  text: string;
  role: BlockRole;
  line?: number;
}

/** A source after cleaning: only the story's own paragraphs, each used once. */
export interface Document {
  source: Source;
  paragraphs: Paragraph[];
}

/** A sentence with the address it came from; every line of a brief points back to one or more of these. */
export interface Sentence {
  /** Source id ("S1"). */
  source: string;
  /** 1-based paragraph index within the cleaned document. */
  paragraph: number;
  /** 1-based sentence index within the paragraph. */
  index: number;
  text: string;
}

/** Whether `text` is an absolute URL with a scheme ("https://…", "mailto:…"), the only kind a brief lists. */
export function isAbsoluteUrl(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && URL.canParse(text);
}
