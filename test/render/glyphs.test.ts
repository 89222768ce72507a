/**
 * Text before it meets the page, without a PDF: cleaning odd characters, cutting text by font per
 * grapheme cluster, bidi levels and visual order, and line breaking over spans in several fonts.
 */
import { describe, expect, it } from 'vitest';
import { baseDirection, embeddingLevels, hasRightToLeft, mirroredCharacters, shapedRightToLeft, visualOrder } from '../../src/render/pdf/bidi.js';
import { graphemes, sanitizeText, splitByFont, SUBSTITUTE, type Coverage } from '../../src/render/pdf/glyphs.js';
import { breakLines, orderLine, type Span } from '../../src/render/pdf/lines.js';

const cps = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);

/** A fake font that has exactly the characters of `chars` (and the ranges given). */
function font(chars: string, ...ranges: Array<[number, number]>): Coverage {
  const set = new Set(cps(chars));
  return { has: (cp) => set.has(cp) || ranges.some(([a, b]) => cp >= a && cp <= b) };
}

const ascii: [number, number] = [0x20, 0x7e];
const latin = font('üÜłŁóźŹ\u0301\u0308\u200C\u200D', ascii);
const arabic = font(' \u060C\u200C\u200D', [0x0621, 0x064a], [0x064b, 0x0652], [0x0660, 0x0669]);
const symbols = font(' ★\u20E3');
const withSubstitute = font(SUBSTITUTE);

describe('sanitizeText: characters that must not reach the page', () => {
  it('composes decomposed accents (NFC)', () => {
    expect(sanitizeText('Ju\u0308rg Ło\u0301dz\u0301')).toBe('Jürg Łódź');
  });

  it('removes C0 controls but keeps newline; tab becomes a space; CR and line separators become newlines', () => {
    expect(sanitizeText('a\u0000b\u0007c\u001Bd\u001Fe')).toBe('abcde');
    expect(sanitizeText('a\tb')).toBe('a b');
    expect(sanitizeText('a\r\nb\rc\u2028d\u2029e\nf')).toBe('a\nb\nc\nd\ne\nf');
  });

  it('removes DEL, C1 controls and non-characters', () => {
    expect(sanitizeText('x\u007Fy\u0085z\u009F!')).toBe('xyz!');
    expect(sanitizeText('p\uFFFEq\uFFFFr\uFDD0s')).toBe('pqrs');
  });

  it('removes zero-width and bidi control characters, BOM and soft hyphen', () => {
    const invisible = ['\u200B', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\uFEFF', '\u00AD', '\u061C'];
    for (const c of invisible) expect(sanitizeText(`Αθή${c}να`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('Αθήνα');
  });

  it('keeps ZWJ/ZWNJ where a script shapes with them, drops them elsewhere', () => {
    expect(sanitizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(sanitizeText('क्\u200Dष')).toBe('क्\u200Dष');
    expect(sanitizeText('👩\u200D🔬')).toBe('👩\u200D🔬');
    expect(sanitizeText('Jü\u200Crg a\u200Db')).toBe('Jürg ab');
    expect(sanitizeText('\u200Dstart')).toBe('start');
  });

  it('turns lone surrogates into U+FFFD and keeps valid pairs and U+FFFD itself', () => {
    expect(sanitizeText('a\uD800b')).toBe('a\uFFFDb');
    expect(sanitizeText('a\uDC00')).toBe('a\uFFFD');
    expect(sanitizeText('\uD83D')).toBe('\uFFFD');
    expect(sanitizeText('🙂 \uFFFD')).toBe('🙂 \uFFFD');
  });

  it('leaves ordinary text untouched', () => {
    const text = 'Київ, Αθήνα, Łódź, Jürg — “quoted” [S1] سارة خليل נועה כהן 2026 ★';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('graphemes', () => {
  it('keeps a base with its combining marks, and emoji sequences, together', () => {
    expect(graphemes('e\u0301a')).toEqual(['e\u0301', 'a']);
    expect(graphemes('👩\u200D🔬!')).toEqual(['👩\u200D🔬', '!']);
    expect(graphemes('🇺🇦x')).toEqual(['🇺🇦', 'x']);
  });

  it('cuts long text into the same clusters as one pass of Intl.Segmenter would', () => {
    const pieces = ['Київ ', 'e\u0301', '👩\u200D🔬', '🇺🇦', '👍🏽', '한국어', '\u1100\u1161\u11A8', 'क्षि', 'سارة ', '\r\n', ' a\u0334\u0335', 'x', '. ', '“q”'];
    const text = Array.from({ length: 3000 }, (_, i) => pieces[(i * 7) % pieces.length]).join('');
    const whole = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
    expect(text.length).toBeGreaterThan(4 * 512);
    expect(graphemes(text)).toEqual(whole);
  });

  it('never splits a surrogate pair, even in a run with nowhere to cut', () => {
    const text = `a${'\u0301'.repeat(700)}${'🙂'.repeat(700)}`;
    const clusters = graphemes(text);
    expect(clusters.join('')).toBe(text);
    expect(clusters.every((c) => c.isWellFormed())).toBe(true);
  });
});

describe('splitByFont: which font each cluster gets', () => {
  it('gives each cluster to the first font of the chain that has all of it', () => {
    const { segments, missing } = splitByFont('Jürg ★ سارة', [latin, arabic, symbols]);
    expect(segments).toEqual([
      { text: 'Jürg ', font: 0 },
      { text: '★', font: 2 },
      { text: ' ', font: 0 },
      { text: 'سارة', font: 1 },
    ]);
    expect(missing).toEqual([]);
  });

  it('keeps a combining mark with its base, in a font that has both', () => {
    // The first font has the base but not the mark; the second has both: the whole cluster goes there.
    const baseOnly = font('', ascii);
    const both = font('a\u0331');
    expect(splitByFont('xa\u0331y', [baseOnly, both]).segments).toEqual([
      { text: 'x', font: 0 },
      { text: 'a\u0331', font: 1 },
      { text: 'y', font: 0 },
    ]);
  });

  it('leaves out a mark no font has, keeping its base, and reports the mark', () => {
    const { segments, missing } = splitByFont('a\u1AB0b', [latin]);
    expect(segments).toEqual([{ text: 'ab', font: 0 }]);
    expect(missing).toEqual([{ codePoint: 0x1ab0, cluster: 'a\u1AB0', shownAs: '' }]);
  });

  it('draws a cluster whose base no font has as U+FFFD from the first font that has it, and reports it', () => {
    const { segments, missing } = splitByFont('a🙂b', [latin, withSubstitute]);
    expect(segments).toEqual([
      { text: 'a', font: 0 },
      { text: SUBSTITUTE, font: 1 },
      { text: 'b', font: 0 },
    ]);
    expect(missing).toEqual([{ codePoint: 0x1f642, cluster: '🙂', shownAs: SUBSTITUTE }]);
  });

  it('falls back to "?" when no font has U+FFFD either', () => {
    expect(splitByFont('北', [latin]).segments).toEqual([{ text: '?', font: 0 }]);
  });

  it('reports every missing character of an emoji sequence, not the joiner a font has', () => {
    const { segments, missing } = splitByFont('👩\u200D🔬', [latin, withSubstitute]);
    expect(segments).toEqual([{ text: SUBSTITUTE, font: 1 }]);
    expect(missing.map((m) => m.codePoint)).toEqual([0x1f469, 0x1f52c]);
  });

  it('drops invisible characters the chosen font lacks (they would print as boxes), keeps those it has', () => {
    // U+FE0F (emoji presentation) is not in the symbol font; ZWNJ is in the Arabic one.
    expect(splitByFont('★\uFE0F', [latin, symbols]).segments).toEqual([{ text: '★', font: 1 }]);
    expect(splitByFont('سا\u200Cرة', [latin, arabic]).segments).toEqual([{ text: 'سا\u200Cرة', font: 1 }]);
  });

  it('keeps newlines in the current font', () => {
    expect(splitByFont('a\nb', [latin]).segments).toEqual([{ text: 'a\nb', font: 0 }]);
  });

  it('gives a cluster to a later font when the first has its glyphs but cannot place the mark', () => {
    const noAnchor: Coverage = { ...latin, positions: (cluster) => !cluster.includes('\u0301') };
    const { segments, missing } = splitByFont('a\u0301b', [noAnchor, font('a\u0301')]);
    expect(segments).toEqual([{ text: 'a\u0301', font: 1 }, { text: 'b', font: 0 }]);
    expect(missing).toEqual([]);
  });

  it('leaves a mark no font can place off its base, and says it was not placed rather than not found', () => {
    const noAnchor: Coverage = { has: latin.has, positions: (cluster) => !cluster.includes('\u0308') };
    const { segments, missing } = splitByFont('Ju\u0308rg', [noAnchor]);
    expect(segments).toEqual([{ text: 'Jurg', font: 0 }]);
    expect(missing).toEqual([{ codePoint: 0x0308, cluster: 'u\u0308', shownAs: '', unplaced: true }]);
  });
});

describe('bidi: levels and visual order', () => {
  const visual = (text: string, direction: 'ltr' | 'rtl') => {
    const levels = embeddingLevels(text, direction);
    return visualOrder(text, levels, 0, text.length).map((i) => text[i]).join('');
  };
  const reversed = (s: string) => Array.from(s).reverse().join('');

  it('finds right-to-left text', () => {
    expect(hasRightToLeft('met سارة')).toBe(true);
    expect(hasRightToLeft('נועה')).toBe(true);
    expect(hasRightToLeft('Київ Αθήνα Łódź')).toBe(false);
  });

  it('reverses an embedded Arabic name in a left-to-right line and keeps the rest in place', () => {
    const name = 'سارة خليل';
    expect(visual(`met ${name} in Haifa`, 'ltr')).toBe(`met ${reversed(name)} in Haifa`);
  });

  it('reverses a whole right-to-left line, but not the digits in it', () => {
    expect(visual('עד 2026 כן', 'rtl')).toBe('ןכ 2026 דע');
  });

  it('mirrors brackets at right-to-left levels only', () => {
    const text = 'a (b) שלום (כן)';
    const levels = embeddingLevels(text, 'rtl');
    const mirrored = mirroredCharacters(text, levels.levels, 0, text.length);
    expect(mirrored.get(text.indexOf('(כ'))).toBe(')');
    expect(mirrored.has(text.indexOf('(b'))).toBe(false);
  });

  it('chooses the base direction by letters: one text by majority, assembled lines only when all right to left', () => {
    expect(baseDirection(['نعمل ليلا ونهارا لإعادة فتح الجسر'])).toBe('rtl');
    expect(baseDirection(['قال Jürg Weber إن العمل سيستمر'])).toBe('rtl');
    expect(baseDirection(['Engineers led by سارة خليل will inspect the hull'])).toBe('ltr');
    expect(baseDirection(['— سارة خليل', ', chief engineer'])).toBe('ltr');
    expect(baseDirection(['— سارة خليل', '، مهندسة'])).toBe('rtl');
    expect(baseDirection(['123'])).toBe('ltr');
  });

  it("predicts when fontkit lays a string out right to left itself", () => {
    expect(shapedRightToLeft('سارة')).toBe(true);
    expect(shapedRightToLeft(' (נועה')).toBe(true);
    expect(shapedRightToLeft('٢٠٢٦')).toBe(true);
    expect(shapedRightToLeft('(2026)')).toBe(false);
    expect(shapedRightToLeft('Haifa سارة')).toBe(false);
  });
});

describe('lines: breaking and ordering spans', () => {
  // Every UTF-16 unit is one point wide: widths are easy to reason about.
  const measure = (_span: Span, start: number, end: number) => end - start;
  const spansOf = (text: string, cuts: Array<[number, string]> = []): Span[] => {
    const bounds = [0, ...cuts.map(([at]) => at), text.length];
    return bounds.slice(0, -1).map((start, i) => ({ start, end: bounds[i + 1]!, run: 0, font: i === 0 ? 'serif' : (cuts[i - 1]?.[1] ?? 'serif') }));
  };
  const texts = (text: string, ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

  it('breaks at spaces, greedily, dropping trailing spaces', () => {
    const text = 'one two three four';
    expect(texts(text, breakLines(text, spansOf(text), 9, measure))).toEqual(['one two', 'three', 'four']);
  });

  it('does not break inside a word that changes font', () => {
    // "−5°C": the minus in a maths font, the rest in the text font; the break goes before the word.
    const text = 'cold at −5°C';
    const spans = spansOf(text, [[8, 'math'], [9, 'serif']]);
    expect(texts(text, breakLines(text, spans, 10, measure))).toEqual(['cold at', '−5°C']);
  });

  it('breaks after a hyphen between letters, and at newlines', () => {
    const text = 'well-known\nfact';
    expect(texts(text, breakLines(text, spansOf(text), 6, measure))).toEqual(['well-', 'known', 'fact']);
  });

  it('cuts a word longer than the line between clusters', () => {
    const text = 'abcdefgh';
    expect(texts(text, breakLines(text, spansOf(text), 3, measure))).toEqual(['abc', 'def', 'gh']);
  });

  it('keeps a glued tail with the word before it, unless the tail cannot fit a line', () => {
    const text = 'aa bb cc [S1, S2]';
    const glueFrom = text.indexOf('[');
    expect(texts(text, breakLines(text, spansOf(text), 14, measure, { glueFrom }))).toEqual(['aa bb', 'cc [S1, S2]']);
    expect(texts(text, breakLines(text, spansOf(text), 6, measure, { glueFrom }))).toEqual(['aa bb', 'cc', '[S1,', 'S2]']);
  });

  it('orders the pieces of a mixed line visually, each contiguous in the text', () => {
    const name = 'נועה כהן';
    const text = `met ${name} today`;
    const at = text.indexOf(name);
    const spans = spansOf(text, [[at, 'hebrew'], [at + 4, 'serif'], [at + 5, 'hebrew'], [at + name.length, 'serif']]);
    const levels = embeddingLevels(text, 'ltr');
    const pieces = orderLine(text, spans, { start: 0, end: text.length }, levels);
    expect(pieces.map((p) => [text.slice(p.start, p.end), p.rightToLeft])).toEqual([
      ['met ', false],
      ['כהן', true],
      [' ', true],
      ['נועה', true],
      [' today', false],
    ]);
  });
});
