/**
 * Dates written as a distance from another event: "a week after the ferry sank", "two days
 * before the strike". chrono counts these from the publication date; news counts them from the date the
 * sentence gives, or from now when it speaks in the present ("The inquiry opens a week after…").
 */
import type { DateTime } from 'luxon';
import type { ParsingResult } from 'chrono-node';
import { daySpan, type Placed, type Tense } from './calendar.js';
import { shiftedBy } from './relative.js';
import { durationIn, tagValue } from './words.js';

export interface Anchored {
  placed: Placed;
  /** The event's own date, when the named event carries one ("two days after the vote on Sunday"). */
  absorbed?: ParsingResult;
}

/**
 * Place a result tagged as anchored on an event, given the other dates already placed in the sentence;
 * null when nothing gives the date to count from (a past-tense sentence with no other date).
 */
export function placeAnchored(
  sentence: string,
  r: ParsingResult,
  placed: Map<ParsingResult, Placed>,
  ref: DateTime,
  tense: () => Tense,
): Anchored | null {
  const after = tagValue(r.tags(), 'anchor') === 'after';
  const duration = durationIn(r.text);
  if (!duration) return null;
  // "two days after the vote on Sunday": the date inside the named event dates it, and the sentence's
  // event lies the duration beyond it.
  const from = r.index + r.text.length;
  const to = from + Math.max(0, sentence.slice(from).search(/[,;—–]|\s--?\s|$/));
  const own = [...placed].find(([o]) => o !== r && o.index >= from && o.index < to);
  if (own) {
    const [o, p] = own;
    return { placed: shiftedBy(after ? p.span.end : p.span.start, duration, after ? 1 : -1), absorbed: o };
  }
  // "the vote on Friday came two days after the strike": the named event lies the duration before Friday.
  const other = nearest(r, placed)?.span ?? (tense() !== 'past' ? daySpan(ref) : undefined);
  if (!other) return null;
  return { placed: shiftedBy(after ? other.start : other.end, duration, after ? -1 : 1) };
}

/** The placed result closest in the text to `r`, other than `r` itself. */
function nearest(r: ParsingResult, placed: Map<ParsingResult, Placed>): Placed | undefined {
  let best: { p: Placed; d: number } | undefined;
  for (const [other, p] of placed) {
    const d = Math.abs(other.index - r.index);
    if (other !== r && (!best || d < best.d)) best = { p, d };
  }
  return best?.p;
}
