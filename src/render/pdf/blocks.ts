/**
 * Building blocks the sections share: the frame they draw in, section headings kept with their first
 * item, citations that link to the Sources list, and list items (bullets, numbers).
 */
import { contentWidth, ensureSpace, keepWithNext, spaceLeft, type PageGeometry } from './layout.js';
import { colors, spacing, styles, type TextStyle } from './styles.js';
import type { Run, Typesetter } from './text.js';

/** Everything a section draws with. */
export interface Frame {
  type: Typesetter;
  doc: PDFKit.PDFDocument;
  geometry: PageGeometry;
  /** Left edge and width of the text column. */
  left: number;
  width: number;
  /** Source ids that have an entry (and so a link target) in the Sources list. */
  sourceIds: ReadonlySet<string>;
}

/** A Frame for a document laid out on `geometry`. */
export function frame(type: Typesetter, geometry: PageGeometry, sourceIds: Iterable<string>): Frame {
  return { type, doc: type.doc, geometry, left: geometry.margins.left, width: contentWidth(geometry), sourceIds: new Set(sourceIds) };
}

/** Named destination of a source's entry in the Sources list. */
export function sourceDestination(id: string): string {
  return `source-${id}`;
}

/**
 * "[S1, S2]" as runs: each id links to its entry in the Sources list (ids without an entry are plain
 * text). Brackets ride on the first and last id so they never wrap away from them, and the first
 * is glued to the text before it.
 */
export function citationRuns(f: Frame, ids: readonly string[]): Run[] {
  if (ids.length === 0) return [];
  return ids.flatMap((id, i) => {
    const text = `${i === 0 ? '[' : ''}${id}${i === ids.length - 1 ? ']' : ''}`;
    const linked = f.sourceIds.has(id);
    const run: Run = linked
      ? { text, style: styles.citation, goTo: sourceDestination(id), glue: i === 0 }
      : { text, style: styles.citationPlain, glue: i === 0 };
    return i < ids.length - 1 ? [run, { text: ', ', style: styles.citationPlain }] : [run];
  });
}

/** An item's text followed by its citations. */
export function citedRuns(f: Frame, text: string, ids: readonly string[], style: TextStyle = styles.body): Run[] {
  const cites = citationRuns(f, ids);
  const body = text.trimEnd();
  return [{ text: cites.length > 0 && body ? `${body} ` : body, style }, ...cites];
}

const headingGap = 4;

/** Height a section heading takes, rule and space below included. */
function headingHeight(f: Frame): number {
  return f.type.lineAdvance(styles.heading, 0) + headingGap + spacing.afterHeading;
}

/**
 * Draw a section heading with a hairline under it, first moving to a new page if the heading and the
 * first item (`first`, as measured by the section) would not fit together.
 */
export function sectionHeading(f: Frame, title: string, first: { height: number; lineHeight: number }): void {
  const { doc } = f;
  if (doc.y > doc.page.margins.top) doc.y += spacing.beforeHeading;
  keepWithNext(doc, headingHeight(f), first);
  f.type.paragraph([{ text: title, style: styles.heading }], { x: f.left, width: f.width, lineGap: 0 });
  const ruleY = doc.y + headingGap - 2;
  doc.save().moveTo(f.left, ruleY).lineTo(f.left + f.width, ruleY).lineWidth(0.6).strokeColor(colors.rule).stroke().restore();
  doc.y = ruleY + spacing.afterHeading;
}

/**
 * Make room for an item of `height` points that should not be split. When it has to start a new page,
 * a small "<section> (continued)" line opens that page, since pdfkit repeats no headings. Returns true
 * when a page was added.
 */
export function placeItem(f: Frame, section: string, height: number): boolean {
  const label: Run[] = [{ text: `${section} (continued)`, style: styles.continued }];
  const labelHeight = f.type.height(label, { x: f.left, width: f.width }) + continuedGap;
  if (!ensureSpace(f.doc, height)) return false;
  if (height + labelHeight <= spaceLeft(f.doc)) {
    f.type.paragraph(label, { x: f.left, width: f.width });
    f.doc.y += continuedGap;
  }
  return true;
}

const continuedGap = 4;

/** A list item: a marker ("•", "3.") in the gutter and the runs beside it. */
export interface ListItem {
  marker: string;
  markerStyle: TextStyle;
  runs: Run[];
}

const gutter = 18;

/** Height of a list item (without the space after it). */
export function listItemHeight(f: Frame, item: ListItem): number {
  return f.type.height(item.runs, { x: f.left + gutter, width: f.width - gutter });
}

/** Draw a section's list items, each kept whole on a page, with the marker on the item's first baseline. */
export function drawList(f: Frame, section: string, items: readonly ListItem[]): void {
  const { doc, type } = f;
  for (const [i, item] of items.entries()) {
    if (i > 0) doc.y += spacing.item;
    placeItem(f, section, listItemHeight(f, item));
    const top = doc.y;
    const first = item.runs[0];
    const baseline = first ? type.ascent(first.style) : 0;
    type.line(item.marker, item.markerStyle, f.left, top + baseline - type.ascent(item.markerStyle));
    doc.y = top;
    type.paragraph(item.runs, { x: f.left + gutter, width: f.width - gutter });
  }
}

/** The first item's measures, for `sectionHeading`. */
export function firstItemMeasure(f: Frame, height: number, style: TextStyle = styles.body): { height: number; lineHeight: number } {
  return { height, lineHeight: f.type.lineAdvance(style) };
}
