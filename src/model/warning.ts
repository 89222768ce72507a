/**
 * Warnings are data (after vfile's messages and pandoc's LogMessage): a stage that drops or doubts
 * something records a Warning; the CLI prints them and the manifest keeps them. Nothing is dropped silently.
 */

/** The closed list of things a stage may report. */
export const warningKinds = {
  'input-rejected': 'a file or entry could not be used (missing, empty, binary, unsupported, undecodable)',
  'encoding-guessed': 'the encoding was not declared and was inferred from the bytes',
  'encoding-repaired': 'a UTF-8 file held invalid bytes, read as U+FFFD',
  'input-simplified': 'a file was read in a simpler way than usual (markup nested too deep for page cleaning)',
  'override-unmatched': 'sources.json/yaml names a file that is not among the inputs',
  'metadata-missing': 'a source lacks a field readers rely on (title, outlet, published)',
  'boilerplate-dropped': 'a block that is not the story (caption, promo, byline, credit) was removed',
  'duplicate-dropped': 'a paragraph repeated within or across sources was used once',
  'date-reference-assumed': 'a source has no date of its own; relative dates use the briefing date',
  'date-unresolved': 'a date expression could not be placed on the calendar',
  'date-weekday-mismatch': 'a weekday does not match the date written beside it',
  'quote-unattributed': 'a quotation has no speaker that could be identified',
  'source-off-topic': 'a source tells another story than the rest and was left out of the analysis (keep it with --keep-all)',
  'glyph-missing': 'a character no bundled or configured font can draw',
  'render-note': 'a writer had to adapt the content to its format',
  'delivery-note': 'an email was sent with less than asked for (repeated or already-served recipients, no body, no send log)',
  'archive-lock-recovered': 'a lock left by a run that is no longer running was taken over',
} as const;

export type WarningKind = keyof typeof warningKinds;

/** The pipeline stage that raised a warning. */
export type Stage = 'ingest' | 'clean' | 'analyze' | 'render' | 'archive' | 'deliver';

/** Where in a source a warning points. */
export interface Position {
  /** 1-based line in the file. */
  line?: number;
  /** 1-based paragraph in the cleaned document, or block in the raw source. */
  paragraph?: number;
  /** Metadata or config field name. */
  field?: string;
  /** Entry within a multi-article file. */
  entry?: number;
}

export interface Warning {
  kind: WarningKind;
  stage: Stage;
  /** One sentence a user can act on. */
  reason: string;
  /** Path of the file concerned, when there is one. */
  source?: string;
  position?: Position;
  /** The text concerned, shortened. */
  excerpt?: string;
}

/** Shorten text for an excerpt: one line, at most `max` characters. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  // Never cut between the halves of a surrogate pair (an emoji, a rare CJK character).
  const cut = /[\uD800-\uDBFF]/.test(line[max - 2] ?? '') ? max - 2 : max - 1;
  return `${line.slice(0, cut)}…`;
}

/** Build a warning; the one helper every stage uses, so all warnings have the same shape. */
export function warning(
  kind: WarningKind,
  stage: Stage,
  reason: string,
  where: { source?: string; position?: Position; text?: string } = {},
): Warning {
  const w: Warning = { kind, stage, reason };
  if (where.source !== undefined) w.source = where.source;
  if (where.position !== undefined) w.position = where.position;
  if (where.text !== undefined) w.excerpt = excerpt(where.text);
  return w;
}

/** "seeds/a.txt:12: boilerplate-dropped: …" — the one place a warning becomes a line of text. */
export function formatWarning(w: Warning): string {
  const at = w.position?.line ?? (w.position?.paragraph === undefined ? undefined : `¶${w.position.paragraph}`);
  const place = [w.source, at, w.position?.field].filter((p) => p !== undefined).join(':');
  const tail = w.excerpt ? ` — “${w.excerpt}”` : '';
  return `${place ? `${place}: ` : ''}${w.kind}: ${w.reason}${tail}`;
}
