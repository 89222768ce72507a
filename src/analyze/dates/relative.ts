/**
 * Dates counted from a day rather than named: periods around the reference ("last week", "this month",
 * "at the weekend"), offsets ("three weeks ago", "within 30 days") and steps from the event told before
 * ("a few days later", "the following week", "that day").
 */
import type { DateTime } from 'luxon';
import type { Granularity } from '../../model/briefing.js';
import {
  daySpan, granularityOfLength, periodSpan, placeRecurring, weekdayCandidates, yearSpan, type Placed, type Span, type Tense,
} from './calendar.js';
import { durationIn, type Duration } from './words.js';

const OFFSET: Record<string, number> = { last: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1 };

/** "last week" is the calendar week before the reference's; "the past week" the seven days up to it. */
export function relativePeriod(which: string, unit: string, ref: DateTime): Placed {
  if (unit === 'weekend') return weekendNamed(which, ref);
  const period = unit as 'week' | 'month' | 'quarter' | 'year';
  const granularity: Granularity = period;
  if (which === 'past') {
    return { span: { start: ref.minus({ [period + 's']: 1 }).plus({ days: 1 }), end: ref }, granularity, approximate: false };
  }
  const span = periodSpan(period, ref.plus({ [period + 's']: OFFSET[which] ?? 0 }));
  return { span, granularity, approximate: false };
}

function weekendOf(saturday: DateTime): Span {
  return { start: saturday, end: saturday.plus({ days: 1 }) };
}

/** "this weekend" is the coming one (or the current one on a Saturday or Sunday); "last weekend" the one before. */
function weekendNamed(which: string, ref: DateTime): Placed {
  const [before, after] = weekdayCandidates(6, ref).map((s) => weekendOf(s.start)) as [Span, Span];
  const current = ref.weekday >= 6 ? before : after;
  const span = OFFSET[which] === -1 ? weekendOf(current.start.minus({ days: 7 })) : OFFSET[which] === 1 && ref.weekday >= 6 ? weekendOf(current.start.plus({ days: 7 })) : current;
  return { span, granularity: 'day', approximate: false };
}

/** "at the weekend": the last one in the past tense, the coming one in the future, else the nearer one. */
export function weekendFor(ref: DateTime, tense: Tense): Placed | null {
  const candidates = weekdayCandidates(6, ref).map((s) => weekendOf(s.start));
  const span = placeRecurring(candidates, ref, tense);
  return span && { span, granularity: 'day', approximate: false };
}

/**
 * A point `sign × duration` from a day: days are exact; weeks give an approximate day; months and years
 * give the approximate month or year ("a month ago" from 15 November is about October).
 */
export function shiftedBy(from: DateTime, duration: Duration, sign: 1 | -1): Placed {
  const { amount, unit, vague } = duration;
  if (unit === 'hour') return { span: daySpan(from), granularity: 'day', approximate: vague };
  const quantity = unit === 'decade' ? { years: 10 * amount } : { [`${unit}s`]: amount };
  const point = sign > 0 ? from.plus(quantity) : from.minus(quantity);
  if (unit === 'day') return { span: daySpan(point), granularity: 'day', approximate: vague };
  if (unit === 'week') return { span: daySpan(point), granularity: 'day', approximate: true };
  if (unit === 'month' || unit === 'quarter') return { span: periodSpan(unit, point), granularity: unit, approximate: true };
  return { span: yearSpan(point.year), granularity: 'year', approximate: true };
}

/** "the next few days" (from the day after the reference) or "the past 20 years" (up to the reference). */
export function stretchFrom(ref: DateTime, duration: Duration, sign: 1 | -1): Placed {
  const far = shiftedBy(ref, duration, sign).span;
  const span = sign > 0 ? { start: ref.plus({ days: 1 }), end: far.end } : { start: far.start, end: ref };
  return { span, granularity: granularityOfLength(span), approximate: true };
}

const STEP_UNIT = /\b(day|morning|afternoon|evening|night|week|weekend|month|year)\b/i;

/**
 * A step from the previous event's span. "that day" / "later that night" stay on it; "the next day" and
 * "the day before" move a day; "the following week" is the calendar week after; "N units later/earlier"
 * shift the whole span (vague counts and shifted ranges are approximate).
 */
export function stepFrom(previous: Span, core: string): Placed | null {
  const text = core.toLowerCase();
  const unitWord = STEP_UNIT.exec(text)?.[1] ?? 'day';
  const unit = /^(?:morning|afternoon|evening|night)$/.test(unitWord) ? 'day' : unitWord;
  const wide = !previous.start.equals(previous.end);
  if (/\b(?:that|same)\b/.test(text)) return { span: previous, granularity: granularityOfLength(previous), approximate: false };
  const sign = /\b(?:before|earlier|previously|previous|preceding)\b/.test(text) ? -1 : 1;
  if (/\b(?:next|following|previous|preceding)\b|\b(?:day|week|month|year)\s+(?:before|after)$/.test(text)) {
    const anchor = sign > 0 ? previous.end : previous.start;
    if (unit === 'day') return { span: daySpan(anchor.plus({ days: sign })), granularity: 'day', approximate: wide };
    if (unit === 'weekend') {
      let saturday = anchor.plus({ days: sign });
      while (saturday.weekday !== 6) saturday = saturday.plus({ days: sign });
      return { span: { start: saturday, end: saturday.plus({ days: 1 }) }, granularity: 'day', approximate: wide };
    }
    const period = unit as 'week' | 'month' | 'year';
    return { span: periodSpan(period, anchor.plus({ [`${period}s`]: sign })), granularity: period, approximate: false };
  }
  const duration = durationIn(text);
  if (!duration) return null;
  if (duration.unit === 'hour') return { span: previous, granularity: granularityOfLength(previous), approximate: duration.vague };
  const years = duration.unit === 'decade' ? 10 * duration.amount : 0;
  const shift = (d: DateTime): DateTime =>
    d.plus(years ? { years: sign * years } : { [`${duration.unit}s`]: sign * duration.amount });
  const span = { start: shift(previous.start), end: shift(previous.end) };
  return { span, granularity: granularityOfLength(span), approximate: duration.vague || wide || duration.unit !== 'day' };
}
