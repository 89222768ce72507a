/**
 * Page geometry and page breaks. pdfkit has no keep-with-next and no widow/orphan control, so sections
 * ask `ensureSpace` for room before a heading or an item they do not want split, and `paragraphBreak`
 * where a long paragraph may break.
 */
import type { PageSize } from '../types.js';

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PageGeometry {
  size: PageSize;
  /** Page width and height in points. */
  width: number;
  height: number;
  margins: Margins;
}

const mm = 72 / 25.4;

/** Page size and margins; the top and bottom margins leave room for the running header and footer. */
export function pageGeometry(size: PageSize): PageGeometry {
  if (size === 'Letter') {
    return { size, width: 612, height: 792, margins: { top: 64, bottom: 60, left: 58, right: 58 } };
  }
  // pdfkit's A4 is 595.28 x 841.89 pt.
  return { size, width: 595.28, height: 841.89, margins: { top: 23 * mm, bottom: 21 * mm, left: 20 * mm, right: 20 * mm } };
}

/** Width between the left and right margins. */
export function contentWidth(g: PageGeometry): number {
  return g.width - g.margins.left - g.margins.right;
}

/** Points left on the current page below the current y. */
export function spaceLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.maxY() - doc.y;
}

/**
 * Start a new page unless `height` points fit below the current y. A block taller than a whole page
 * is left to flow across pages (pdfkit breaks it line by line). Returns true if a page was added.
 */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): boolean {
  const page = doc.page;
  const usable = page.maxY() - page.margins.top;
  if (height <= spaceLeft(doc) || height > usable || doc.y <= page.margins.top) return false;
  doc.addPage();
  return true;
}

/**
 * Keep a heading with what follows: room for the heading and the whole first item, or for its first
 * `minLines` lines when that item is too tall to keep whole anyway.
 */
export function keepWithNext(
  doc: PDFKit.PDFDocument,
  headingHeight: number,
  next: { height: number; lineHeight: number },
  minLines = 3,
): boolean {
  const usable = doc.page.maxY() - doc.page.margins.top;
  const nextNeed = headingHeight + next.height <= usable ? next.height : Math.min(next.height, next.lineHeight * minLines);
  return ensureSpace(doc, headingHeight + nextNeed);
}

/** Where a paragraph goes relative to the page break below it. */
export type ParagraphBreak =
  | { kind: 'here' }
  /** Start it on a new page. */
  | { kind: 'next-page' }
  /** Draw `lines` lines here and the rest on the next page. */
  | { kind: 'split'; lines: number };

/**
 * Widow and orphan control for a paragraph of `lines` lines, given how many lines fit on this page and on
 * a whole page. Short paragraphs are never split; a long one keeps at least two lines on each side of
 * the break. Line counts are measured in the first run's style, which can overcount a paragraph whose
 * citations wrap by one line, so three lines are kept for the next page: never fewer than two.
 */
export function paragraphBreak(lines: number, fitHere: number, fitPage: number): ParagraphBreak {
  if (lines <= fitHere) return { kind: 'here' };
  if (fitHere < 2) return { kind: 'next-page' };
  // Short paragraphs move whole, unless even a whole page could not hold them.
  if (lines < 5) return lines <= fitPage ? { kind: 'next-page' } : { kind: 'split', lines: fitHere };
  return { kind: 'split', lines: Math.min(fitHere, lines - 3) };
}
