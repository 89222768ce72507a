/**
 * The fonts of a document: for each role (serif, sansBold, …) a chain of font files, the role's own
 * face first and bundled fallbacks after it (Arabic, Hebrew, maths, symbols). Text is cut by the first
 * face of the chain that can draw each grapheme cluster; fallbacks are registered on the document only
 * when some text needs them, so a document without such text has the same fonts and bytes as before.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { fail, ErrorCode } from '../../errors.js';
import { fontsDir } from '../../paths.js';
import { warning, type Warning } from '../../model/warning.js';
import { codePointLabel, splitByFont, type Coverage, type MissingGlyph } from './glyphs.js';

/** The faces a style can ask for; registered on the document under these names. */
export const fontFiles = {
  serif: 'NotoSerif-Regular.ttf',
  serifBold: 'NotoSerif-Bold.ttf',
  serifItalic: 'NotoSerif-Italic.ttf',
  serifBoldItalic: 'NotoSerif-BoldItalic.ttf',
  sans: 'NotoSans-Regular.ttf',
  sansBold: 'NotoSans-Bold.ttf',
  sansItalic: 'NotoSans-Italic.ttf',
  sansBoldItalic: 'NotoSans-BoldItalic.ttf',
} as const;

export type FontRole = keyof typeof fontFiles;

const roles = Object.keys(fontFiles) as FontRole[];

/** Bundled fallbacks, tried in this order after a role's own face: bold roles get bold faces where there are any. */
export const fallbackFiles = {
  regular: ['NotoSansArabic-Regular.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansMath-Regular.ttf', 'NotoSansSymbols2-Regular.ttf'],
  bold: ['NotoSansArabic-Bold.ttf', 'NotoSansHebrew-Bold.ttf', 'NotoSansMath-Regular.ttf', 'NotoSansSymbols2-Regular.ttf'],
} as const;

/** The bundled chain of `role`: its own face, then the fallbacks (file names in the fonts folder). */
export function bundledChain(role: FontRole): string[] {
  return [fontFiles[role], ...(role.includes('Bold') ? fallbackFiles.bold : fallbackFiles.regular)];
}

/** A stretch of text and the registered font name it is drawn with. */
export interface FontRun {
  text: string;
  /** Name to pass to `doc.font()`: the role itself for its own face, the file path for a fallback. */
  font: string;
  /** Whether this is the role's own face (false: a fallback). */
  primary: boolean;
}

/** The part of a fontkit font this module uses (pdfkit keeps it as `doc._font.font`). */
interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

// Parsed fonts are kept for the process and handed to later documents: pdfkit accepts a fontkit font
// object as a font source, and reusing it keeps its shaping caches warm (a render is ~4x faster).
// Each document still makes its own subset, so output does not depend on what was rendered before.
const parsedFonts = new Map<string, GlyphSource>();

function fontSource(path: string, bundled: boolean): GlyphSource | Buffer {
  const parsed = parsedFonts.get(path);
  if (parsed) return parsed;
  try {
    return readFileSync(path);
  } catch (cause) {
    const hint = bundled ? '; reinstall briefwright or restore fonts/' : '';
    fail(ErrorCode.RENDER, `PDF font ${path} could not be read${hint}`, cause);
  }
}

/** One font file of a chain; `source` is known once it has been registered on the document. */
interface Face {
  path: string;
  /** One of the fonts shipped in the fonts folder (not a theme's). */
  bundled: boolean;
  /** Registered name. */
  name: string;
  source?: GlyphSource | null;
}

/** The parts of pdfkit's embedded font object that extractRightToLeft uses. */
interface PdfFontInternals {
  layout?(text: string, features: string[]): { glyphs?: Array<{ id: number; codePoints: number[] }> };
  subset?: { includeGlyph(id: number): number };
  unicode?: number[][];
}

type PdfDoc = PDFKit.PDFDocument & { _font?: { font?: Partial<GlyphSource> } };

/**
 * The fonts of one document and the characters none of them could draw. Every run of text is cut
 * here before it is measured or drawn (from the Typesetter), and missing characters are recorded once.
 */
export class FontBook {
  private readonly chains = new Map<FontRole, Face[]>();
  private readonly faces = new Map<string, Face>();
  private readonly missing = new Map<number, Warning>();
  // Text is measured many times before it is drawn (heights, fitting, wrapping): cut each text once.
  private readonly cut = new Map<string, FontRun[]>();
  // Per face: clusters with combining marks already tried for layout (see positions).
  private readonly placeable = new Map<string, Map<string, boolean>>();
  private uninspected = false;

  /**
   * `userFaces` puts font files (absolute, or relative to `dir`) before a role's bundled chain, e.g. a
   * theme's own serif; the bundled faces stay behind it as fallbacks.
   */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly dir: string = fontsDir,
    userFaces: Partial<Record<FontRole, string | readonly string[]>> = {},
  ) {
    for (const role of roles) {
      const own = userFaces[role];
      const user = own === undefined ? [] : typeof own === 'string' ? [own] : own;
      const files = [...user.map((file) => ({ file, bundled: false })), ...bundledChain(role).map((file) => ({ file, bundled: true }))];
      const chain = files.map(({ file, bundled }, i) => this.face(file, bundled, i === 0 ? role : undefined));
      this.chains.set(role, chain);
      // The role's own face is registered now, in role order, as it always was: same font ids, same bytes.
      this.open(chain[0]!);
    }
    doc.font('serif');
  }

  /**
   * `text` (already sanitised) cut into stretches by the face that draws them. Characters no face of
   * the chain has are recorded as warnings and come back substituted or left out (see splitByFont).
   */
  runs(text: string, role: FontRole): FontRun[] {
    const key = `${role}\u0000${text}`;
    const known = this.cut.get(key);
    if (known) return known;
    const chain = this.chains.get(role) ?? [];
    const coverage = chain.map((face, i): Coverage => ({ has: (cp) => this.has(face, cp, i === 0), positions: (cluster) => this.positions(face, cluster) }));
    const { segments, missing } = splitByFont(text, coverage);
    for (const m of missing) this.record(m, role, text);
    const runs = segments.map((s): FontRun => {
      const face = chain[s.font] ?? chain[0]!;
      return { text: s.text, font: face.name, primary: s.font === 0 };
    });
    this.cut.set(key, runs);
    return runs;
  }

  /** Record every character of `text` no face of the role's chain can draw (once per character). */
  check(text: string, role: FontRole): void {
    this.runs(text, role);
  }

  /**
   * After `text` was drawn right to left in the current font: give its ligatures (Arabic lam-alef) their
   * characters in visual order in the PDF's text map. Text extractors read right-to-left glyphs from the
   * left and reverse them, which would otherwise swap the two letters a ligature stands for.
   */
  extractRightToLeft(text: string): void {
    const font = (this.doc as unknown as { _font?: PdfFontInternals })._font;
    if (typeof font?.layout !== 'function' || typeof font.subset?.includeGlyph !== 'function' || !Array.isArray(font.unicode)) return;
    for (const glyph of font.layout(text, []).glyphs ?? []) {
      if (!(glyph.codePoints?.length > 1)) continue;
      font.unicode[font.subset.includeGlyph(glyph.id)] = [...glyph.codePoints].reverse();
    }
  }

  /** Warnings for the characters found missing so far, in the order they were met. */
  warnings(): Warning[] {
    const out = [...this.missing.values()];
    if (this.uninspected) {
      out.push(warning('render-note', 'render', 'the PDF fonts could not be inspected, so characters they lack were not checked'));
    }
    return out;
  }

  /** The face for `file`, one per path across all chains; the role's own face is named after the role. */
  private face(file: string, bundled: boolean, role?: FontRole): Face {
    const path = isAbsolute(file) ? file : join(this.dir, file);
    const name = role ?? path;
    const known = this.faces.get(name);
    if (known) return known;
    const face: Face = { path, name, bundled };
    this.faces.set(name, face);
    return face;
  }

  /** Register `face` on the document and learn which characters it has. Keeps the current font. */
  private open(face: Face): void {
    if (face.source !== undefined) return;
    const doc = this.doc as PdfDoc;
    const current = doc._font;
    doc.registerFont(face.name, fontSource(face.path, face.bundled) as Buffer);
    doc.font(face.name);
    const source = doc._font?.font;
    if (current) doc._font = current;
    // pdfkit's font object is internal: if its shape changes, draw without fallback rather than fail.
    if (typeof source?.hasGlyphForCodePoint === 'function' && typeof source.layout === 'function') {
      face.source = source as GlyphSource;
      parsedFonts.set(face.path, face.source);
    } else {
      face.source = null;
      this.uninspected = true;
    }
  }

  /** Whether `face` draws `cp`; a fallback is opened the first time it is asked. */
  private has(face: Face, cp: number, primary: boolean): boolean {
    this.open(face);
    // A role's own face that cannot be inspected is trusted with everything (as before fallbacks).
    if (face.source === null) return primary;
    return face.source?.hasGlyphForCodePoint(cp) ?? false;
  }

  /**
   * Whether `face` can lay out `cluster` (a base and its marks). fontkit 2 throws on a mark-to-base
   * anchor the font leaves empty (valid OpenType: "this mark does not go on this base"), so try it once.
   */
  private positions(face: Face, cluster: string): boolean {
    this.open(face);
    const source = face.source;
    if (!source) return true;
    const known = this.placeable.get(face.name)?.get(cluster);
    if (known !== undefined) return known;
    let ok = true;
    try {
      source.layout(cluster);
    } catch {
      ok = false;
    }
    const cache = this.placeable.get(face.name) ?? new Map<string, boolean>();
    this.placeable.set(face.name, cache.set(cluster, ok));
    return ok;
  }

  private record(m: MissingGlyph, role: FontRole, text: string): void {
    if (this.missing.has(m.codePoint)) return;
    const char = m.codePoint < 0x20 || (m.codePoint >= 0x7f && m.codePoint < 0xa0) ? '' : ` "${String.fromCodePoint(m.codePoint)}"`;
    const own = basename(this.chains.get(role)?.[0]?.path ?? fontFiles[role]);
    const shown = m.shownAs ? `it is shown as "${m.shownAs}"` : `it is left out of "${m.cluster}"`;
    const why = m.unplaced
      ? `no PDF font can place ${codePointLabel(m.codePoint)} on its base (${own} has the mark but no anchor for it there)`
      : `no PDF font can draw ${codePointLabel(m.codePoint)}${char} (${own} and its fallbacks lack it)`;
    this.missing.set(m.codePoint, warning('glyph-missing', 'render', `${why}; ${shown}`, { text }));
  }
}
