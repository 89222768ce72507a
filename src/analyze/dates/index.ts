/**
 * Date expressions in a sentence, placed on the calendar relative to the sentence's reference date
 * (its source's publication date) and, for "a few days later", to the event told before it.
 */
import type { ParsingResult } from 'chrono-node';
import type { DateSpan } from '../../model/briefing.js';
import type { DateTime } from 'luxon';
import { isoDay, toIso, type Placed, type Span, type Tense } from './calendar.js';
import { tenseAt, tokenize, type Token } from './grammar.js';
import { recognise } from './parse.js';
import { placeAnchored } from './anchor.js';
import { resolveResult } from './resolve.js';
import { COUNT_HEDGE_BEFORE, HEDGE_BEFORE, PREPOSITION_BEFORE, STARTS_WITH_COUNT, tagValue } from './words.js';

/** A date expression found in a sentence, as written and as calendar days. */
export interface DateMention extends DateSpan {
  /** The expression as written, with its preposition and hedge ("on Friday", "just over a week after"). */
  text: string;
  /** Offset of `text` in the sentence. */
  index: number;
}

export interface DateContext {
  /** ISO date the sentence's source was published (or the briefing date when it has none). */
  reference: string;
  /** The span of the event told just before, for "a few days later", "the next day", "that week". */
  previous?: { start: string; end: string };
}

export interface DateScan {
  mentions: DateMention[];
  /** Expressions that are dates but could not be placed ("days later" with nothing before it). */
  unresolved: Array<{ text: string; index: number }>;
  /** The mentions whose weekday is not the weekday of the date written beside it: placed by the date, and doubted. */
  weekdayMismatches: DateMention[];
}

/** Every date expression in a sentence that can be placed on the calendar, in text order. */
export function findDates(sentence: string, context: DateContext): DateMention[] {
  return scanDates(sentence, context).mentions;
}

/** Like findDates, and also reports the date expressions that could not be placed. */
export function scanDates(sentence: string, context: DateContext): DateScan {
  const results = recognise(sentence, context.reference);
  if (results.length === 0) return { mentions: [], unresolved: [], weekdayMismatches: [] };
  const ref = isoDay(context.reference);
  const previous = context.previous && { start: isoDay(context.previous.start), end: isoDay(context.previous.end) };
  let tokens: Token[] | undefined;
  const tenseOf = (r: ParsingResult) => () => tenseAt((tokens ??= tokenize(sentence)), r.index, r.index + r.text.length);

  const placed = new Map<ParsingResult, Placed>();
  const unresolved: DateScan['unresolved'] = [];
  for (const r of results) {
    if (tagValue(r.tags(), 'anchor') !== undefined) continue;
    const p = resolveResult(r, { ref, tense: tenseOf(r), ...(previous ? { previous } : {}) });
    if (p && !contradictsTense(r, p, ref, tenseOf(r))) placed.set(r, p);
    else unresolved.push({ text: r.text, index: r.index });
  }
  // "a week after <event>": counted from the sentence's other date, or from now (see anchor.ts).
  const until = new Map<ParsingResult, number>();
  for (const r of results) {
    if (tagValue(r.tags(), 'anchor') === undefined) continue;
    const anchored = placeAnchored(sentence, r, placed, ref, tenseOf(r));
    if (!anchored) {
      unresolved.push({ text: r.text, index: r.index });
      continue;
    }
    placed.set(r, anchored.placed);
    if (anchored.absorbed) {
      placed.delete(anchored.absorbed);
      until.set(r, anchored.absorbed.index + anchored.absorbed.text.replace(/[\s,;:]+$/, '').length);
    }
  }

  const kept = results.filter((r) => placed.has(r));
  const mentions = kept.map((r) => mentionOf(sentence, r, placed.get(r)!, until.get(r)));
  const weekdayMismatches = mentions.filter((_, i) => placed.get(kept[i]!)!.weekdayMismatch);
  return { mentions, unresolved, weekdayMismatches };
}

/**
 * A counted date ("a few years later", "in eight years") that lands after the reference in a sentence told
 * in the past counts from the wrong point; it is left unplaced rather than put in the future.
 */
function contradictsTense(r: ParsingResult, p: Placed, ref: DateTime, tense: () => Tense): boolean {
  const counted = tagValue(r.tags(), 'step') !== undefined || r.tags().has('result/relativeDate');
  return counted && p.span.start > ref && tense() === 'past';
}

/** The mention as written, widened to its hedge and preposition ("just over a week after", "since 2011"). */
function mentionOf(sentence: string, r: ParsingResult, p: Placed, until?: number): DateMention {
  let index = r.index;
  const before = (): string => sentence.slice(Math.max(0, index - 30), index);
  let approximate = p.approximate;
  const hedge = HEDGE_BEFORE.exec(before()) ?? (STARTS_WITH_COUNT.test(r.text) ? COUNT_HEDGE_BEFORE.exec(before()) : null);
  if (hedge) {
    index -= hedge[0].length;
    approximate = true;
  }
  const startsWithPreposition = PREPOSITION_BEFORE.test(`${r.text.split(/\s/)[0]} `);
  // "damaged by Sunday's storm": a possessive date takes no preposition.
  const possessive = /^['’]s\b/.test(sentence.slice(r.index + r.text.length));
  const found = startsWithPreposition || possessive ? null : PREPOSITION_BEFORE.exec(before());
  // "the votes were in Tuesday night": "in" does not govern a weekday.
  const preposition = found && !(/^in\b/i.test(found[0]) && /^(?:mon|tue|wed|thu|fri|sat|sun)/i.test(r.text)) ? found : null;
  if (preposition) index -= preposition[0].length;
  // chrono sometimes takes the comma or space after a date ("on Sunday,").
  const end = until ?? r.index + r.text.replace(/[\s,;:]+$/, '').length;
  return { text: sentence.slice(index, end), index, ...isoSpan(p.span), granularity: p.granularity, approximate };
}

function isoSpan(s: Span): { start: string; end: string } {
  return { start: toIso(s.start), end: toIso(s.end) };
}
