/**
 * What a brief would read from one input: the reader's metadata, the paragraphs cleaning keeps, and every
 * block left out with the rule that left it out. Pure on bytes (`brief extract` does the I/O), and built
 * from the same `readSource` and `clean` a brief uses, so what it shows is what a brief gets.
 */
import { clean } from '../clean/index.js';
import { readLoaded, type LoadedInput } from '../ingest/index.js';
import type { BlockRole, SourceFormat, SourceMeta } from '../model/source.js';
import type { Position, Warning } from '../model/warning.js';

/** One paragraph a brief would read, numbered as citations number it. */
export interface ExtractedParagraph {
  index: number;
  role: BlockRole;
  text: string;
}

/** A block left out: by the reader (not part of the article) or by cleaning (boilerplate, a repeat). */
export interface DroppedBlock {
  stage: 'ingest' | 'clean';
  rule: string;
  text: string;
  position?: Position;
}

/** One article of an input; a JSON list or a feed gives several. */
export interface Extraction extends SourceMeta {
  input: string;
  entry?: number;
  format: SourceFormat;
  encoding: string;
  paragraphs: ExtractedParagraph[];
  dropped: DroppedBlock[];
}

export interface ExtractResult {
  extractions: Extraction[];
  /** Everything else the reader doubted: encoding guessed, input rejected, metadata missing. */
  warnings: Warning[];
}

/** Read and clean one input's bytes as a brief would. */
export function extractArticles(input: LoadedInput, referenceDate: string): ExtractResult {
  const path = input.display;
  const read = readLoaded(input, referenceDate);
  const cleaned = clean(read.sources.map((draft, i) => ({ id: `S${i + 1}`, ...draft })));
  const extractions = cleaned.documents.map((doc, i): Extraction => {
    const { source } = doc;
    const dropped: DroppedBlock[] = [
      ...(read.left[i] ?? []).map((b): DroppedBlock => ({ stage: 'ingest', rule: b.rule, text: b.text })),
      ...(cleaned.dropped.get(doc) ?? []).map((b): DroppedBlock => ({ stage: 'clean', ...b })),
    ];
    const extraction: Extraction = {
      input: path,
      ...source.meta,
      format: source.format,
      encoding: source.encoding,
      paragraphs: doc.paragraphs.map((p) => ({ index: p.index, role: p.role, text: p.text })),
      dropped,
    };
    if (source.entry !== undefined) extraction.entry = source.entry;
    return extraction;
  });
  // Cleaning's warnings are the dropped blocks above; the reader's are everything else it doubted.
  return { extractions, warnings: read.warnings };
}
