/**
 * Whether a font file will survive a whole PDF render, decided when the theme is loaded rather than by
 * pdfkit at the end of a build. fontkit reads tables lazily, so a file cut short or damaged parses at
 * first and fails only when a table is reached (when the PDF's subset is made, at `doc.end()`).
 *
 * The sfnt table directory says where each table lies and what its bytes sum to: a file cut short points
 * past its end, a damaged one has tables whose sums differ. A table whose sum differs in a font that still
 * reads whole (some tools write sums carelessly) is accepted after every glyph and a full subset are read.
 */
import * as fontkit from 'fontkit';

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

/** Why `bytes` (a TrueType or OpenType font) cannot be used in a PDF, or undefined when it can. */
export function fontProblem(bytes: Buffer): string | undefined {
  const tables = tableDirectory(bytes);
  if (typeof tables === 'string') return tables;
  const past = tables.find((t) => t.offset + t.length > bytes.length);
  if (past) return `is cut short: its "${past.tag}" table ends at byte ${past.offset + past.length}, past the end of the file (${bytes.length} bytes)`;
  const damaged = tables.filter((t) => tableChecksum(bytes, t) !== t.checksum);
  try {
    const font = fontkit.create(bytes) as unknown as FontkitFont;
    for (const t of tables) void font[t.tag];
    if (damaged.length > 0) readEveryGlyph(font);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const where = damaged.length > 0 ? `; its ${damaged.map((t) => `"${t.tag}"`).join(', ')} table${damaged.length > 1 ? 's are' : ' is'} damaged` : '';
    return `could not be read as a font (${why})${where}`;
  }
  return undefined;
}

/** The parts of a fontkit font read here: any table by tag, glyphs, subsets. */
interface FontkitFont {
  [tag: string]: unknown;
  numGlyphs: number;
  getGlyph(id: number): { path: unknown };
  createSubset(): { includeGlyph(id: number): number; encode(): unknown };
}

/** Decode every glyph outline and write a subset holding all of them, as pdfkit would for the glyphs it uses. */
function readEveryGlyph(font: FontkitFont): void {
  const subset = font.createSubset();
  for (let id = 0; id < font.numGlyphs; id++) {
    void font.getGlyph(id).path;
    subset.includeGlyph(id);
  }
  subset.encode();
}

/** The table records of the sfnt header (numTables at byte 4, then 16-byte records from byte 12). */
function tableDirectory(bytes: Buffer): TableRecord[] | string {
  if (bytes.length < 12) return `is only ${bytes.length} bytes long: the file is cut short`;
  const count = bytes.readUInt16BE(4);
  if (12 + count * 16 > bytes.length) return 'is cut short: its table directory runs past the end of the file';
  return Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    return {
      tag: bytes.subarray(at, at + 4).toString('latin1').trim(),
      checksum: bytes.readUInt32BE(at + 4),
      offset: bytes.readUInt32BE(at + 8),
      length: bytes.readUInt32BE(at + 12),
    };
  });
}

/** The OpenType table checksum: the table's big-endian 32-bit words summed, head's checkSumAdjustment as 0. */
function tableChecksum(bytes: Buffer, table: TableRecord): number {
  let sum = 0;
  for (let at = table.offset; at < table.offset + table.length; at += 4) {
    let word = 0;
    for (let k = 0; k < 4; k++) word = (word << 8) | (at + k < table.offset + table.length ? bytes[at + k]! : 0);
    if (table.tag === 'head' && at - table.offset === 8) word = 0;
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
