/**
 * The timeline at a glance, above its table: days on an axis drawn to scale, one mark per event (hollow when
 * scheduled, a bar for a span of days, a conflict's dates joined by a line), today marked. Vectors only,
 * tagged as a Figure whose text alternative says what the strip shows.
 */
import type { TimelineEntry } from '../../model/briefing.js';
import { dayLabel } from '../date-labels.js';
import type { Frame } from './blocks.js';

type StructElement = PDFKit.PDFStructureElement;

/** Height the strip takes, its gap to the table included. */
export const STRIP_HEIGHT = 44;
/** A story spread over longer than this is drawn from WINDOW_DAYS before the briefing day on. */
const MAX_SPAN_DAYS = 180;
const WINDOW_DAYS = 60;
const MARK_RADIUS = 3.2;
/** Up to this many days, every day gets a tick; past it, only the first of each month. */
const TICK_EVERY_DAY_UP_TO = 62;
const STACK_STEP = 6.5;
const MAX_STACK = 3;
const DAY = 86_400_000;

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

interface Mark {
  start: number;
  end: number;
  scheduled: boolean;
  /** The other dates a conflict gives for the same event. */
  alternatives: number[];
}

/** The window of days the strip shows, and the marks in it; undefined when no event can be placed. */
export function stripLayout(entries: readonly TimelineEntry[], briefingDate: string) {
  const today = dayNumber(briefingDate);
  const marks: Mark[] = entries
    .map((e) => {
      const start = dayNumber(e.start);
      const alternatives = (e.conflict?.values ?? []).map((v) => dayNumber(v.start)).filter((d) => d !== start);
      return { start, end: dayNumber(e.end), scheduled: e.scheduled, alternatives };
    })
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end));
  if (marks.length === 0 || Number.isNaN(today)) return undefined;
  const last = Math.max(today, ...marks.map((m) => Math.max(m.end, ...m.alternatives)));
  const firstOf = (list: Mark[]) => Math.min(today, ...list.map((m) => Math.min(m.start, ...m.alternatives)));
  // A story reaching back years is drawn from its recent events on; the older ones are in the table.
  const recent = marks.filter((m) => m.end >= today - WINDOW_DAYS);
  const wide = last - firstOf(marks) > MAX_SPAN_DAYS;
  const shown = wide ? recent : marks;
  // A day's margin at each end keeps the first and last marks off the axis ends.
  const from = firstOf(shown) - 1;
  return { today, from, to: last + 1, shown, earlier: marks.length - shown.length };
}

/** Draw the strip at the current position inside the timeline's section. */
export function drawTimelineStrip(f: Frame, sect: StructElement, entries: readonly TimelineEntry[], briefingDate: string): void {
  const layout = stripLayout(entries, briefingDate);
  if (!layout) return;
  const { doc, colors, styles, type } = f;
  const { today, from, to, shown, earlier } = layout;
  const top = doc.y;
  const axisY = top + 22;
  const inset = 10;
  const x = (day: number) => f.left + inset + ((day - from) / (to - from)) * (f.width - 2 * inset);
  const scheduled = shown.filter((m) => m.scheduled).length;
  const alt =
    `Timeline strip: ${shown.length} event${shown.length === 1 ? '' : 's'} from ${dayLabel(isoOf(from))} to ${dayLabel(isoOf(to))}` +
    `${scheduled ? `, ${scheduled} scheduled` : ''}${earlier ? `; ${earlier} earlier in the table` : ''}; today is ${dayLabel(isoOf(today))}.`;
  f.tags.block(
    'Figure',
    sect,
    () => {
      doc.save();
      doc.lineWidth(0.8).strokeColor(colors.rule).moveTo(f.left, axisY).lineTo(f.left + f.width, axisY).stroke();
      // Ticks: every day on a short strip, every first of the month on a long one.
      for (let day = from; day <= to; day++) {
        const first = isoOf(day).endsWith('-01');
        if (to - from > TICK_EVERY_DAY_UP_TO && !first) continue;
        doc.lineWidth(0.5).strokeColor(colors.hairline).moveTo(x(day), axisY).lineTo(x(day), axisY + (first ? 4 : 2.5)).stroke();
      }
      // Today: a line across the marks' height, labelled above it.
      doc.lineWidth(0.8).strokeColor(colors.accent).moveTo(x(today), axisY - 13).lineTo(x(today), axisY + 5).stroke();
      const stack = new Map<number, number>();
      for (const m of shown) {
        const at = Math.round(x(Math.max(m.start, from)));
        // Marks of one day stack upwards, up to MAX_STACK; more of that day share the top one.
        const level = Math.min(stack.get(at) ?? 0, MAX_STACK - 1);
        stack.set(at, level + 1);
        const y = axisY - level * STACK_STEP;
        for (const other of m.alternatives) {
          doc.lineWidth(0.6).strokeColor(colors.muted).dash(1.5, { space: 1.5 }).moveTo(x(Math.max(m.start, from)), y).lineTo(x(other), y).stroke().undash();
          doc.circle(x(other), y, MARK_RADIUS).lineWidth(0.8).strokeColor(colors.muted).stroke();
        }
        if (m.end > m.start) doc.lineWidth(2.2).strokeColor(colors.link).moveTo(x(Math.max(m.start, from)), y).lineTo(x(m.end), y).stroke();
        doc.circle(x(Math.max(m.start, from)), y, MARK_RADIUS).lineWidth(0.9);
        if (m.scheduled) doc.fillColor('#ffffff').fillAndStroke('#ffffff', colors.link);
        else doc.fillColor(colors.link).fill();
      }
      doc.restore();
      const small = styles.scheduled;
      type.line(dayLabel(isoOf(from)), small, f.left, axisY + 5);
      type.line(dayLabel(isoOf(to)), small, f.left + f.width, axisY + 5, { align: 'right' });
      // "Today" sits beside its line, on the side with room, clear of the marks stacked on the line.
      const todayWidth = type.width('Today', small);
      const leftOfLine = x(today) - todayWidth - MARK_RADIUS - 3;
      type.line('Today', small, leftOfLine >= f.left ? leftOfLine : x(today) + MARK_RADIUS + 3, top);
    },
    { alt },
  );
  doc.y = top + STRIP_HEIGHT;
}
