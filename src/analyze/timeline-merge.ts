/**
 * One timeline row per event: reports of one event, from several sources and in other words, become one
 * row citing them all. Reports are compared by the alignment layer (align/events.ts) together with the
 * rare words they share, since a short clause reworded ("the board will meet" / "directors gather") rates
 * low on the sentence model alone. When sources put one event on different days, the row keeps every
 * date with its sources (`conflict`) rather than showing the event twice.
 */
import type { Evidence, TimelineDateConflict, TimelineEntry } from '../model/briefing.js';
import { compareSourceIds } from './corpus.js';
import { eventComparer, type EventEvidence } from './align/events.js';
import { MonthIndex } from './dates/month-index.js';
import { firstIndex } from './lists.js';
import { eventShape } from './questions/event-shape.js';
import { MOVED, REPEATED } from './questions/lexicon.js';
import { cosine, type TermVector } from './terms.js';

/** Two reports with overlapping dates are one event when their words are at least this similar (TF-IDF). */
export const SAME_EVENT_SIMILARITY = 0.4;
/** Or, reworded: the model's probability, with like actors and actions and this share of rare words in common. */
const REWORDED = { probability: 0.18, shared: 0.3 };
/**
 * Reports on days that do not overlap are one event only on stronger evidence, since most such pairs are two
 * events (a meeting held, the next one called): a higher probability, more words in common, dates close.
 */
const OTHER_DAY = { probability: 0.3, shared: 0.35, days: 14 };
/** More dates than this for one event is a running story, not a disagreement. */
const MAX_DATES = 3;
/** Date expressions that bound or span rather than date an event: "until Monday", "by 3 March". */
const NOT_A_DAY = /^(?:until|till|by|before|after|since|from|through|between|within|no later than|ahead of|as of|around|about|starting|beginning|early|late|mid)\b/i;
const GRANULARITY_RANK = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];

/** A dated clause of one sentence, before merging. */
export interface Report {
  entry: TimelineEntry;
  vector: TermVector;
  /** Stemmed content words of the clause without its date, for the rare words two reports share. */
  terms: string[];
  /** Reading position of the sentence, for a stable order among same-day events. */
  order: number;
}

/** What the merge must know of the sources. */
export interface SourceFacts {
  /** Outlet of each source id: two articles of one outlet are one source updating itself, not a disagreement. */
  outlets: Map<string, string | null>;
  /** Sources without a publication date of their own: they cannot say which Monday "on Monday" is. */
  undated: Set<string>;
}

interface Row {
  entry: TimelineEntry;
  reports: Report[];
  order: number;
}

/** Merge reports of one event, then sort by date and reading order. */
export function mergeReports(reports: Report[], idf: Map<string, number>, facts: SourceFacts): TimelineEntry[] {
  const compare = eventComparer();
  const evidence = memoPair((a: Report, b: Report) => compare(a.entry, b.entry));
  const weighed = memoReport((r: Report) => weighedTerms(r.terms, idf));
  const shared = (a: Report, b: Report) => sharedWeight(weighed(a), weighed(b), idf);
  const rows: Row[] = [];
  // Rows are looked up by the months they touch: a report is compared only with rows its dates overlap.
  const index = new MonthIndex<Row>();
  for (const r of reports) {
    const same = index.near(r.entry).find((row) => overlaps(row.entry, r.entry) && row.reports.some((x) => sameDayEvent(x, r, evidence, shared)));
    if (same) {
      absorb(same, r);
      index.add(same, same.entry);
    } else {
      // Sorted and distinct from the start: `absorb` inserts into these lists in order.
      const sources = [...new Set(r.entry.sources)].sort(compareSourceIds);
      const row = { entry: { ...r.entry, sources, evidence: distinctEvidence(r.entry.evidence) }, reports: [r], order: r.order };
      rows.push(row);
      index.add(row, row.entry);
    }
  }
  const joined = joinOtherDays(rows, evidence, shared, facts);
  return joined
    .sort((a, b) => a.entry.start.localeCompare(b.entry.start) || a.entry.end.localeCompare(b.entry.end) || a.order - b.order)
    .map((row) => row.entry);
}

type Evidencer = (a: Report, b: Report) => EventEvidence;
type Sharer = (a: Report, b: Report) => number;

function sameDayEvent(a: Report, b: Report, evidence: Evidencer, shared: Sharer): boolean {
  if (cosine(a.vector, b.vector) >= SAME_EVENT_SIMILARITY) return true;
  // The shared words are cheap to weigh; the model is asked only when they agree.
  if (shared(a, b) < REWORDED.shared) return false;
  const e = evidence(a, b);
  return e.actorsMatch && e.actionsMatch && e.probability >= REWORDED.probability;
}

/**
 * Rows of different sources that date one event on different days become one row with the dates in
 * conflict. Only exact days qualify, from sources of different outlets that do not also give the other date
 * (then it is two events, or a move the source tells). Both events must lie ahead (a story awaits one
 * meeting, one vote), or both be past events that happen once (a death, a resignation): protests, meetings
 * held and offers rejected recur, and two past dates for them may both be right.
 */
function joinOtherDays(rows: Row[], evidence: Evidencer, shared: Sharer, facts: SourceFacts): Row[] {
  const open = rows.map((row) => ({ row, dates: [row], gone: false }));
  const outletsOf = (rows: Row[]) => new Set(rows.flatMap((r) => r.entry.sources).map((id) => outletKey(id, facts.outlets)));
  // Only datable rows take part, and a row meets only those within OTHER_DAY.days of it: a window over
  // the rows sorted by day, visited in row order.
  const usable = open.filter((o) => datable(o.row, facts.undated));
  const byDay = usable.map((o) => ({ o, day: Date.parse(o.row.entry.start) / 86_400_000 })).sort((x, y) => x.day - y.day);
  const position = new Map(open.map((o, i) => [o, i]));
  for (const a of usable) {
    if (a.gone) continue;
    const day = Date.parse(a.row.entry.start) / 86_400_000;
    const window = byDay
      .slice(firstAtLeast(byDay, day - OTHER_DAY.days), firstAtLeast(byDay, day + OTHER_DAY.days + 1e-9))
      .map((x) => x.o)
      .sort((x, y) => position.get(x)! - position.get(y)!);
    let outlets = outletsOf(a.dates);
    for (const b of window) {
      if (b === a || b.gone || a.dates.length + b.dates.length > MAX_DATES) continue;
      if ([...outletsOf([b.row])].some((o) => outlets.has(o))) continue;
      if (a.dates.some((d) => overlaps(d.entry, b.row.entry) || daysApart(d.entry, b.row.entry) > OTHER_DAY.days)) continue;
      if (!oneOff(a.row, b.row)) continue;
      const one = a.row.reports.some((x) =>
        b.row.reports.some((y) => {
          if (shared(x, y) < OTHER_DAY.shared) return false;
          const e = evidence(x, y);
          return e.actorsMatch && e.actionsMatch && e.probability >= OTHER_DAY.probability;
        }),
      );
      if (!one) continue;
      a.dates.push(b.row);
      outlets = outletsOf(a.dates);
      b.gone = true;
    }
  }
  return open.filter((o) => !o.gone).map((o) => (o.dates.length > 1 ? withConflict(o.dates) : o.row));
}

/** Index of the first item at or after `day` in a list sorted by day. */
function firstAtLeast(sorted: Array<{ day: number }>, day: number): number {
  return firstIndex(sorted, (x) => x.day >= day);
}

/**
 * A row that can be one side of a date disagreement: one exact day, told once, not moved, placed by a source
 * that knows its own date when the day is a weekday ("on Monday" from an undated source could be any Monday).
 */
function datable(row: Row, undated: Set<string>): boolean {
  const e = row.entry;
  if (e.granularity !== 'day' || e.approximate || e.start !== e.end || NOT_A_DAY.test(e.when)) return false;
  if (!/\d/.test(e.when) && e.sources.some((s) => undated.has(s))) return false;
  return row.reports.every((r) => !MOVED.test(r.entry.text) && !r.entry.text.toLowerCase().split(/[^a-z]+/).some((w) => REPEATED.has(w)));
}

/** Both events ahead of the briefing, or both past events of a kind that happens once, with the same head. */
function oneOff(a: Row, b: Row): boolean {
  if (a.entry.scheduled !== b.entry.scheduled) return false;
  if (a.entry.scheduled) return true;
  const shape = (e: TimelineEntry) => eventShape(e.text, e.when, () => false);
  const [x, y] = [shape(a.entry), shape(b.entry)];
  return x !== null && y !== null && x.kind === y.kind && x.head === y.head;
}

/** The outlet a source belongs to (lower case), or the source itself when its outlet is unknown. */
function outletKey(id: string, outlets: Map<string, string | null>): string {
  const outlet = outlets.get(id)?.trim().toLowerCase();
  return outlet ? `outlet:${outlet}` : `source:${id}`;
}

/**
 * One row for the event, dated as most sources date it (a written calendar date before a weekday counted
 * from the publication date, then the earlier); every date given is kept in `conflict`, in calendar order.
 */
function withConflict(dated: Row[]): Row {
  const ranked = [...dated].sort(
    (a, b) =>
      b.entry.sources.length - a.entry.sources.length ||
      Number(/\d/.test(b.entry.when)) - Number(/\d/.test(a.entry.when)) ||
      a.entry.start.localeCompare(b.entry.start) ||
      a.order - b.order,
  );
  const lead = ranked[0]!;
  const values: TimelineDateConflict['values'] = [...dated]
    .sort((a, b) => a.entry.start.localeCompare(b.entry.start) || compareSourceIds(a.entry.sources[0]!, b.entry.sources[0]!))
    .map(({ entry }) => ({ start: entry.start, end: entry.end, when: entry.when, sources: [...entry.sources] }));
  const entry: TimelineEntry = {
    ...lead.entry,
    sources: [...new Set(dated.flatMap((d) => d.entry.sources))].sort(compareSourceIds),
    evidence: distinctEvidence(dated.flatMap((d) => d.entry.evidence)),
    conflict: { values },
  };
  return { entry, reports: dated.flatMap((d) => d.reports), order: Math.min(...dated.map((d) => d.order)) };
}

/** Add a report to a row; the more precise report's date and words stand for the event. */
function absorb(into: Row, r: Report): void {
  const e = into.entry;
  into.reports.push(r);
  const finer =
    GRANULARITY_RANK.indexOf(r.entry.granularity) < GRANULARITY_RANK.indexOf(e.granularity) ||
    (r.entry.granularity === e.granularity && e.approximate && !r.entry.approximate);
  if (finer) {
    const { start, end, granularity, approximate, scheduled, text, when } = r.entry;
    Object.assign(e, { start, end, granularity, approximate, scheduled, text, when });
  }
  // In place, each new item at its sorted position: a row that absorbs thousands of reports stays linear.
  for (const source of r.entry.sources) addSorted(e.sources, source, compareSourceIds);
  for (const evidence of r.entry.evidence) addSorted(e.evidence, evidence, compareEvidence);
}

/** Put `item` into the ascending `list` unless an equal item is already there. */
function addSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  const low = firstIndex(list, (x) => compare(x, item) >= 0);
  if (low < list.length && compare(list[low]!, item) === 0) return;
  list.splice(low, 0, item);
}

function overlaps(a: TimelineEntry, b: TimelineEntry): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function daysApart(a: TimelineEntry, b: TimelineEntry): number {
  return Math.abs(Date.parse(a.start) - Date.parse(b.start)) / 86_400_000;
}

/**
 * Share of the lighter side's weight (IDF) that the two clauses' words have in common: rare words of the
 * story ("depot", "airport") count, words every sentence uses hardly do.
 */
function sharedWeight(a: WeighedTerms, b: WeighedTerms, idf: Map<string, number>): number {
  const lighter = Math.min(a.weight, b.weight);
  if (lighter <= 0) return 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  let common = 0;
  for (const t of small) if (large.has(t)) common += idf.get(t) ?? 1;
  return common / lighter;
}

interface WeighedTerms {
  terms: Set<string>;
  weight: number;
}

function weighedTerms(list: string[], idf: Map<string, number>): WeighedTerms {
  const terms = new Set(list);
  let weight = 0;
  for (const t of terms) weight += idf.get(t) ?? 1;
  return { terms, weight };
}

function distinctEvidence(list: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of list) seen.set(`${e.source}:${e.paragraph}:${e.sentence}`, e);
  return [...seen.values()].sort(compareEvidence);
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return compareSourceIds(a.source, b.source) || a.paragraph - b.paragraph || a.sentence - b.sentence;
}

/** Memoise a function of one report. */
function memoReport<T>(f: (r: Report) => T): (r: Report) => T {
  const cache = new Map<Report, T>();
  return (r) => {
    if (!cache.has(r)) cache.set(r, f(r));
    return cache.get(r)!;
  };
}

/** Memoise a function of two reports (pairs are compared again as rows grow). */
function memoPair<T>(f: (a: Report, b: Report) => T): (a: Report, b: Report) => T {
  const cache = new Map<Report, Map<Report, T>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new Map()));
    if (!inner.has(b)) inner.set(b, f(a, b));
    return inner.get(b)!;
  };
}
