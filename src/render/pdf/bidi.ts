/**
 * Right-to-left text in reading order (Unicode bidi algorithm, via bidi-js). Levels are resolved on a
 * whole paragraph; each line is then reordered on its own, after line breaking, as UAX #9 asks.
 * Pure: indices are UTF-16 offsets into the paragraph's text.
 */
import bidiModule, { type Bidi, type EmbeddingLevels } from 'bidi-js';

// bidi-js is CommonJS with types that declare an ES default export: Node hands over module.exports
// (the factory) as the default import, TypeScript expects it under `.default`. Accept either.
const loaded = bidiModule as unknown as (() => Bidi) | { default: () => Bidi };
const bidi = (typeof loaded === 'function' ? loaded : loaded.default)();

export type { EmbeddingLevels };

// Strong right-to-left characters live in these blocks: Hebrew to Arabic Extended-A, the
// presentation forms, and the RTL parts of the supplementary planes.
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Whether `text` has any right-to-left character, i.e. whether it needs the bidi algorithm at all. */
export function hasRightToLeft(text: string): boolean {
  return rightToLeft.test(text);
}

const letter = /\p{L}/u;

/**
 * Base direction of a paragraph made of `texts` (its runs, citations left out). One text is right to
 * left when its right-to-left letters outnumber the others; a line assembled from several texts
 * ("outlet · title", "— speaker, role") follows the brief's left-to-right layout unless it has no
 * left-to-right letter at all. Not UAX #9's first strong character: "— سارة خليل, chief engineer" is
 * an English line that starts with an Arabic name.
 */
export function baseDirection(texts: readonly string[]): 'ltr' | 'rtl' {
  let rtl = 0;
  let ltr = 0;
  for (const char of texts.join('')) {
    if (rightToLeft.test(char)) rtl++;
    else if (letter.test(char)) ltr++;
  }
  if (texts.length > 1) return rtl > 0 && ltr === 0 ? 'rtl' : 'ltr';
  return rtl > ltr ? 'rtl' : 'ltr';
}

/** Embedding levels of every character of `text`, in paragraphs of base direction `direction`. */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl'): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, direction);
}

/** Base level (0 left-to-right, 1 right-to-left) of the paragraph holding `index`. */
export function paragraphLevel(levels: EmbeddingLevels, index: number): number {
  return levels.paragraphs.find((p) => index >= p.start && index <= p.end)?.level ?? 0;
}

/**
 * The offsets `start`..`end - 1` of one line in visual (left-to-right drawing) order. Trailing white
 * space goes back to the paragraph's level first (rule L1), then runs at each level are reversed (L2).
 */
export function visualOrder(text: string, levels: EmbeddingLevels, start: number, end: number): number[] {
  const order = Array.from({ length: end - start }, (_, i) => start + i);
  if (end - start < 2) return order;
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    if (from === undefined || to === undefined) continue;
    const slice = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, slice.length, ...slice);
  }
  return order;
}

/** Characters drawn mirrored at right-to-left levels ("(" as ")"), by offset. */
export function mirroredCharacters(text: string, levels: Uint8Array, start: number, end: number): Map<number, string> {
  if (end <= start) return new Map();
  return bidi.getMirroredCharactersMap(text, levels, start, end - 1);
}

// fontkit lays a string out right to left (reversing its glyphs) when the first character with a script
// of its own belongs to one of these scripts; fontkit's list, as Unicode script names.
const fontkitRtlScripts =
  /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]$/u;
const scriptless = /^[\p{Script=Common}\p{Script=Inherited}\p{Cn}]$/u;

/**
 * Whether fontkit will lay `text` out right to left by itself. Such text is handed over in logical
 * order, so that fontkit shapes it (Arabic joining forms) and reverses it; other right-to-left text
 * (brackets, digits' neighbours) is reversed here.
 */
export function shapedRightToLeft(text: string): boolean {
  for (const char of text) {
    if (scriptless.test(char)) continue;
    return fontkitRtlScripts.test(char);
  }
  return false;
}
