/**
 * Text before it meets a font: odd characters cleaned out, then cut into grapheme clusters, each given
 * to the first font of a chain that can draw all of it. Pure: fonts are seen only through `Coverage`.
 */

/** What a font is asked here: whether it has a glyph for a code point, and whether it can lay out a cluster. */
export interface Coverage {
  has(codePoint: number): boolean;
  /**
   * Whether the font can position the combining marks of `cluster` on their base. Fonts may have every
   * glyph and still lack an anchor for a mark (fontkit then fails); absent means "yes".
   */
  positions?(cluster: string): boolean;
}

/** A stretch of text drawn with one font of the chain (its index). */
export interface FontSegment {
  text: string;
  font: number;
}

/** A character no font of the chain could draw, and the cluster it was met in. */
export interface MissingGlyph {
  codePoint: number;
  cluster: string;
  /** What the reader sees instead: the substitute, or nothing when a mark was left off its base. */
  shownAs: string;
  /** The font has the mark's glyph but cannot place it on this base, so the mark was left off. */
  unplaced?: true;
}

/** Drawn instead of a cluster no font can draw: visibly "something was here", never an empty box. */
export const SUBSTITUTE = '\uFFFD';

// Lone surrogates (broken UTF-16) would make fontkit and the PDF's text map choke.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls but tab and newline, DEL, C1 controls, non-characters, interlinear annotation marks.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uFFF9-\uFFFB]/g;
// Invisible format characters pdfkit would draw as boxes or that only steer layout we do ourselves:
// zero-width space, LRM/RLM, bidi embeddings and isolates, word joiner and invisible operators,
// BOM, soft hyphen, Arabic letter mark. ZWJ and ZWNJ are handled apart (see joinerKept).
const invisibles = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD\u061C]/g;
const joiners = /[\u200C\u200D]/g;
// Scripts whose shaping uses ZWJ/ZWNJ (cursive and Indic scripts), and emoji sequences.
const joiningScript =
  /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const mark = /^\p{M}$/u;
const printableAscii = /^[\x20-\x7e]*$/;

/**
 * Text as it may be laid out: well-formed, NFC, no control or invisible format characters (tab becomes
 * a space, CR and line/paragraph separators a newline), ZWJ/ZWNJ kept only after a script that uses them.
 */
export function sanitizeText(text: string): string {
  if (printableAscii.test(text)) return breakLongWords(text);
  const clean = text
    .replace(loneSurrogate, SUBSTITUTE)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(controls, '')
    .replace(invisibles, '')
    .normalize('NFC');
  return breakLongWords(clean.replace(joiners, (joiner, at: number) => (joinerKept(clean.slice(0, at)) ? joiner : '')));
}

/** Words longer than this (no URL a person would print is) get a break opportunity every so many characters. */
const LONGEST_UNBROKEN = 200;
// A run of that many non-space characters, not followed by a mark or joiner (which belong to the run's end).
const UNBROKEN_RUN = new RegExp(`[^\\s\\u200B]{${LONGEST_UNBROKEN}}(?<!\\u200D)(?=[^\\s\\u200B\\p{M}\\u200C\\u200D\\uFE0F])`, 'gu');

/**
 * A zero-width space (a line-break opportunity, no glyph drawn) every LONGEST_UNBROKEN characters of a
 * word longer than that. pdfkit splits a word wider than the line by measuring ever-longer prefixes and
 * the rest again on every line: quadratic in the word's length, minutes for a 40,000-character word.
 */
function breakLongWords(text: string): string {
  return text.length <= LONGEST_UNBROKEN ? text : text.replace(UNBROKEN_RUN, '$&\u200B');
}

/** Whether a joiner after `before` matters to shaping: the last letter before it is of a joining script. */
function joinerKept(before: string): boolean {
  const chars = Array.from(before.slice(-16));
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i]!;
    if (mark.test(char) || char === '\u200C' || char === '\u200D') continue;
    return joiningScript.test(char);
  }
  return false;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Characters that never join the one before or after them into a cluster: letters (but Hangul jamo and
// syllables, which combine), digits, punctuation and spaces. Between two of them a cluster always ends.
const standalone = /^[\p{L}\p{N}\p{P}\p{Zs}]$/u;
const hangul = /^[\u1100-\u11FF\uA960-\uA97F\uAC00-\uD7FF]$/u;
const isStandalone = (char: string): boolean => standalone.test(char) && !hangul.test(char);

/** How long a piece Intl.Segmenter is given at once: it is quadratic on long text in Node 20. */
const SEGMENT_CHUNK = 512;

/** The grapheme clusters of `text`: a base character with its combining marks, an emoji sequence, a CRLF. */
export function graphemes(text: string): string[] {
  if (text.length <= SEGMENT_CHUNK) return Array.from(segmenter.segment(text), (s) => s.segment);
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    const cut = chunkEnd(text, from + SEGMENT_CHUNK);
    for (const s of segmenter.segment(text.slice(from, cut))) out.push(s.segment);
    from = cut;
  }
  return out;
}

/**
 * The first place at or after `at` between two standalone characters. Text with none for a whole further
 * chunk (a stack of thousands of marks) is cut anyway, between code points: such a cluster means nothing.
 */
function chunkEnd(text: string, at: number): number {
  const last = Math.min(text.length, at + SEGMENT_CHUNK);
  for (let i = at; i < last; i++) {
    // Surrogate halves are never standalone, so a pair is never cut here.
    if (isStandalone(text[i - 1]!) && isStandalone(text[i]!)) return i;
  }
  return last < text.length && /[\uDC00-\uDFFF]/.test(text[last]!) ? last + 1 : last;
}

/** fontkit hides these (zero width, no glyph drawn), so a font need not have them. */
export function isDefaultIgnorable(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    (cp >= 0x180b && cp <= 0x180e) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

/** Characters that are layout, not glyphs. */
const layoutCharacters = new Set([0x0a]);

const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0) ?? 0);

/**
 * Cut `text` (already sanitised) into stretches by font: each grapheme cluster goes whole to the first
 * font of `chain` that has every character of it. A cluster no single font can draw keeps its base in
 * the first font that has the base and loses the marks none has; a cluster whose base no font has is
 * drawn as SUBSTITUTE. Every character dropped or substituted is listed in `missing`.
 */
export function splitByFont(text: string, chain: readonly Coverage[]): { segments: FontSegment[]; missing: MissingGlyph[] } {
  const segments: FontSegment[] = [];
  const missing: MissingGlyph[] = [];
  const push = (piece: string, font: number) => {
    const last = segments.at(-1);
    if (last && last.font === font) last.text += piece;
    else if (piece !== '') segments.push({ text: piece, font });
  };
  if (chain.length === 0) return { segments: text ? [{ text, font: 0 }] : [], missing };
  // Printable ASCII has no clusters to keep together: skip the segmenter for the common case.
  const clusters = printableAscii.test(text) ? Array.from(text) : graphemes(text);
  for (const cluster of clusters) {
    const cps = codePoints(cluster);
    const needed = cps.filter((cp) => !isDefaultIgnorable(cp) && !layoutCharacters.has(cp));
    // Layout-only and invisible clusters ride with whatever font is current.
    if (needed.length === 0) {
      push(cluster, segments.at(-1)?.font ?? 0);
      continue;
    }
    const whole = chain.findIndex((font) => needed.every((cp) => font.has(cp)) && positioned(font, cluster));
    if (whole >= 0) {
      push(drawable(cps, chain[whole]!), whole);
      continue;
    }
    const base = chain.findIndex((font) => font.has(needed[0]!));
    if (base >= 0) {
      const font = chain[base]!;
      // A font that has the marks but cannot place them draws the base alone: marks are what it loses.
      const keep = positioned(font, drawable(cps, font)) ? (cp: number) => font.has(cp) : (cp: number) => font.has(cp) && !isMark(cp);
      for (const cp of needed) {
        if (keep(cp)) continue;
        missing.push(font.has(cp) ? { codePoint: cp, cluster, shownAs: '', unplaced: true } : { codePoint: cp, cluster, shownAs: '' });
      }
      push(String.fromCodePoint(...cps.filter((cp) => layoutCharacters.has(cp) || keep(cp))), base);
      continue;
    }
    const shown = substituteFor(chain);
    for (const cp of needed) if (!chain.some((font) => font.has(cp))) missing.push({ codePoint: cp, cluster, shownAs: shown.text });
    push(shown.text, shown.font);
  }
  return { segments, missing };
}

const isMark = (cp: number): boolean => mark.test(String.fromCodePoint(cp));

/** Whether `font` can lay out `cluster`: only clusters with combining marks are ever in doubt. */
function positioned(font: Coverage, cluster: string): boolean {
  return font.positions === undefined || !/\p{M}/u.test(cluster) || font.positions(cluster);
}

/** The cluster without the characters `font` lacks (invisible ones it has no glyph for would show as boxes). */
function drawable(cps: number[], font: Coverage): string {
  return String.fromCodePoint(...cps.filter((cp) => layoutCharacters.has(cp) || font.has(cp)));
}

/** SUBSTITUTE in the first font that has it, else "?" in the first font. */
function substituteFor(chain: readonly Coverage[]): { text: string; font: number } {
  const at = chain.findIndex((font) => font.has(SUBSTITUTE.codePointAt(0)!));
  return at >= 0 ? { text: SUBSTITUTE, font: at } : { text: '?', font: 0 };
}

/** "U+1F642". */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
