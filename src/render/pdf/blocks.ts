/**
 * Building blocks the sections share: the frame they draw in, section headings kept with their first
 * item (and bookmarked), citations that link to the Sources list, items kept whole on a page, paragraphs
 * broken with widow/orphan control, and tagged lists (bullets, numbers, labels).
 */
import { contentWidth, ensureSpace, keepWithNext, paragraphBreak, spaceLeft, type PageGeometry } from './layout.js';
import { spacing, type Palette, type Styles, type TextStyle } from './styles.js';
import type { Tagger } from './tags.js';
import type { SupportedItem } from '../labels.js';
import type { Box, Run, Typesetter } from './text.js';

type StructElement = PDFKit.PDFStructureElement;

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
  styles: Styles;
  colors: Palette;
  tags: Tagger;
  /** The support wording of an item ("reported by 2 independent outlets"), "" when there is none to print. */
  support: (item: SupportedItem) => string;
}

/** A Frame for a document laid out on `geometry`. */
export function frame(
  type: Typesetter,
  geometry: PageGeometry,
  sourceIds: Iterable<string>,
  look: { styles: Styles; colors: Palette },
  tags: Tagger,
  support: (item: SupportedItem) => string = () => '',
): Frame {
  return { type, doc: type.doc, geometry, left: geometry.margins.left, width: contentWidth(geometry), sourceIds: new Set(sourceIds), ...look, tags, support };
}

/** Named destination of a source's entry in the Sources list. */
export function sourceDestination(id: string): string {
  return `source-${id}`;
}

/** The source id a named destination leads to, or null when it is not a source's entry. */
export function destinationSource(name: string): string | null {
  return name.startsWith('source-') ? name.slice('source-'.length) : null;
}

/**
 * "[S1, S2]" as runs: each id links to its entry in the Sources list (ids without an entry are plain
 * text). Brackets ride on the first and last id so they never wrap away from them, and the first
 * is glued to the text before it.
 */
export function citationRuns(f: Frame, ids: readonly string[]): Run[] {
  if (ids.length === 0) return [];
  const { styles } = f;
  return ids.flatMap((id, i) => {
    const text = `${i === 0 ? '[' : ''}${id}${i === ids.length - 1 ? ']' : ''}`;
    const linked = f.sourceIds.has(id);
    const run: Run = linked
      ? { text, style: styles.citation, goTo: sourceDestination(id), glue: i === 0 }
      : { text, style: styles.citationPlain, glue: i === 0 };
    return i < ids.length - 1 ? [run, { text: ', ', style: styles.citationPlain }] : [run];
  });
}

/** An item's text followed by its citations and, when given, a short note ("reported by 2 independent outlets", "pending"). */
export function citedRuns(f: Frame, text: string, ids: readonly string[], style: TextStyle = f.styles.body, note?: Run): Run[] {
  const cites = citationRuns(f, ids);
  const body = text.trimEnd();
  const tail = note ? [{ text: cites.length > 0 ? ' · ' : ' ', style: f.styles.note }, note] : [];
  const first: Run = { text: (cites.length > 0 || note) && body ? `${body} ` : body, style };
  // The note is glued like citations when there are none, so it never starts a line on its own.
  if (cites.length === 0 && note) return [first, { ...note, glue: true }];
  return [first, ...cites, ...tail];
}

/**
 * How well an item is supported, in the words every writer uses ("3 outlets, 1 origin: AP"), set in
 * italics so it stands apart from the text by more than colour. Nothing when there is nothing to say.
 */
export function supportNote(f: Frame, item: SupportedItem): Run | undefined {
  const wording = f.support(item);
  return wording === '' ? undefined : { text: wording, style: f.styles.noteWarn };
}

const headingGap = 4;

/** Height a section heading takes, rule and space below included. */
function headingHeight(f: Frame): number {
  return f.type.lineAdvance(f.styles.heading, 0) + headingGap + spacing.afterHeading;
}

/** A horizontal rule at `y`, as decoration. */
export function rule(f: Frame, y: number, color: string, width = 0.6, x = f.left, length = f.width): void {
  f.tags.artifact(() => {
    f.doc.save().moveTo(x, y).lineTo(x + length, y).lineWidth(width).strokeColor(color).stroke().restore();
  });
}

/**
 * Open a section: a Sect element with an H2 heading and a hairline under it, and a bookmark. The heading
 * first moves to a new page if it and the first item (`first`, as measured by the section) would not fit
 * together. Returns the Sect, for the section's content.
 */
export function openSection(f: Frame, title: string, first: Measure): StructElement {
  const { doc, tags } = f;
  if (doc.y > doc.page.margins.top) doc.y += spacing.beforeHeading;
  keepWithNext(doc, headingHeight(f), first);
  const sect = tags.element('Sect');
  bookmark(f, title);
  tags.block('H2', sect, () => f.type.paragraph([{ text: title, style: f.styles.heading }], { x: f.left, width: f.width, lineGap: 0 }));
  const ruleY = doc.y + headingGap - 2;
  rule(f, ruleY, f.colors.rule);
  doc.y = ruleY + spacing.afterHeading;
  return sect;
}

/** A bookmark (outline entry) for what starts at the current y. */
export function bookmark(f: Frame, title: string): void {
  const { doc } = f;
  const item = doc.outline.addItem(title) as unknown as { outlineData?: Record<string, unknown> };
  const page = (doc.page as unknown as { dictionary?: unknown }).dictionary;
  // pdfkit points a bookmark at its whole page (/Fit); point it at the heading, at the current zoom.
  if (item.outlineData && page) item.outlineData['Dest'] = [page, 'XYZ', null, doc.page.height - doc.y, null];
}

/** Space something needs on a page: its height and the height of its first line. */
export interface Measure {
  height: number;
  lineHeight: number;
}

/** The first item's measures, for `openSection`. */
export function firstItemMeasure(f: Frame, height: number, style: TextStyle = f.styles.body): Measure {
  return { height, lineHeight: f.type.lineAdvance(style) };
}

/** What opens a page an item was moved to, besides the "(continued)" line: a repeated table header. */
export interface Repeat {
  height: number;
  draw(): void;
}

const continuedGap = 4;

/**
 * Make room for an item of `height` points that should not be split. When it has to start a new page,
 * a small "<section> (continued)" line opens that page (pdfkit repeats no headings), then `repeat` when
 * given. Returns true when a page was added.
 */
export function placeItem(f: Frame, section: string, height: number, repeat?: Repeat): boolean {
  const label: Run[] = [{ text: `${section} (continued)`, style: f.styles.continued }];
  const labelHeight = f.type.height(label, { x: f.left, width: f.width }) + continuedGap;
  if (!ensureSpace(f.doc, height)) return false;
  if (height + labelHeight + (repeat?.height ?? 0) <= spaceLeft(f.doc)) {
    f.tags.artifact(() => f.type.paragraph(label, { x: f.left, width: f.width }), 'Pagination');
    f.doc.y += continuedGap;
  }
  repeat?.draw();
  return true;
}

/**
 * Make room for a paragraph that may break across pages (widow/orphan control, see `paragraphBreak`),
 * and return the function that draws it where it now starts. Call `draw` once, before anything else is
 * drawn: a planned break holds the page's bottom margin up until then.
 */
export function placeParagraph(f: Frame, section: string, runs: Run[], box: Box): { draw(): void } {
  const { doc, type } = f;
  const first = runs[0];
  if (!first) return { draw() {} };
  const lineGap = box.lineGap ?? spacing.lineGap;
  const pitch = type.lineAdvance(first.style, lineGap);
  // pdfkit starts a line when the line's own height (without the gap) still fits above the margin.
  const lineHeight = pitch - lineGap;
  const lines = Math.max(1, Math.round(type.height(runs, box) / pitch));
  const fits = (room: number) => (room < lineHeight ? 0 : Math.floor((room - lineHeight) / pitch) + 1);
  const page = doc.page;
  const atTop = doc.y <= page.margins.top;
  const plan = paragraphBreak(lines, fits(spaceLeft(doc)), fits(page.maxY() - page.margins.top));
  if (plan.kind === 'next-page' && !atTop) {
    // Ask for the room `fits` counts with: `lines * pitch` is less than that when the style's line gap is
    // negative, and then no page was added and this recursed for ever.
    placeItem(f, section, lineHeight + (lines - 1) * pitch);
    return placeParagraph(f, section, runs, box);
  }
  if (plan.kind !== 'split') return { draw: () => type.paragraph(runs, box) };
  return {
    draw() {
      // Raise the margin so pdfkit's own line breaking turns the page after exactly `plan.lines` lines.
      const bottom = page.margins.bottom;
      page.margins.bottom = page.height - (doc.y + (plan.lines - 1) * pitch + lineHeight + pitch / 2);
      try {
        type.paragraph(runs, box);
      } finally {
        page.margins.bottom = bottom;
      }
    },
  };
}

/** A list item: a marker ("•", "3.", "New:") in the gutter and the runs beside it. */
export interface ListItem {
  marker: string;
  markerStyle: TextStyle;
  runs: Run[];
}

export const gutter = 18;

/** Height of a list item (without the space after it). */
export function listItemHeight(f: Frame, item: ListItem, itemGutter = gutter): number {
  return f.type.height(item.runs, { x: f.left + itemGutter, width: f.width - itemGutter });
}

/**
 * Draw list items as a tagged list (L > LI > Lbl, LBody) under `parent`, with the marker on the item's
 * first baseline. Items break across pages only when long, keeping two lines or more on each side.
 */
export function drawList(f: Frame, section: string, items: readonly ListItem[], parent: StructElement, itemGutter = gutter): void {
  const { doc, type, tags } = f;
  const list = tags.element('L', parent);
  for (const [i, item] of items.entries()) {
    if (i > 0) doc.y += spacing.item;
    const box = { x: f.left + itemGutter, width: f.width - itemGutter };
    const paragraph = placeParagraph(f, section, item.runs, box);
    const li = tags.element('LI', list);
    const top = doc.y;
    const first = item.runs[0];
    const baseline = first ? type.ascent(first.style) : 0;
    tags.block('Lbl', li, () => type.line(item.marker, item.markerStyle, f.left, top + baseline - type.ascent(item.markerStyle)));
    doc.y = top;
    tags.block('LBody', li, () => paragraph.draw());
    li.end();
  }
  list.end();
}
