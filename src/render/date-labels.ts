/**
 * Dates as a reader wants them in a brief: "Mon 21 Feb 2022", "early Jan 2022", "21–23 Feb 2022", "2014".
 * Shared by the writers so the Markdown and the PDF say the same thing. English names, no time zones:
 * briefing dates are calendar days.
 */
import { DateTime } from 'luxon';
import type { DateSpan, Granularity, TimelineDateConflict } from '../model/briefing.js';


// A fixed locale keeps labels identical on every machine ("Sep", not en-GB's "Sept").
const LOCALE = 'en-US';

function day(iso: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const parsed = DateTime.fromISO(iso, { zone: 'utc', locale: LOCALE });
  return parsed.isValid ? parsed : null;
}

/** "Mon 21 Feb 2022"; text that is not an ISO date is returned as it is. */
export function dayLabel(iso: string): string {
  return day(iso)?.toFormat('ccc d LLL yyyy') ?? iso;
}

/** "Monday 21 February 2022"; text that is not an ISO date is returned as it is. */
export function longDateLabel(iso: string): string {
  return day(iso)?.toFormat('cccc d LLLL yyyy') ?? iso;
}

/** "21–23 Feb 2022", "28 Feb – 2 Mar 2022", "30 Dec 2021 – 2 Jan 2022"; one day gets its weekday. */
function dayRange(s: DateTime, e: DateTime): string {
  if (s.hasSame(e, 'day')) return s.toFormat('ccc d LLL yyyy');
  if (s.hasSame(e, 'month')) return `${s.toFormat('d')}–${e.toFormat('d LLL yyyy')}`;
  if (s.hasSame(e, 'year')) return `${s.toFormat('d LLL')} – ${e.toFormat('d LLL yyyy')}`;
  return `${s.toFormat('d LLL yyyy')} – ${e.toFormat('d LLL yyyy')}`;
}

/** "Feb 2022", "Jan–Mar 2022", "Nov 2021 – Feb 2022", for spans made of whole months. */
function monthRange(s: DateTime, e: DateTime): string {
  if (s.hasSame(e, 'month')) return s.toFormat('LLL yyyy');
  if (s.hasSame(e, 'year')) return `${s.toFormat('LLL')}–${e.toFormat('LLL yyyy')}`;
  return `${s.toFormat('LLL yyyy')} – ${e.toFormat('LLL yyyy')}`;
}

type Part = 'early' | 'mid' | 'late';

/**
 * Which part of a unit (month, year, decade) a span covers, judged by the share of the unit before its
 * start and end, so "1–10 Jan", "1–15 Jan" are both early; null when it is the whole unit or no part fits.
 */
function partOf(s: DateTime, e: DateTime, unitStart: DateTime, unitEnd: DateTime): Part | null {
  const length = unitEnd.plus({ days: 1 }).diff(unitStart, 'days').days;
  const from = s.diff(unitStart, 'days').days / length;
  const to = e.plus({ days: 1 }).diff(unitStart, 'days').days / length;
  if (from <= 0 && to >= 1) return null;
  if (from < 0.1 && to <= 0.55) return 'early';
  if (from >= 0.45 && to > 0.9) return 'late';
  if (from >= 0.2 && to <= 0.8) return 'mid';
  return null;
}

const wholeMonths = (s: DateTime, e: DateTime) => s.day === 1 && e.hasSame(e.endOf('month'), 'day');
const wholeYears = (s: DateTime, e: DateTime) => s.hasSame(s.startOf('year'), 'day') && e.hasSame(e.endOf('year'), 'day');

/** A calendar unit around a day: its first and last day and its name ("Feb 2022", "2014", "1990s"). */
interface Unit {
  start: DateTime;
  end: DateTime;
  label: string;
}

function unitOf(d: DateTime, unit: 'month' | 'year' | 'decade'): Unit {
  if (unit === 'decade') {
    const start = DateTime.utc(d.year - (d.year % 10), 1, 1).setLocale(LOCALE);
    return { start, end: start.plus({ years: 10 }).minus({ days: 1 }), label: `${start.year}s` };
  }
  const label = unit === 'month' ? d.toFormat('LLL yyyy') : `${d.year}`;
  return { start: d.startOf(unit), end: d.endOf(unit).startOf('day'), label };
}

/** The label of a span inside one unit: the whole unit, or for approximate dates a part of it; else null. */
function withinUnit(s: DateTime, e: DateTime, unit: Unit, approximate: boolean): string | null {
  if (e > unit.end) return null;
  if (s.hasSame(unit.start, 'day') && e.hasSame(unit.end, 'day')) return unit.label;
  const part = approximate ? partOf(s, e, unit.start, unit.end) : null;
  return part ? `${part} ${unit.label}` : null;
}

function exactLabel(s: DateTime, e: DateTime, { granularity, approximate }: DateSpan): string {
  const coarse = granularity === 'decade' || granularity === 'year' || granularity === 'half';
  const label =
    (granularity === 'decade' ? withinUnit(s, e, unitOf(s, 'decade'), approximate) : null) ??
    (coarse ? withinUnit(s, e, unitOf(s, 'year'), approximate) : null);
  if (label) return label;
  if (coarse && wholeYears(s, e)) return `${s.year}–${e.year}`;
  const sameYearMonths = wholeMonths(s, e) && s.hasSame(e, 'year');
  if (granularity === 'half' && sameYearMonths && s.month === 1 && e.month === 6) return `first half of ${s.year}`;
  if (granularity === 'half' && sameYearMonths && s.month === 7 && e.month === 12) return `second half of ${s.year}`;
  const wholeQuarter = sameYearMonths && s.hasSame(e, 'quarter') && s.month % 3 === 1 && e.month % 3 === 0;
  if (granularity === 'quarter' && wholeQuarter) return `Q${s.quarter} ${s.year}`;
  if (granularity === 'day' || granularity === 'week') return dayRange(s, e);
  return withinUnit(s, e, unitOf(s, 'month'), approximate) ?? (wholeMonths(s, e) ? monthRange(s, e) : dayRange(s, e));
}

/**
 * The label of a dated period: day "Mon 21 Feb 2022", range "21–23 Feb 2022", month "Feb 2022",
 * approximate part "early Jan 2022", quarter "Q1 2022", year "2014", decade "1990s"; other approximate
 * dates get "around". Spans that are not ISO dates are shown as written.
 */
export function spanLabel(span: DateSpan): string {
  const s = day(span.start);
  const e = day(span.end) ?? s;
  if (!s || !e) return span.start === span.end ? span.start : `${span.start} – ${span.end}`;
  const [first, last] = e < s ? [e, s] : [s, e];
  const label = exactLabel(first, last, span);
  return span.approximate && !/^(early|mid|late) /.test(label) ? `around ${label}` : label;
}

/**
 * The dates sources give for one event when they disagree, each with its sources:
 * "Thu 3 Dec 2026 (S2) or Fri 4 Dec 2026 (S1)". Writers add "sources disagree" in their own way.
 */
export function dateConflictLabel(conflict: TimelineDateConflict): string {
  const options = conflict.values.map((v) => `${spanLabel({ start: v.start, end: v.end, granularity: 'day', approximate: false })} (${v.sources.join(', ')})`);
  return options.length <= 2 ? options.join(' or ') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}
