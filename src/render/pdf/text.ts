/**
 * The one path text takes onto the page: runs of styled text, drawn as a wrapped paragraph or a single
 * line. Every run is cleaned and cut by font first (per-glyph fallback, see pieces.ts). Text in the runs'
 * own fonts and left to right is left to pdfkit's line wrapping, as it always was; text that needs a
 * fallback font or has right-to-left parts is broken into lines and drawn piece by piece by PieceSetter.
 */
import type { FontBook } from './fonts.js';
import { PieceSetter, type LineMetrics } from './pieces.js';
import { spacing, type TextStyle } from './styles.js';

/** A stretch of text in one style, optionally a link to a URL or to a named destination. */
export interface Run {
  text: string;
  style: TextStyle;
  /** Named destination this run links to (an internal link). */
  goTo?: string;
  /** URL this run links to. */
  link?: string;
  /** Named destination created where this run starts. */
  destination?: string;
  /** Must not start a line (citations): if it would, the previous word moves down with it. */
  glue?: boolean;
}

/** Where a paragraph goes: left edge and width; it starts at the document's current y. */
export interface Box {
  x: number;
  width: number;
  /** Extra space between lines; spacing.lineGap when absent. */
  lineGap?: number;
}

/** pdfkit's internal text loop, which heightOfString also uses: wraps text and reports each line. */
interface TextLoop {
  _text(text: string, x: number, y: number, options: object, onLine: (line: string) => void): void;
}

// pdfkit copies unset options from the previous continued call, so every key a run may set is always
// given, with null meaning "none" (pdfkit tests these with `!= null`).
type LooseTextOptions = Record<string, unknown>;

/** Draws runs of text with the document's fonts. */
export class Typesetter {
  private readonly pieces: PieceSetter;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontBook,
  ) {
    this.pieces = new PieceSetter(doc, fonts);
  }

  /** Make `style` the document's current font, size and colour. */
  use(style: TextStyle): this {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color);
    return this;
  }

  /** Height of one line of `style` plus the paragraph line gap. */
  lineAdvance(style: TextStyle, lineGap: number = spacing.lineGap): number {
    this.use(style);
    return this.doc.currentLineHeight(true) + lineGap;
  }

  /**
   * Draw runs as one left-aligned paragraph at the current y; leaves y below it. Runs after the first
   * share the first run's baseline and line pitch, so smaller citation runs sit on the same line.
   * A paragraph whose text is mostly right to left is aligned right.
   */
  paragraph(runs: Run[], box: Box): void {
    const prepared = this.pieces.prepare(runs);
    const first = prepared.runs[0];
    if (!first) return;
    if (!prepared.plain) return this.pieces.paragraph(prepared, box, this.metrics(first.style, box));
    const doc = this.doc;
    const pitch = this.lineAdvance(first.style, box.lineGap ?? spacing.lineGap);
    const baseline = this.ascent(first.style);
    const y = doc.y;
    const drawn = this.keepGlued(prepared.runs, box);
    drawn.forEach((run, i) => {
      this.use(run.style);
      const options: LooseTextOptions = {
        width: box.width,
        align: 'left',
        lineGap: pitch - doc.currentLineHeight(true),
        baseline: -baseline,
        characterSpacing: run.style.characterSpacing ?? 0,
        continued: i < drawn.length - 1,
        goTo: run.goTo ?? null,
        link: run.link ?? null,
        destination: run.destination ?? null,
      };
      if (i === 0) doc.text(run.text, box.x, y, options as PDFKit.Mixins.TextOptions);
      else doc.text(run.text, options as PDFKit.Mixins.TextOptions);
    });
    doc.x = box.x;
  }

  /**
   * When the second run is glued (citations) and it and the runs after it would not all fit on the
   * first run's last line, break the first run before its last word, so "[S1, S2]" never wraps away.
   */
  private keepGlued(runs: Run[], box: Box): Run[] {
    const [first, second] = runs;
    if (!first || !second?.glue || this.tailFits(runs, box)) return runs;
    const body = first.text.trimEnd();
    const at = body.lastIndexOf(' ');
    if (at <= 0) return runs;
    return [{ ...first, text: `${body.slice(0, at)}\n${first.text.slice(at + 1)}` }, ...runs.slice(1)];
  }

  /** Whether every run after the first fits on the first run's last line. */
  private tailFits(runs: Run[], box: Box): boolean {
    const [first, ...tail] = runs;
    if (!first) return true;
    const width = tail.reduce((sum, run) => sum + this.width(run.text, run.style), 0);
    return this.lastLineWidth(first, box) + width <= box.width;
  }

  /** Width of the last line `run` would take in `box`, trailing space included (where the next run starts). */
  private lastLineWidth(run: Run, box: Box): number {
    const doc = this.doc;
    const { x, y } = doc;
    this.use(run.style);
    let last = 0;
    // height: Infinity keeps pdfkit from adding a page while it only measures.
    const options = { width: box.width, height: Infinity, characterSpacing: run.style.characterSpacing ?? 0 };
    (doc as unknown as TextLoop)._text(run.text, x, y, options, (line) => {
      last = doc.widthOfString(line, { characterSpacing: options.characterSpacing });
    });
    doc.x = x;
    doc.y = y;
    return last;
  }

  /** Height `runs` will take in `box`, laid out as `paragraph` lays them out. */
  height(runs: Run[], box: Box): number {
    const prepared = this.pieces.prepare(runs);
    const first = prepared.runs[0];
    if (!first) return 0;
    if (!prepared.plain) return this.pieces.lines(prepared, box).length * this.metrics(first.style, box).pitch;
    const laid = this.keepGlued(prepared.runs, box);
    this.use(first.style);
    const options = { width: box.width, lineGap: box.lineGap ?? spacing.lineGap };
    // Runs that fit on the first run's last line add no height; otherwise measuring all the text in the
    // first run's style is an upper bound (later runs are citations and labels, set smaller).
    const text = laid.length === 1 || this.tailFits(laid, box) ? (laid[0]?.text ?? '') : laid.map((r) => r.text).join('');
    this.use(first.style);
    return this.doc.heightOfString(text, options);
  }

  /** Draw one line at (x, y) without wrapping or page breaks (for footers and labels); returns its width. */
  line(text: string, style: TextStyle, x: number, y: number, options: { align?: 'right' } = {}): number {
    const prepared = this.pieces.prepare([{ text: text.replace(/[\r\n\u2028\u2029]+/g, ' '), style }]);
    if (!prepared.plain) return this.pieces.line(prepared, x, y, this.ascent(style), options.align ?? 'left');
    const runs = prepared.runs;
    const width = runs.reduce((sum, run) => sum + this.width(run.text, run.style), 0);
    let left = options.align === 'right' ? x - width : x;
    for (const run of runs) {
      this.use(run.style);
      const textOptions: LooseTextOptions = { lineBreak: false, characterSpacing: run.style.characterSpacing ?? 0 };
      this.doc.text(run.text, left, y, textOptions as PDFKit.Mixins.TextOptions);
      left += this.width(run.text, run.style);
    }
    return width;
  }

  /** Width of `text` in `style`. */
  width(text: string, style: TextStyle): number {
    const prepared = this.pieces.prepare([{ text, style }]);
    if (!prepared.plain) return this.pieces.width(prepared);
    this.use(style);
    return this.doc.widthOfString(prepared.text, { characterSpacing: style.characterSpacing ?? 0 });
  }

  /** Distance from the top of a line to its baseline in `style`. */
  ascent(style: TextStyle): number {
    this.use(style);
    const font = (this.doc as unknown as { _font: { ascender: number } })._font;
    return (font.ascender / 1000) * style.size;
  }

  /** Line pitch, height and baseline of a paragraph whose first run is in `style`. */
  private metrics(style: TextStyle, box: Box): LineMetrics {
    const lineGap = box.lineGap ?? spacing.lineGap;
    const pitch = this.lineAdvance(style, lineGap);
    return { pitch, height: pitch - lineGap, baseline: this.ascent(style) };
  }
}
