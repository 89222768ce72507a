/**
 * The words of date expressions shared by the chrono parsers and the resolver: counts, units,
 * hedges ("about", "just over") and the tags that carry what a custom parser found to the resolver.
 */

/** "next week" counts from the reference, as chrono reads it; only "the following week" is a step. */
export const NEXT_PERIOD = /^(?:the\s+)?next\s+(?:week|weekend|month|year)$/i;

/** Prefix of every tag the custom parsers and refiners set on chrono results. */
export const TAG = 'briefwright/';

/** Read a "briefwright/key=value" tag (or `''` for a bare "briefwright/key"), or undefined when absent. */
export function tagValue(tags: Set<string>, key: string): string | undefined {
  for (const t of tags) {
    if (t === TAG + key) return '';
    if (t.startsWith(`${TAG}${key}=`)) return t.slice(TAG.length + key.length + 1);
  }
  return undefined;
}

export function tag(key: string, value?: string | number): string {
  return value === undefined ? TAG + key : `${TAG}${key}=${value}`;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
  'a couple of': 2, 'a few': 3, few: 3, several: 3, some: 3,
};
/** Counts that are guesses, whatever number they stand for. */
const VAGUE_COUNTS = new Set(['a few', 'few', 'several', 'some', 'a couple of']);

export type Unit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';

export interface Duration {
  amount: number;
  unit: Unit;
  /** The count was a guess ("a few", "several") or absent ("days later"). */
  vague: boolean;
}

const COUNT = `(\\d+|a couple of|a few|few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)`;
const UNIT = `(hour|day|week|month|quarter|year|decade)s?`;
const DURATION = new RegExp(`(?:${COUNT}\\s+)?(?:and\\s+a\\s+half\\s+)?${UNIT}`, 'i');

/** The first duration in a phrase ("three weeks ago" → 3 weeks; "days later" → a vague 3 days). */
export function durationIn(text: string): Duration | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  const count = m[1]?.toLowerCase();
  const unit = m[2]!.toLowerCase() as Unit;
  // "the day before": one; "days later": a few; "hours later": the same day.
  if (count === undefined && /\bthe\s+$/i.test(text.slice(0, m.index))) return { amount: 1, unit, vague: false };
  if (count === undefined) return { amount: unit === 'hour' ? 0 : 3, unit, vague: true };
  const amount = /^\d+$/.test(count) ? Number(count) : (NUMBER_WORDS[count] ?? 1);
  return { amount, unit, vague: VAGUE_COUNTS.has(count) };
}

/** Hedges written just before a date expression that make it approximate ("around Christmas"). */
export const HEDGE_BEFORE = /\b(?:about|around|roughly|approximately|circa|c\.)\s+$/i;
/** Hedges that only qualify a count ("just over a week", "nearly two years"), never a name ("over Easter"). */
export const COUNT_HEDGE_BEFORE =
  /\b(?:nearly|almost|some|just\s+(?:over|under)|more\s+than|less\s+than|over|under|at\s+least|up\s+to)\s+$/i;
export const STARTS_WITH_COUNT = new RegExp(`^${COUNT}\\s`, 'i');

/** Prepositions that belong to the expression as written ("since 2011", "until Wednesday"). */
export const PREPOSITION_BEFORE = /\b(?:since|until|till|from|by|in|on|at|during|before|after|through|throughout|over|for)\s+(?:the\s+)?$/i;
