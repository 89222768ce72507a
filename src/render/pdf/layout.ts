/**
 * Page geometry, page breaks and the running footer. pdfkit has no keep-with-next, so sections ask
 * `ensureSpace` for room before a heading or an item they do not want split.
 */
import type { PageSize } from '../types.js';
import { colors, styles } from './styles.js';
import type { Typesetter } from './text.js';

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

/** Page size and margins; the bottom margin leaves room for the footer. */
export function pageGeometry(size: PageSize): PageGeometry {
  if (size === 'Letter') {
    return { size, width: 612, height: 792, margins: { top: 50, bottom: 60, left: 58, right: 58 } };
  }
  // pdfkit's A4 is 595.28 x 841.89 pt.
  return { size, width: 595.28, height: 841.89, margins: { top: 18 * mm, bottom: 21 * mm, left: 20 * mm, right: 20 * mm } };
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

/** What the footer of every page shows. */
export interface FooterText {
  /** Brief title; shortened with "…" to fit. */
  title: string;
  /** Briefing date, as shown in the title block. */
  date: string;
}

/**
 * Draw "title · date" and "Page X of Y" at the foot of every buffered page. Runs after all content,
 * when the page count is known; the bottom margin is lifted meanwhile so pdfkit does not add a page.
 */
export function drawFooters(type: Typesetter, g: PageGeometry, footer: FooterText): void {
  const doc = type.doc;
  const range = doc.bufferedPageRange();
  const left = g.margins.left;
  const right = g.width - g.margins.right;
  const ruleY = g.height - g.margins.bottom + 14;
  const textY = ruleY + 6;
  for (let i = 0; i < range.count; i++) {
    const page = doc.switchToPage(range.start + i);
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    doc.save().moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(0.5).strokeColor(colors.hairline).stroke().restore();
    const pageLabel = `Page ${i + 1} of ${range.count}`;
    const labelWidth = type.width(pageLabel, styles.footer);
    const date = ` · ${footer.date}`;
    const room = right - left - labelWidth - 24 - type.width(date, styles.footer);
    type.line(`${fitWidth(type, footer.title, room)}${date}`, styles.footer, left, textY);
    type.line(pageLabel, styles.footer, right, textY, { align: 'right' });
    page.margins.bottom = bottom;
  }
}

/** `text` shortened at a word boundary with "…" so it is at most `width` points wide in the footer style. */
function fitWidth(type: Typesetter, text: string, width: number): string {
  if (type.width(text, styles.footer) <= width) return text;
  const words = text.split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:.–—-]+$/u, '')}…`;
    if (type.width(candidate, styles.footer) <= width) return candidate;
  }
  return '…';
}
