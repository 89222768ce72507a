/**
 * From a chrono result to calendar days: which occurrence a name means (the tense decides between the
 * last Tuesday and the coming one), how wide the span is (a day, a month, "late January"), and whether
 * the writer was exact. Works on whole UTC days with luxon; chrono's implied noon is never used.
 */
import type { DateTime } from 'luxon';
import type { ParsingComponents, ParsingResult } from 'chrono-node';
import type { Granularity } from '../../model/briefing.js';
import {
  aroundYears, dayOf, daySpan, decadeSpan, earlierIn, halfSpan, laterIn, monthSpan, movingHoliday, partOfSpan,
  placeRecurring, quarterSpan, seasonSpan, weekdayCandidates, yearSpan,
  type Part, type Placed, type Span, type Tense,
} from './calendar.js';
import { relativePeriod, shiftedBy, stepFrom, stretchFrom, weekendFor } from './relative.js';
import { durationIn, tagValue } from './words.js';

export interface ResolveContext {
  ref: DateTime;
  /** Tense of the verb governing the expression, computed only when a name needs a direction. */
  tense: () => Tense;
  previous?: Span;
}

/** The words chrono's result starts with that the part refiner added ("late ", "by the end of the "). */
const PART_PREFIX = /^(?:(?:by|until|before)\s+)?(?:(?:early|mid|late|earlier|later)(?:\s+(?:in|on))?[\s-]+|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+)?)/i;
const AGO = /\bago$|\b(?:before|earlier)$/i;
const AHEAD = /^(?:in|within)\s|\b(?:from\s+now|later|after|hence)$/i;
/** "the next few days", "the past 20 years": the stretch of time from the reference, not one day in it. */
const STRETCH = /^(?:the\s+)?(next|coming|past|last)\s+(?:\S+\s+){0,2}(?:days|weeks|months|years|decades)$/i;

/** Place a chrono result (not one anchored on another event; see findDates) on the calendar. */
export function resolveResult(r: ParsingResult, ctx: ResolveContext): Placed | null {
  const tags = r.tags();
  const core = r.text.replace(PART_PREFIX, '').trim();
  let placed = placeBase(r, core, tags, ctx);
  if (!placed) return null;
  if (r.end && tagValue(tags, 'step') === undefined) {
    const end = placeComponents(r.end, core, ctx);
    const last = end && laterThan(end.span.end, placed.span.start);
    if (last && last >= placed.span.start) placed = { ...placed, span: { start: placed.span.start, end: last } };
  }
  return applyPart(placed, tags, ctx.ref);
}

/** A range's end written without its year or week ("Dec. 28 to Jan. 3") comes after its start. */
function laterThan(end: DateTime, start: DateTime): DateTime {
  if (end >= start) return end;
  const week = end.plus({ days: 7 });
  return week >= start ? week : end.plus({ years: 1 });
}

function placeBase(r: ParsingResult, core: string, tags: Set<string>, ctx: ResolveContext): Placed | null {
  const { ref } = ctx;
  if (tagValue(tags, 'step') !== undefined) return ctx.previous ? stepFrom(ctx.previous, core) : null;
  if (tagValue(tags, 'overnight') !== undefined) {
    const night = ctx.tense() === 'future' ? { start: ref, end: ref.plus({ days: 1 }) } : { start: ref.minus({ days: 1 }), end: ref };
    return { span: night, granularity: 'day', approximate: false };
  }
  const year = r.start.isCertain('year') ? r.start.get('year')! : undefined;
  if (tagValue(tags, 'decade') !== undefined) return exact(decadeSpan(year!), 'decade');
  const periodic = periodicOfYear(tags);
  if (periodic) {
    const which = tagValue(tags, 'which');
    const span =
      year !== undefined ? periodic.span(year)
      : which ? periodic.span(ref.year + ({ last: -1, past: -1, next: 1, coming: 1 }[which] ?? 0))
      : placeRecurring(aroundYears(ref).map(periodic.span), ref, ctx.tense());
    return span && { span, granularity: periodic.granularity, approximate: periodic.approximate };
  }
  if (tagValue(tags, 'year') !== undefined && year !== undefined) {
    const last = Number(tagValue(tags, 'lastYear') ?? year);
    // A fiscal year runs over two calendar years in most places: the calendar year is its approximation.
    return { span: { start: yearSpan(year).start, end: yearSpan(last).end }, granularity: 'year', approximate: tagValue(tags, 'fiscal') !== undefined };
  }
  const holiday = tagValue(tags, 'holiday');
  if (holiday) {
    const days = (year !== undefined ? [year] : aroundYears(ref)).map((y) => movingHoliday(holiday, y)).filter((d) => d !== null);
    const span = placeRecurring(days.map(daySpan), ref, ctx.tense());
    return span && exact(span, 'day');
  }
  const period = tagValue(tags, 'period');
  if (period) return relativePeriod('this', period, ref);
  const relative = /^(?:the\s+)?(last|this|next|past|coming|previous|current)\s+(week|weekend|month|year|quarter)$/i.exec(core);
  if (relative) return relativePeriod(relative[1]!.toLowerCase(), relative[2]!.toLowerCase(), ref);
  if (/\bweekend$/i.test(core)) return weekendFor(ref, ctx.tense());
  const stretch = STRETCH.exec(core);
  const duration = durationIn(core);
  if (stretch && duration) return stretchFrom(ref, duration, /^(?:past|last)$/i.test(stretch[1]!) ? -1 : 1);
  if (duration && (AGO.test(core) || AHEAD.test(core))) return shiftedBy(ref, duration, AGO.test(core) ? -1 : 1);
  return placeComponents(r.start, core, ctx);
}

function exact(span: Span, granularity: Granularity): Placed {
  return { span, granularity, approximate: false };
}

interface Periodic {
  span: (year: number) => Span;
  granularity: Granularity;
  approximate: boolean;
}

/** Quarters, halves and seasons: periods that recur every year. */
function periodicOfYear(tags: Set<string>): Periodic | null {
  const quarter = tagValue(tags, 'quarter');
  if (quarter) return { span: (y) => quarterSpan(y, Number(quarter)), granularity: 'quarter', approximate: false };
  const half = tagValue(tags, 'half');
  if (half) return { span: (y) => halfSpan(y, Number(half)), granularity: 'half', approximate: false };
  const season = tagValue(tags, 'season');
  if (season) return { span: (y) => seasonSpan(y, season), granularity: 'quarter', approximate: true };
  return null;
}

/** chrono numbers weekdays from Sunday = 0; luxon from Monday = 1 to Sunday = 7. */
function luxonWeekday(chronoWeekday: number): number {
  return chronoWeekday === 0 ? 7 : chronoWeekday;
}

/** A date from chrono's certain components, choosing the year or week by tense when the text leaves it open. */
export function placeComponents(c: ParsingComponents, core: string, ctx: ResolveContext): Placed | null {
  const { ref } = ctx;
  const month = c.isCertain('month') ? c.get('month')! : undefined;
  const day = c.isCertain('day') ? c.get('day')! : undefined;
  const year = c.isCertain('year') ? c.get('year')! : undefined;
  const weekday = c.isCertain('weekday') ? luxonWeekday(c.get('weekday')!) : undefined;
  if (month !== undefined && day !== undefined) {
    // The written date decides, placed by the tense; a weekday that does not match it is doubted, not
    // obeyed: moving to the year where "Monday, March 3" is a Monday would put the event a year off silently.
    const years = year !== undefined ? [year] : aroundYears(ref);
    const days = years.map((y) => dayOf(y, month, day)).filter((d): d is DateTime => d !== null);
    const span = days.length === 1 ? daySpan(days[0]!) : placeRecurring(days.map(daySpan), ref, ctx.tense());
    if (!span) return null;
    return weekday !== undefined && span.start.weekday !== weekday ? { ...exact(span, 'day'), weekdayMismatch: true } : exact(span, 'day');
  }
  if (month !== undefined) {
    if (year !== undefined) return exact(monthSpan(year, month), 'month');
    const span = placeRecurring(aroundYears(ref).map((y) => monthSpan(y, month)), ref, ctx.tense());
    return span && exact(span, 'month');
  }
  if (year !== undefined) return exact(yearSpan(year), 'year');
  if (weekday !== undefined) {
    // "last Tuesday", "next Friday": chrono counts these from the reference correctly.
    const span = /\b(?:last|next|this|past|coming)\b/i.test(core)
      ? daySpan(dayOf(c.get('year')!, c.get('month')!, c.get('day')!)!)
      : placeRecurring(weekdayCandidates(weekday, ref), ref, ctx.tense());
    return span && exact(span, 'day');
  }
  // "this morning", "tonight": chrono implies the reference day.
  const implied = dayOf(c.get('year')!, c.get('month')!, c.get('day')!);
  return implied && exact(daySpan(implied), 'day');
}

/** Narrow to "late January" or "earlier this week", or move to the deadline day of "by the end of March". */
function applyPart(placed: Placed, tags: Set<string>, ref: DateTime): Placed {
  const edge = tagValue(tags, 'edge');
  if (edge) return exact(daySpan(edge === 'end' ? placed.span.end : placed.span.start), 'day');
  const part = tagValue(tags, 'part');
  if (!part || placed.span.start.equals(placed.span.end)) return placed;
  if (part === 'earlier' || part === 'later') {
    const inside = ref >= placed.span.start && ref <= placed.span.end;
    const span = inside
      ? (part === 'earlier' ? earlierIn : laterIn)(placed.span, ref)
      : partOfSpan(placed.span, part === 'earlier' ? 'early' : 'late');
    return { ...placed, span, approximate: true };
  }
  return { ...placed, span: partOfSpan(placed.span, part as Part), approximate: true };
}
