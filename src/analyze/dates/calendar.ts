/**
 * Calendar arithmetic on whole days with luxon, always in UTC so no time zone can move a date:
 * periods (week, month, quarter, half, year, decade), parts of them (early/mid/late) and the choice
 * between past and coming occurrences of a recurring name ("Tuesday", "November", "the third quarter").
 */
import { DateTime } from 'luxon';
import type { Granularity } from '../../model/briefing.js';

/** A closed range of calendar days. */
export interface Span {
  start: DateTime;
  end: DateTime;
}

/** A date placed on the calendar. */
export interface Placed {
  span: Span;
  granularity: Granularity;
  approximate: boolean;
  /** Set when the written weekday is not the weekday of the written date ("Monday, March 3" in a year it is a Tuesday). */
  weekdayMismatch?: boolean;
}

/** Which way a verb points from the reference date; `neutral` when the grammar does not say. */
export type Tense = 'past' | 'future' | 'neutral';

export type Part = 'early' | 'mid' | 'late';

/** Parse an ISO calendar date (time and zone, if any, are ignored). */
export function isoDay(iso: string): DateTime {
  const d = DateTime.fromISO(iso.slice(0, 10), { zone: 'utc' });
  if (!d.isValid) throw new RangeError(`not an ISO date: ${iso}`);
  return d;
}

/** Build a day from its parts, or null when they name no real day (Feb. 30). */
export function dayOf(year: number, month: number, day: number): DateTime | null {
  const d = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return d.isValid ? d : null;
}

export function toIso(d: DateTime): string {
  return d.toISODate() ?? '';
}

export function daySpan(d: DateTime): Span {
  return { start: d, end: d };
}

/** The calendar period of `unit` containing `d` (ISO weeks run Monday to Sunday). */
export function periodSpan(unit: 'week' | 'month' | 'quarter' | 'year', d: DateTime): Span {
  return { start: d.startOf(unit).startOf('day'), end: d.endOf(unit).startOf('day') };
}

export function monthSpan(year: number, month: number): Span {
  return periodSpan('month', DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' }));
}

export function yearSpan(year: number): Span {
  return periodSpan('year', DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'utc' }));
}

export function quarterSpan(year: number, quarter: number): Span {
  return monthRange(year, 3 * quarter - 2, 3);
}

export function halfSpan(year: number, half: number): Span {
  return monthRange(year, 6 * half - 5, 6);
}

/** `months` whole months from `firstMonth` of `year` (may run into the next year). */
export function monthRange(year: number, firstMonth: number, months: number): Span {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'utc' }).plus({ months: firstMonth - 1 });
  return { start, end: start.plus({ months }).minus({ days: 1 }) };
}

export function decadeSpan(firstYear: number): Span {
  return { start: yearSpan(firstYear).start, end: yearSpan(firstYear + 9).end };
}

/** Northern-hemisphere meteorological seasons; winter belongs to the year its December falls in. */
export function seasonSpan(year: number, season: string): Span {
  const first = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 }[season.toLowerCase()] ?? 3;
  return monthRange(year, first, 3);
}

export function spanDays(s: Span): number {
  return Math.round(s.end.diff(s.start, 'days').days) + 1;
}

/**
 * The early, middle or late third of a span. Periods of a year or more split on month (or year) lines,
 * shorter ones on days: "late January" is the 21st to the 31st, "early 2023" January to April.
 */
export function partOfSpan(s: Span, part: Part): Span {
  const index = part === 'early' ? 0 : part === 'mid' ? 1 : 2;
  const years = Math.round(s.end.plus({ days: 1 }).diff(s.start, 'years').years);
  // A year splits 4/4/4 months, a decade 4/3/3 years ("the early 1990s" = 1990–1993).
  const cuts = years === 1 ? { unit: 'months', at: [0, 4, 8, 12] } : years === 10 ? { unit: 'years', at: [0, 4, 7, 10] } : null;
  if (cuts) {
    const from = s.start.plus({ [cuts.unit]: cuts.at[index]! });
    return { start: from, end: s.start.plus({ [cuts.unit]: cuts.at[index + 1]! }).minus({ days: 1 }) };
  }
  const third = Math.floor(spanDays(s) / 3);
  if (third === 0) return s;
  const from = s.start.plus({ days: third * index });
  return { start: from, end: index === 2 ? s.end : s.start.plus({ days: third * (index + 1) - 1 }) };
}

/** "earlier this month": from the start of the period to the day before the reference (at least one day). */
export function earlierIn(s: Span, ref: DateTime): Span {
  if (ref <= s.start || ref > s.end) return s;
  return { start: s.start, end: ref.minus({ days: 1 }) };
}

/** "later this year": from the day after the reference to the end of the period (at least one day). */
export function laterIn(s: Span, ref: DateTime): Span {
  if (ref < s.start || ref >= s.end) return s;
  return { start: ref.plus({ days: 1 }), end: s.end };
}

/** Days between a span and a day (0 when the day lies inside it). */
function distance(s: Span, d: DateTime): number {
  if (d < s.start) return s.start.diff(d, 'days').days;
  if (d > s.end) return d.diff(s.end, 'days').days;
  return 0;
}

/**
 * Choose among occurrences of a recurring name the one the tense points to: the last one begun by the
 * reference date (past), the first one not yet over (future), or the nearest (neutral; ties go to the past).
 */
export function placeRecurring(candidates: Span[], ref: DateTime, tense: Tense): Span | null {
  const sorted = [...candidates].sort((a, b) => a.start.toMillis() - b.start.toMillis());
  if (sorted.length === 0) return null;
  if (tense === 'past') return sorted.filter((c) => c.start <= ref).at(-1) ?? sorted[0]!;
  if (tense === 'future') return sorted.find((c) => c.end >= ref) ?? sorted.at(-1)!;
  let best = sorted[0]!;
  for (const c of sorted) if (distance(c, ref) < distance(best, ref)) best = c;
  return best;
}

/** The occurrences of a weekday (1 = Monday … 7 = Sunday) nearest before and after the reference. */
export function weekdayCandidates(weekday: number, ref: DateTime): Span[] {
  const back = (ref.weekday - weekday + 7) % 7;
  const ahead = (weekday - ref.weekday + 7) % 7;
  return [daySpan(ref.minus({ days: back })), daySpan(ref.plus({ days: ahead }))];
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone: 'utc' });
}

/** Holidays whose date moves from year to year, by name ("easter monday", "thanksgiving"), or null. */
export function movingHoliday(name: string, year: number): DateTime | null {
  const easter = easterSunday(year);
  if (name === 'easter' || name === 'easter sunday') return easter;
  if (name === 'easter monday') return easter.plus({ days: 1 });
  if (name === 'good friday') return easter.minus({ days: 2 });
  if (name === 'memorial') {
    // The last Monday of May (United States).
    const last = DateTime.fromObject({ year, month: 5, day: 31 }, { zone: 'utc' });
    return last.minus({ days: (last.weekday - 1 + 7) % 7 });
  }
  if (name === 'labor') {
    // The first Monday of September (United States).
    const first = DateTime.fromObject({ year, month: 9, day: 1 }, { zone: 'utc' });
    return first.plus({ days: (8 - first.weekday) % 7 });
  }
  if (name === 'thanksgiving') {
    // The fourth Thursday of November (United States).
    const first = DateTime.fromObject({ year, month: 11, day: 1 }, { zone: 'utc' });
    return first.plus({ days: ((4 - first.weekday + 7) % 7) + 21 });
  }
  return null;
}

/** Candidate years around the reference for a name that repeats every year. */
export function aroundYears(ref: DateTime): number[] {
  return [ref.year - 1, ref.year, ref.year + 1];
}

/** A granularity that describes a derived span honestly by its length. */
export function granularityOfLength(s: Span): Granularity {
  const days = spanDays(s);
  if (days <= 1) return 'day';
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  if (days <= 92) return 'quarter';
  if (days <= 184) return 'half';
  if (days <= 366) return 'year';
  return 'decade';
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether a value is an ISO calendar date (YYYY-MM-DD) that exists. */
export function isCalendarDate(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
