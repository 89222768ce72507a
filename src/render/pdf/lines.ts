/**
 * Line breaking and visual ordering for paragraphs pdfkit cannot lay out itself: text in several fonts
 * (per-glyph fallback) or with right-to-left parts. Lines are broken in logical order, then each line
 * is put in visual order on its own (UAX #9). Pure: widths come from a `measure` callback.
 */
import { visualOrder, type EmbeddingLevels } from './bidi.js';
import { graphemes } from './glyphs.js';

/** A stretch of the paragraph's text in one run (style, link) and one font; offsets are UTF-16. */
export interface Span {
  start: number;
  end: number;
  /** Index of the run it comes from. */
  run: number;
  /** Registered font name. */
  font: string;
}

/** Width in points of text[start, end), all inside `span`. */
export type Measure = (span: Span, start: number, end: number) => number;

/** One line: text[start, end), trailing white space and the line break left out. */
export interface LineRange {
  start: number;
  end: number;
}

/** A stretch of one line drawn in one go: one span, one direction, contiguous in the text. */
export interface Piece {
  span: Span;
  start: number;
  end: number;
  /** At a right-to-left level: drawn reversed (by fontkit, or by the caller). */
  rightToLeft: boolean;
}

export interface BreakOptions {
  /** No line may start at or after this offset (the glued citation tail), unless it cannot fit a line. */
  glueFrom?: number;
}

// White space a line may break after: not the no-break spaces (U+00A0, U+2007, U+202F).
const breakingSpace = /[ \t\u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]/;
const wordChar = /[\p{L}\p{N}]/u;
const trailing = /[\s]/;
// Rounding in widths must not push a word that fits to the next line.
const slack = 0.01;

/** Offsets where a line may start: after breaking space, after a hyphen or slash between word characters. */
function opportunities(text: string, glueFrom: number): number[] {
  const out: number[] = [];
  for (let p = 1; p < text.length; p++) {
    const before = text[p - 1]!;
    const at = text[p]!;
    const allowed =
      before === '\n' ||
      (breakingSpace.test(before) && !breakingSpace.test(at) && at !== '\n') ||
      ('-‐–—/'.includes(before) && wordChar.test(text[p - 2] ?? '') && wordChar.test(at));
    if (allowed && (before === '\n' || p < glueFrom)) out.push(p);
  }
  return out;
}

/** Break `text` into lines no wider than `width` (a word wider than a line is cut between clusters). */
export function breakLines(text: string, spans: readonly Span[], width: number, measure: Measure, options: BreakOptions = {}): LineRange[] {
  const glued = breakWith(text, spans, width, measure, options.glueFrom ?? text.length);
  // A glued tail too long for any line would be cut mid-word: break it at its spaces instead.
  return glued ?? breakWith(text, spans, width, measure, text.length) ?? [];
}

function breakWith(text: string, spans: readonly Span[], width: number, measure: Measure, glueFrom: number): LineRange[] | null {
  const widthOf = (start: number, end: number) => measureRange(spans, start, end, measure);
  const bounds = [0, ...opportunities(text, glueFrom), text.length];
  const lines: LineRange[] = [];
  let lineStart = 0;
  let used = 0;
  const close = (end: number) => {
    lines.push({ start: lineStart, end: trimEnd(text, lineStart, end) });
    lineStart = end;
    used = 0;
  };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    const hard = text[b - 1] === '\n';
    const body = hard ? b - 1 : b;
    const visible = widthOf(a, trimEnd(text, a, body));
    if (lineStart < a && used + visible > width + slack) close(a);
    if (lineStart === a && visible > width + slack) {
      if (glueFrom < text.length && a < glueFrom && body > glueFrom) return null;
      used = cutLongWord(text, spans, a, body, width, measure, (end) => close(end));
    } else {
      used += widthOf(a, body);
    }
    if (hard) close(b);
  }
  if (lineStart < text.length || lines.length === 0) close(text.length);
  return lines;
}

/** Lines for a word wider than a line: as many clusters as fit on each. Returns the width left on the last. */
function cutLongWord(text: string, spans: readonly Span[], start: number, end: number, width: number, measure: Measure, close: (end: number) => void): number {
  let used = 0;
  let at = start;
  let lineHasContent = false;
  for (const cluster of graphemes(text.slice(start, end))) {
    const w = measureRange(spans, at, at + cluster.length, measure);
    if (lineHasContent && used + w > width + slack) {
      close(at);
      used = 0;
    }
    used += w;
    lineHasContent = true;
    at += cluster.length;
  }
  return used;
}

/** `end` moved back over trailing white space and line breaks, not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && trailing.test(text[end - 1]!)) end--;
  return end;
}

/** Width of text[start, end), summed over the spans it crosses. */
function measureRange(spans: readonly Span[], start: number, end: number, measure: Measure): number {
  let sum = 0;
  for (const span of spans) {
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (from < to) sum += measure(span, from, to);
  }
  return sum;
}

/**
 * The pieces of `line` in drawing order, left to right. Without `levels` (no right-to-left text) the
 * line is its spans in order; with them, characters are reordered and grouped back into pieces that are
 * contiguous in the text, so each can be shaped as a whole.
 */
export function orderLine(text: string, spans: readonly Span[], line: LineRange, levels: EmbeddingLevels | null): Piece[] {
  if (line.end <= line.start) return [];
  const spanAt = spanIndex(spans, line);
  const order = levels ? visualOrder(text, levels, line.start, line.end) : Array.from({ length: line.end - line.start }, (_, i) => line.start + i);
  const pieces: Piece[] = [];
  let current: (Piece & { last: number }) | undefined;
  for (const at of order) {
    const span = spanAt(at);
    if (!span) continue;
    const rightToLeft = levels ? (levels.levels[at] ?? 0) % 2 === 1 : false;
    const next = rightToLeft ? at === (current?.last ?? NaN) - 1 : at === (current?.last ?? NaN) + 1;
    if (current && current.span === span && current.rightToLeft === rightToLeft && next) {
      current.start = Math.min(current.start, at);
      current.end = Math.max(current.end, at + 1);
      current.last = at;
      continue;
    }
    if (current) pieces.push(strip(current));
    current = { span, start: at, end: at + 1, rightToLeft, last: at };
  }
  if (current) pieces.push(strip(current));
  return pieces;
}

function strip(p: Piece & { last: number }): Piece {
  return { span: p.span, start: p.start, end: p.end, rightToLeft: p.rightToLeft };
}

/** Span lookup by offset, for the offsets of one line. */
function spanIndex(spans: readonly Span[], line: LineRange): (at: number) => Span | undefined {
  const inLine = spans.filter((s) => s.end > line.start && s.start < line.end);
  return (at) => inLine.find((s) => at >= s.start && at < s.end);
}
