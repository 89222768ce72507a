/**
 * The timeline: a strip drawn to scale (timeline-strip.ts), then a two-column table, date | event, tagged as a Table. Rows are kept whole; on every
 * page the table continues on, its header row is drawn again (as an artifact: the tag tree has it once).
 */
import type { TimelineEntry } from '../../model/briefing.js';
import { citedRuns, firstItemMeasure, openSection, placeItem, rule, supportNote, type Frame } from './blocks.js';
import { dateConflictLabel } from '../date-labels.js';
import { questionKindTitle } from '../labels.js';
import { spanLabel } from './dates.js';
import type { Run } from './text.js';
import { drawTimelineStrip, STRIP_HEIGHT } from './timeline-strip.js';

type StructElement = PDFKit.PDFStructureElement;

const dateColumn = 112;
const columnGap = 14;
const rowGap = 4;
const headGap = 3;

/**
 * Date | event rows; entries after the briefing date carry the word "Scheduled" under their date. An event
 * the sources date differently shows every date with its sources and "Sources disagree" in its date cell.
 */
export function drawTimeline(f: Frame, entries: readonly TimelineEntry[], briefingDate: string): void {
  if (entries.length === 0) return;
  const { doc, type, tags, styles } = f;
  const dateBox = { x: f.left, width: dateColumn };
  const eventBox = { x: f.left + dateColumn + columnGap, width: f.width - dateColumn - columnGap };
  const rows = entries.map((e) => {
    const date: Run[] = [{ text: e.conflict ? dateConflictLabel(e.conflict) : spanLabel(e), style: styles.when }];
    const notes = [...(e.conflict ? [questionKindTitle('conflict')] : []), ...(e.scheduled ? ['Scheduled'] : [])];
    const event = citedRuns(f, e.text, e.sources, f.styles.body, supportNote(f, e));
    const dateHeight = type.height(date, dateBox) + notes.length * type.lineAdvance(styles.scheduled);
    return { entry: e, date, notes, event, height: Math.max(dateHeight, type.height(event, eventBox)) };
  });
  const headHeight = type.lineAdvance(styles.tableHead, 0) + headGap + rowGap;

  /** The header row: tagged TH cells under `row`, or an artifact when `row` is absent (a repeat). */
  const drawHead = (row?: StructElement) => {
    const top = doc.y;
    const cell = (text: string, x: number, width: number) => {
      doc.y = top;
      const draw = () => type.paragraph([{ text, style: styles.tableHead }], { x, width, lineGap: 0 });
      if (row) tags.block('TH', row, draw, { scope: 'Column' });
      else draw();
    };
    const cells = () => {
      cell('DATE', dateBox.x, dateBox.width);
      cell('EVENT', eventBox.x, eventBox.width);
    };
    if (row) cells();
    else tags.artifact(cells, 'Pagination');
    const ruleY = top + type.lineAdvance(styles.tableHead, 0) + headGap;
    rule(f, ruleY, f.colors.rule, 0.5);
    doc.y = ruleY + rowGap;
  };

  const sect = openSection(f, 'Timeline', firstItemMeasure(f, STRIP_HEIGHT + headHeight + (rows[0]?.height ?? 0)));
  drawTimelineStrip(f, sect, entries, briefingDate);
  const table = tags.element('Table', sect);
  const head = tags.element('TR', table);
  drawHead(head);
  head.end();
  const repeat = { height: headHeight, draw: () => drawHead() };
  // The date sits on the event's first baseline, though it is set smaller.
  const dateDrop = type.ascent(styles.body) - type.ascent(styles.when);
  for (const [i, row] of rows.entries()) {
    // A hairline between rows, except where a row starts a new page (under a repeated header).
    if (i > 0 && !placeItem(f, 'Timeline', row.height + 2 * rowGap, repeat)) {
      const ruleY = doc.y + rowGap;
      rule(f, ruleY, f.colors.hairline, 0.4);
      doc.y = ruleY + rowGap;
    }
    const top = doc.y;
    const tr = tags.element('TR', table);
    const dateCell = tags.element('TD', tr);
    doc.y = top + dateDrop;
    tags.block('P', dateCell, () => type.paragraph(row.date, dateBox));
    for (const note of row.notes) tags.block('P', dateCell, () => type.paragraph([{ text: note, style: styles.scheduled }], dateBox));
    dateCell.end();
    doc.y = top;
    tags.block('TD', tr, () => type.paragraph(row.event, eventBox));
    tr.end();
    doc.y = top + row.height;
  }
  table.end();
  sect.end();
}
