/**
 * Quotation marks: where quoted spans open and close in a paragraph, for every common style — “curly”,
 * "straight", «guillemets», „low-high“, ‘single’ — with single quotes nested inside double ones kept as text.
 * A span left open at the end of a paragraph is the wire convention for a quotation that runs on: the next
 * paragraph reopens it (see `continuesQuote`).
 */

/** A quoted span in a paragraph: `open`/`close` are the offsets of the marks, `start`/`end` bound the words inside. */
export interface MarkSpan {
  open: number;
  start: number;
  end: number;
  /** Offset of the closing mark, or null when the paragraph ends first. */
  close: number | null;
}

const DOUBLE_OPENERS = new Set(['“', '„', '«', '‟', '"']);
const DOUBLE_CLOSERS = new Set(['”', '»', '"', '“', '‟']);
const SINGLE_OPENERS = new Set(['‘', '‚', '‹', "'"]);
const SINGLE_CLOSERS = new Set(['’', '›', "'"]);
/** A single closer this far from its opener is more likely an apostrophe than the end of a quotation. */
const MAX_SINGLE_SPAN = 400;

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** A mark opens when it stands before a word and after a space, a bracket, a dash or the paragraph start. */
function opensAt(text: string, i: number): boolean {
  const before = text[i - 1];
  return !isSpace(text[i + 1]) && (i === 0 || /[\s([{—–\-/:;,]/.test(before!) || /["“‘«„]/.test(before!));
}

/** A mark closes when it follows a non-space and stands before a space, punctuation or the paragraph end. */
function closesAt(text: string, i: number): boolean {
  return i > 0 && !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);
}

/** Every quoted span of a paragraph, in text order; spans never overlap (nested quotes stay inside their parent). */
export function findQuoteSpans(text: string): MarkSpan[] {
  const spans: MarkSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isDoubleOpener(text, i)) {
      const close = findDoubleClose(text, i + 1, c);
      pushSpan(spans, text, i, close);
      if (close === null) break;
      i = close + 1;
      continue;
    }
    if (SINGLE_OPENERS.has(c) && opensAt(text, i)) {
      const close = findSingleClose(text, i + 1);
      if (close !== null) {
        pushSpan(spans, text, i, close);
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

function isDoubleOpener(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '”') return opensAt(text, i) && (i === 0 || isSpace(text[i - 1])); // ”…” used as both marks
  if (!DOUBLE_OPENERS.has(c)) return false;
  return c === '"' ? opensAt(text, i) : !isSpace(text[i + 1]);
}

/** The closing double mark for an opener; nested single quotes are skipped as text. */
function findDoubleClose(text: string, from: number, opener: string): number | null {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (!DOUBLE_CLOSERS.has(c) && !(opener === '„' && c === '“')) continue;
    if (c === '”' || c === '»' || c === '"') {
      // An inch mark or stray closer right before the real one (“he’s 6’2”,”): the later mark closes.
      if (/^[,.;:!?]?[”"]/.test(text.slice(i + 1, i + 3)) && c === '”') continue;
      return i;
    }
    if (closesAt(text, i)) return i; // “ or ‟ misused as a closer
  }
  return null;
}

/**
 * The closing single mark, skipping apostrophes: a closer must stand before punctuation or a space, and a plural
 * possessive ("the Smiths’ house": s’ before a lower-case word) is passed over when a later closer exists.
 */
function findSingleClose(text: string, from: number): number | null {
  const limit = Math.min(text.length, from + MAX_SINGLE_SPAN);
  const candidates: number[] = [];
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (c === '“' || c === '«' || c === '„') break; // a double quotation starts: the opener was an apostrophe
    if (SINGLE_CLOSERS.has(c) && closesAt(text, i)) candidates.push(i);
  }
  const possessive = (i: number): boolean => text[i - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4));
  return candidates.find((i) => !possessive(i)) ?? candidates[0] ?? null;
}

function pushSpan(spans: MarkSpan[], text: string, open: number, close: number | null): void {
  let start = open + 1;
  let end = close ?? text.length;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end - start < 1 || !/[\p{L}\p{N}]/u.test(text.slice(start, end))) return;
  spans.push({ open, start, end, close });
}

/** True when a paragraph opens with a quotation mark: with an unclosed quote before it, the quote runs on. */
export function opensWithQuote(text: string, spans: MarkSpan[]): boolean {
  const first = spans[0];
  return first !== undefined && text.slice(0, first.open).trim() === '';
}

/** True when the previous paragraph's last quotation is still open and this paragraph reopens it (wire style). */
export function continuesQuote(previous: { text: string; spans: MarkSpan[] } | undefined, text: string, spans: MarkSpan[]): boolean {
  const last = previous?.spans[previous.spans.length - 1];
  return last !== undefined && last.close === null && opensWithQuote(text, spans);
}
