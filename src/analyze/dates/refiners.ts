/**
 * Custom chrono refiners: drop what is no date in news ("now", "the night", "6.15pm", "march" the verb),
 * keep the words chrono drops ("late January", "by the end of"), and mark results that count from
 * another event ("two days later", "a week after the vote") rather than from the publication date.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { STEP_PATTERN } from './parsers.js';
import { NEXT_PERIOD, TAG, tag, tagValue } from './words.js';

const DATE_COMPONENTS = ['year', 'month', 'day', 'weekday'] as const;
/** Time-of-day phrases that still name a day: "this morning", "tonight", "last night". */
const DAY_BY_TIME = /^(?:this\s+(?:morning|afternoon|evening)|tonight|last\s+night)$/i;
/** Relative periods chrono returns without certain components ("this week"). */
const PERIOD_WORD = /\b(?:week|weekend|month|year|quarter)\b/i;
const MONTH_ONLY_WORD = /^(?:in\s+)?[a-z]+$/;

function namesADay(r: ParsingResult): boolean {
  const tags = r.tags();
  if ([...tags].some((t) => t.startsWith(TAG))) return true;
  if (DATE_COMPONENTS.some((c) => r.start.isCertain(c))) return true;
  if (tags.has('casualReference/now')) return false;
  return DAY_BY_TIME.test(r.text.trim()) || PERIOD_WORD.test(r.text);
}

/** One reason a chrono result is no date in news text. */
type NoDate = (r: ParsingResult, context: ParsingContext) => boolean;

const NO_DATE: NoDate[] = [
  // "now" is a vague word, not an event date.
  (r) => r.tags().has('casualReference/now'),
  // Durations: "for 20 years", "for a week"; and "in the year to March" is no year from now.
  (r) => /^for\s/i.test(r.text) || /^in\s+the\s+(?:year|month|week|day)\b/i.test(r.text.trim()),
  // "in the months after", "over the weeks": a plural unit with no count.
  (r) => /^(?:in|within|over|during)\s+the\s+(?:days|weeks|months|years)$/i.test(r.text.trim()),
  // "in a year when…", "In one day, volunteers raised…": an offset only when nothing qualifies the unit.
  (r, context) =>
    /^in\s+(?:an?|one)\s+(?:day|week|month|year)$/i.test(r.text.trim()) &&
    !/^\s*(?:[.!?)]|$|['’]s\s+time|or\s+(?:so|two)\b|from\s+now)/i.test(context.text.slice(r.index + r.text.length)),
  // "Labor Day weekend": a named weekend is not the nearest one.
  (r, context) => /^weekend$/i.test(r.text.trim()) && /[A-Z][\w']*\s+$/.test(context.text.slice(0, r.index)),
  // "the TODAY programme": a day word in capitals is a name.
  (r) => [...r.tags()].some((t) => t.startsWith('casualReference/')) && /^[A-Z]{3,}$/.test(r.text.trim()),
  // "a second-round vote", "minutes after": seconds and minutes are no calendar dates.
  (r) => r.tags().has('result/relativeDate') && /\b(?:second|minute)s?\b/i.test(r.text),
  (r) => !r.start.isValidDate() || (r.end !== undefined && r.end !== null && !r.end.isValidDate()),
  // A number alone is a date only when a custom parser vouched for it (a year after "since", "in"…).
  (r) => /^[\d\s.]*$/.test(r.text) && tagValue(r.tags(), 'year') === undefined,
  // Times of day alone: "6.15pm", "in early trading", "stayed the night".
  (r) => !namesADay(r),
  // Lower-case month words: "protesters march", "prices may rise".
  (r) => r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('year') && MONTH_ONLY_WORD.test(r.text.trim()),
  // "sun", "sat", "wed" in lower case are words, not weekdays.
  (r) => r.start.isCertain('weekday') && /^[a-z]/.test(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i.exec(r.text)?.[0] ?? 'X'),
  // Slash dates without a year: US and UK readings differ.
  (r) => r.tags().has('parser/SlashDateFormatParser') && !r.start.isCertain('year'),
  // Inside a URL or e-mail address: "/2022/02/21/", "news@…".
  (r, context) => {
    // Only the word around the date matters: a short window keeps each look constant in a long text.
    const before = /\S*$/.exec(context.text.slice(Math.max(0, r.index - 200), r.index))?.[0] ?? '';
    const after = /^\S*/.exec(context.text.slice(r.index + r.text.length, r.index + r.text.length + 200))?.[0] ?? '';
    return /[/@]|www\.|https?:/.test(before + after);
  },
];

/** Drops chrono results that are no date in news text (see NO_DATE). */
export const noDateFilter: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]): ParsingResult[] =>
    results.filter((r) => !NO_DATE.some((noDate) => noDate(r, context))),
};

/** "late January", "mid-2023", "earlier this week", "by the end of the year", "the start of next month". */
const PART_BEFORE =
  /(?:\b(by|until|before)\s+)?(?:\b(early|mid|late|earlier|later)(?:\s+(?:in|on))?(?:\s+|-)|\b(?:the\s+)?(end|start|beginning|middle|close)\s+of\s+(?:the\s+)?)$/i;
const PART_OF_EDGE: Record<string, string> = { end: 'late', close: 'late', start: 'early', beginning: 'early', middle: 'mid' };

export const partRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const r of results) {
      const m = PART_BEFORE.exec(context.text.slice(Math.max(0, r.index - 40), r.index));
      if (!m) continue;
      const edge = m[3]?.toLowerCase();
      const part = m[2]?.toLowerCase() ?? PART_OF_EDGE[edge ?? ''] ?? 'late';
      // "by the end of March" is a deadline: the last day, not late March.
      if (edge && m[1]) r.addTag(tag('edge', edge === 'end' || edge === 'close' ? 'end' : 'start'));
      else r.addTag(tag('part', part));
      r.index -= m[0].length;
      r.text = m[0] + r.text;
    }
    return results;
  },
};

const STEP_WHOLE = new RegExp(`^(?:${STEP_PATTERN.source})$`, 'i');

/**
 * Marks steps from the previous event ("two days later", "the day before") and durations anchored on an
 * event named after them ("a week after the ferry sank"), whichever parser found them.
 */
export const anchorRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const r of results) {
      const core = r.text.replace(/^(?:early|mid|late|earlier|later)[\s-]+/i, '').trim();
      const anchor = /\b(after|before)$/i.exec(core)?.[1];
      if (anchor && /^\s+[\p{L}\d"“]/u.test(context.text.slice(r.index + r.text.length))) r.addTag(tag('anchor', anchor.toLowerCase()));
      else if (tagValue(r.tags(), 'step') === undefined && STEP_WHOLE.test(core) && !NEXT_PERIOD.test(core)) r.addTag(tag('step'));
    }
    return results;
  },
};

/**
 * A refiner that joins a result into the one before it: `absorb(previous, next, gap)` gets each pair of
 * neighbours with the text between them, extends `previous` and returns true when `next` belongs to it.
 */
function joiningRefiner(absorb: (previous: ParsingResult, next: ParsingResult, gap: string, context: ParsingContext) => boolean): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      const out: ParsingResult[] = [];
      for (const r of results) {
        const previous = out.at(-1);
        if (previous && !previous.end && absorb(previous, r, context.text.slice(previous.index + previous.text.length, r.index), context)) {
          previous.text = context.text.slice(previous.index, r.index + r.text.length);
          continue;
        }
        out.push(r);
      }
      return out;
    },
  };
}

/** "between March and May", "between 2010 and 2015": chrono's range refiner knows "to" and "until", not "between … and". */
export const betweenRefiner = joiningRefiner((from, r, gap, context) => {
  if (!/^\s*and\s+$/i.test(gap) || !/\bbetween\s+$/i.test(context.text.slice(0, from.index))) return false;
  for (const c of ['year', 'month'] as const) {
    if (r.start.isCertain(c) && !from.start.isCertain(c)) from.start.imply(c, r.start.get(c)!);
  }
  from.end = r.start;
  return true;
});

/**
 * "that January day in 2011", "in March of 2019": a month written without its year, and the year a few
 * words on in the same phrase. The explicit year wins over the one the tense would pick.
 */
export const explicitYearRefiner = joiningRefiner((month, r, gap) => {
  const tags = r.tags();
  const yearOnly = tagValue(tags, 'year') !== undefined && tagValue(tags, 'lastYear') === undefined && tagValue(tags, 'fiscal') === undefined;
  if (!yearOnly || !/^(?:\s+[a-z]+){0,2}\s+(?:in|of)\s+$|^,?\s+$/i.test(gap)) return false;
  if (!month.start.isCertain('month') || month.start.isCertain('year')) return false;
  month.start.assign('year', r.start.get('year')!);
  return true;
});

export const customRefiners: Refiner[] = [noDateFilter, betweenRefiner, explicitYearRefiner, partRefiner, anchorRefiner];
