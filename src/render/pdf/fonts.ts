/**
 * The bundled Noto fonts: registered on a document under role names, and asked which characters they
 * can draw. Serif for reading text, sans for headings, labels and small print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ErrorCode } from '../../errors.js';
import { fontsDir } from '../../paths.js';
import { warning, type Warning } from '../../model/warning.js';

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

/** The part of a fontkit font this module uses (pdfkit keeps it as `doc._font.font`). */
interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

// Parsed fonts are kept for the process and handed to later documents: pdfkit accepts a fontkit font
// object as a font source, and reusing it keeps its shaping caches warm (a render is ~4x faster).
// Each document still makes its own subset, so output does not depend on what was rendered before.
const parsedFonts = new Map<string, GlyphSource>();

function fontSource(role: FontRole, dir: string): GlyphSource | Buffer {
  const path = join(dir, fontFiles[role]);
  const parsed = parsedFonts.get(path);
  if (parsed) return parsed;
  try {
    return readFileSync(path);
  } catch (cause) {
    fail(ErrorCode.RENDER, `PDF font ${path} could not be read; reinstall briefwright or restore fonts/`, cause);
  }
}

/** Characters never checked: line breaks and tabs are layout, not glyphs. */
const layoutCharacters = new Set([0x09, 0x0a, 0x0d]);

/**
 * The fonts of one document and the characters they could not draw. Every run of text is checked
 * here before it is drawn (from Typesetter.prepare, where per-glyph fallback will split runs).
 */
export class FontBook {
  private readonly sources = new Map<FontRole, GlyphSource>();
  private readonly missing = new Map<number, Warning>();

  constructor(doc: PDFKit.PDFDocument, dir: string = fontsDir) {
    for (const role of roles) {
      doc.registerFont(role, fontSource(role, dir) as Buffer);
      doc.font(role);
      const source = (doc as unknown as { _font?: { font?: Partial<GlyphSource> } })._font?.font;
      // pdfkit's font object is internal: if its shape changes, skip the check rather than fail the render.
      if (typeof source?.hasGlyphForCodePoint === 'function' && typeof source.layout === 'function') {
        this.sources.set(role, source as GlyphSource);
        parsedFonts.set(join(dir, fontFiles[role]), source as GlyphSource);
      }
    }
    doc.font('serif');
  }

  /** Record every character of `text` the font of `role` cannot draw (once per character). */
  check(text: string, role: FontRole): void {
    const font = this.sources.get(role);
    if (!font) return;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (layoutCharacters.has(cp) || this.missing.has(cp) || font.hasGlyphForCodePoint(cp)) continue;
      this.missing.set(cp, warning('glyph-missing', 'render', this.reason(cp, role), { text }));
    }
  }

  /** Warnings for the characters found missing so far, in the order they were met. */
  warnings(): Warning[] {
    const out = [...this.missing.values()];
    if (this.sources.size < roles.length) {
      out.push(warning('render-note', 'render', 'the PDF fonts could not be inspected, so characters they lack were not checked'));
    }
    return out;
  }

  private reason(cp: number, role: FontRole): string {
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const shown = cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? '' : ` "${String.fromCodePoint(cp)}"`;
    const other = roles.find((r) => this.sources.get(r)?.hasGlyphForCodePoint(cp));
    if (other === undefined) return `no bundled font can draw ${code}${shown}; it prints as an empty box`;
    return `${fontFiles[role]} cannot draw ${code}${shown} (${fontFiles[other]} can, but fonts are not mixed within a run yet); it prints as an empty box`;
  }
}
