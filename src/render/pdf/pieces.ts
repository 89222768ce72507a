/**
 * Text as the Typesetter hands it over: runs cleaned and cut by font, with bidi levels when some of it
 * is right to left. Paragraphs pdfkit cannot lay out itself (fallback fonts, right-to-left text) are
 * broken into lines here and drawn piece by piece at explicit positions, on the first run's baseline.
 */
import { baseDirection, embeddingLevels, hasRightToLeft, mirroredCharacters, paragraphLevel, shapedRightToLeft, type EmbeddingLevels } from './bidi.js';
import type { FontBook } from './fonts.js';
import { graphemes, sanitizeText } from './glyphs.js';
import { breakLines, orderLine, type LineRange, type Piece, type Span } from './lines.js';
import type { TextStyle } from './styles.js';
import type { Box, Run } from './text.js';

/** Runs after cleaning and cutting by font: their text joined, the spans of it, and bidi levels if any. */
export interface Prepared {
  runs: Run[];
  text: string;
  spans: Span[];
  levels: EmbeddingLevels | null;
  /** Every span in its run's own font and nothing right to left: pdfkit can lay it out alone. */
  plain: boolean;
}

/** A piece as it is handed to pdfkit. */
interface DrawnPiece {
  piece: Piece;
  text: string;
  /** Laid out by fontkit as one run, which it shapes and reverses (right-to-left script), not word by word. */
  whole: boolean;
  width: number;
}

/** Vertical measures of a paragraph, all from its first run's style. */
export interface LineMetrics {
  /** Distance from one line's top to the next's. */
  pitch: number;
  /** A line's own height (pdfkit starts a new page when it does not fit). */
  height: number;
  /** Distance from a line's top to its baseline. */
  baseline: number;
}

// pdfkit copies unset options from the previous continued call, so every key a run may set is always
// given, with null meaning "none" (pdfkit tests these with `!= null`).
type LooseTextOptions = Record<string, unknown>;

/** Lays out and draws prepared text in several fonts and directions. */
export class PieceSetter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontBook,
  ) {}

  /** Clean each run's text and cut it by font; find the bidi levels if any of it is right to left. */
  prepare(runs: readonly Run[]): Prepared {
    let text = '';
    let plain = true;
    const spans: Span[] = [];
    const cleaned = runs.map((run, i): Run => {
      const start = text.length;
      for (const piece of this.fonts.runs(sanitizeText(run.text), run.style.font)) {
        spans.push({ start: text.length, end: text.length + piece.text.length, run: i, font: piece.font });
        text += piece.text;
        plain &&= piece.primary;
      }
      const clean = text.slice(start);
      return clean === run.text ? run : { ...run, text: clean };
    });
    // The direction comes from the text, not from the citations glued after it.
    const glued = cleaned.findIndex((run, i) => i > 0 && run.glue);
    const main = cleaned.slice(0, glued > 0 ? glued : cleaned.length).map((run) => run.text);
    const levels = hasRightToLeft(text) ? embeddingLevels(text, baseDirection(main)) : null;
    return { runs: cleaned, text, spans, levels, plain: plain && levels === null };
  }

  /** Lines of a prepared paragraph in `box`; runs from the first glued one on stay with the word before them. */
  lines(p: Prepared, box: Box): LineRange[] {
    const glued = p.runs.findIndex((run, i) => i > 0 && run.glue);
    const glueFrom = glued > 0 ? p.spans.find((s) => s.run >= glued)?.start : undefined;
    const measure = (span: Span, start: number, end: number) => this.measure(p, span, p.text.slice(start, end), false);
    return breakLines(p.text, p.spans, box.width, measure, glueFrom === undefined ? {} : { glueFrom });
  }

  /** Draw a prepared paragraph line by line from the current y, starting a new page when a line does not fit. */
  paragraph(p: Prepared, box: Box, metrics: LineMetrics): void {
    const doc = this.doc;
    const placed = new Set<number>();
    let y = doc.y;
    for (const line of this.lines(p, box)) {
      // Where pdfkit's own wrapping would turn the page: the line's bottom below the content area.
      if (y + metrics.height > doc.page.maxY() && y > doc.page.margins.top) {
        doc.continueOnNewPage();
        y = doc.y;
      }
      const pieces = this.pieces(p, line);
      const width = total(pieces);
      const rightToLeft = p.levels !== null && paragraphLevel(p.levels, line.start) % 2 === 1;
      this.draw(p, pieces, rightToLeft ? box.x + box.width - width : box.x, y, metrics.baseline, placed);
      y += metrics.pitch;
    }
    doc.x = box.x;
    doc.y = y;
  }

  /** Draw all of a prepared text as one line starting at `x` (or ending there); returns its width. */
  line(p: Prepared, x: number, y: number, baseline: number, align: 'left' | 'right'): number {
    const pieces = this.pieces(p, { start: 0, end: p.text.length });
    const width = total(pieces);
    this.draw(p, pieces, align === 'right' ? x - width : x, y, baseline, new Set());
    return width;
  }

  /** Width of all of a prepared text on one line. */
  width(p: Prepared): number {
    return total(this.pieces(p, { start: 0, end: p.text.length }));
  }

  /**
   * The pieces of `line` in drawing order, with the text handed to pdfkit and its width. fontkit lays a
   * string out right to left by itself when its first letter is Arabic or Hebrew, shaping it first; so
   * such text goes to it in logical order, other right-to-left text is reversed here, and left-to-right
   * text fontkit would reverse (Arabic-Indic digits) is handed over reversed.
   */
  private pieces(p: Prepared, line: LineRange): DrawnPiece[] {
    return orderLine(p.text, p.spans, line, p.levels).map((piece) => {
      let text = p.text.slice(piece.start, piece.end);
      if (piece.rightToLeft && p.levels) {
        const mirrored = mirroredCharacters(p.text, p.levels.levels, piece.start, piece.end);
        text = Array.from({ length: piece.end - piece.start }, (_, i) => mirrored.get(piece.start + i) ?? p.text[piece.start + i]).join('');
      }
      const reversedByFontkit = p.levels !== null && shapedRightToLeft(text);
      if (reversedByFontkit !== piece.rightToLeft) text = graphemes(text).reverse().join('');
      return { piece, text, whole: reversedByFontkit, width: this.measure(p, piece.span, text, reversedByFontkit) };
    });
  }

  /** Draw pieces left to right from `x`, baseline `baseline` below `y`; a run's destination goes on its first piece. */
  private draw(p: Prepared, pieces: DrawnPiece[], x: number, y: number, baseline: number, placed: Set<number>): void {
    const firstOfRun = new Map<number, DrawnPiece>();
    for (const d of pieces) {
      const known = firstOfRun.get(d.piece.span.run);
      if (!known || d.piece.start < known.piece.start) firstOfRun.set(d.piece.span.run, d);
    }
    for (const d of pieces) {
      const run = p.runs[d.piece.span.run]!;
      const destination = run.destination && !placed.has(d.piece.span.run) && firstOfRun.get(d.piece.span.run) === d ? run.destination : null;
      if (destination) placed.add(d.piece.span.run);
      this.useFont(run.style, d.piece.span.font);
      const options: LooseTextOptions = {
        lineBreak: false,
        baseline: -baseline,
        characterSpacing: run.style.characterSpacing ?? 0,
        goTo: run.goTo ?? null,
        link: run.link ?? null,
        destination,
        ...(d.whole ? { features: [] } : {}),
      };
      this.doc.text(d.text, x, y, options as PDFKit.Mixins.TextOptions);
      if (d.whole && d.piece.rightToLeft) this.fonts.extractRightToLeft(d.text);
      x += d.width;
    }
  }

  /** Width of `text` in `span`'s font and its run's style; `whole`: laid out as one run, as drawn. */
  private measure(p: Prepared, span: Span, text: string, whole: boolean): number {
    const style = p.runs[span.run]!.style;
    this.useFont(style, span.font);
    return this.doc.widthOfString(text, { characterSpacing: style.characterSpacing ?? 0, ...(whole ? { features: [] } : {}) });
  }

  /** Like Typesetter.use, with the font a span was given in place of the style's own. */
  private useFont(style: TextStyle, font: string): void {
    this.doc.font(font).fontSize(style.size).fillColor(style.color);
  }
}

function total(pieces: readonly DrawnPiece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.width, 0);
}
