/**
 * Date conflicts: the same event given different days by different sources ("the hearing is on 3 March" (S1)
 * vs "the hearing on 10 March" (S2); "died on Monday" vs "died on Tuesday"), when the timeline kept them as two
 * entries (rows it aligned as one event are asked in timeline-conflicts.ts). Conservative: both
 * must be one-off events with the same head, subject and object; both dates exact days; no source of either
 * side also gives the other date or says the event moved; a month and a day in it are compatible.
 */
import type { Evidence, Question, TimelineEntry } from '../../model/briefing.js';
import { compareSourceIds, evidenceOf } from '../corpus.js';
import { findDates, type DateMention } from '../dates/index.js';
import { cosine, vectorOf, type TermVector } from '../terms.js';
import type { FoundConflict } from './conflicts.js';
import { eventShape, withoutDate, type EventShape } from './event-shape.js';
import { MOVED } from './lexicon.js';
import { shorten } from './phrase.js';
import { contentTerms, sameParticipants } from './overlap.js';
import type { SentenceView } from './view.js';
import { dayFirstBalance, namesMonth, writtenDay } from './written-day.js';

/** Two clauses without their dates tell the same event only when at least this similar. */
export const SAME_EVENT_SIMILARITY = 0.35;
/** Another report this similar to an event, by a source of the other side, means that source gives both dates. */
const RELATED_REPORT_SIMILARITY = 0.3;
/** Share of the subject's (or event phrase's) weight the two must have in common. */
const TERM_OVERLAP = 0.6;
/** A "When did …" longer than this many words is too long to ask. */
const MAX_STEM_WORDS = 14;
/** More dates than this for one event is a running story, not a disagreement. */
const MAX_VALUES = 3;
/** Date expressions that bound or span rather than date an event: "until Monday", "by 3 March", "since 2019". */
const NOT_A_DAY = /^(?:until|till|by|before|after|since|from|through|between|within|no later than|ahead of|as of|around|about|circa|starting|beginning|early|late|mid)\b/i;
/** Night-time events straddle midnight: "Thursday night" and "overnight" may be the next day in another source. */
const NIGHT = /\b(?:night|overnight|evening|midnight|early hours|small hours|late)\b/i;

export interface DateConflictContext {
  views: SentenceView[];
  idf: Map<string, number>;
  /** Outlet of each source id: two articles of one outlet are one source updating itself. */
  outlets: Map<string, string | null>;
  /** Sources with a publication date of their own: only they can place "on Monday" on the calendar. */
  dated: Set<string>;
  isCommonWord: (word: string) => boolean;
}

interface Event {
  entry: TimelineEntry;
  shape: EventShape;
  /** The clause's term vector, without the date (read lazily). */
  readonly vector: TermVector;
}

interface Side {
  event: Event;
  /** Sources that give this exact day, with the expression each wrote. */
  sources: Map<string, DateMention>;
  evidence: Evidence[];
}

/** Events the sources date differently, one conflict per event. */
export function findDateConflicts(entries: TimelineEntry[], context: DateConflictContext): FoundConflict[] {
  const byAddress = new Map(context.views.map((v) => [address(evidenceOf(v.info.sentence)), v]));
  const events: Event[] = [];
  for (const entry of entries) {
    if (entry.granularity !== 'day' || entry.approximate || NOT_A_DAY.test(entry.when)) continue;
    const shape = eventShape(entry.text, entry.when, context.isCommonWord);
    if (!shape) continue;
    let vector: TermVector | undefined;
    events.push({
      entry,
      shape,
      get vector() {
        return (vector ??= vectorOf(shape.clauseTerms, context.idf));
      },
    });
  }
  // Only events with the same head can be one event: compare within those groups.
  const byHead = new Map<string, Event[]>();
  for (const e of events) {
    const key = `${e.shape.kind}:${e.shape.head}`;
    const list = byHead.get(key);
    if (list) list.push(e);
    else byHead.set(key, [e]);
  }
  const pairs: Array<[Side, Side]> = [];
  for (const group of byHead.values()) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const [x, y] = [group[a]!, group[b]!];
        if (compatible(x.entry, y.entry) || shared(x.entry.sources, y.entry.sources) || !sameEvent(x, y, context.idf)) continue;
        const first = sideOf(x, y, byAddress, context);
        const second = first && sideOf(y, x, byAddress, context);
        if (!first || !second || sameOutlet(first, second, context.outlets)) continue;
        if (reportsBoth(first, y, entries, context.idf) || reportsBoth(second, x, entries, context.idf)) continue;
        pairs.push([first, second]);
      }
    }
  }
  return groupPairs(pairs).flatMap((sides) => {
    const found = conflictOf(sides, context.views);
    return found ? [found] : [];
  });
}

function address(e: Evidence): string {
  return `${e.source}:${e.paragraph}:${e.sentence}`;
}

/** Whether two entries' dates can both be right: overlapping (night widened by a day), or one day-and-month in unstated years. */
function compatible(x: TimelineEntry, y: TimelineEntry): boolean {
  const widen = NIGHT.test(`${x.when} ${x.text}`) || NIGHT.test(`${y.when} ${y.text}`) ? 1 : 0;
  if (addDays(x.start, -widen) <= y.end && addDays(y.start, -widen) <= x.end) return true;
  // "3 March" read as last March by one source and next March by another is one date.
  const yearWritten = /\b\d{4}\b/.test(`${x.when} ${y.when}`);
  return !yearWritten && x.start.slice(5) === y.start.slice(5);
}

function shared(a: string[], b: string[]): boolean {
  return a.some((s) => b.includes(s));
}

/** Same kind of event with the same head, about the same subject and object, in similar words. */
function sameEvent(x: Event, y: Event, idf: Map<string, number>): boolean {
  const [p, q] = [x.shape, y.shape];
  if (p.kind !== q.kind || p.head !== q.head) return false;
  const participants = (s: EventShape) => ({ passive: s.passive, subjectTerms: s.terms, objectTerms: s.objectTerms });
  if (!sameParticipants(participants(p), participants(q), idf, TERM_OVERLAP)) return false;
  return cosine(x.vector, y.vector) >= SAME_EVENT_SIMILARITY;
}

/**
 * The sources that give the event's exact day, read again from their own sentences (a source that gave only
 * the month was merged in but supports neither day); null when a sentence also gives the other date or says
 * the date moved.
 */
function sideOf(event: Event, other: Event, byAddress: Map<string, SentenceView>, context: DateConflictContext): Side | null {
  const sources = new Map<string, DateMention>();
  const evidence: Evidence[] = [];
  for (const e of event.entry.evidence) {
    const view = byAddress.get(address(e));
    if (!view) continue;
    if (MOVED.test(view.text)) return null;
    const mentions = findDates(view.text, { reference: view.reference });
    const asDay = (m: DateMention) => ({ ...event.entry, start: m.start, end: m.end, when: m.text, text: view.text });
    const days = mentions.filter((m) => m.granularity === 'day');
    if (days.some((m) => compatible(asDay(m), other.entry))) return null;
    const day = days.find((m) => !m.approximate && !NOT_A_DAY.test(m.text) && compatible(asDay(m), event.entry));
    // "on Monday" is placed from the source's own date; a source without one cannot say which Monday.
    if (!day || (!context.dated.has(e.source) && !/\d/.test(day.text) && !namesMonth(day.text))) continue;
    if (!sources.has(e.source)) sources.set(e.source, day);
    evidence.push(e);
  }
  return sources.size > 0 ? { event, sources, evidence } : null;
}

/** Two articles of one outlet: the later one updates the earlier. */
function sameOutlet(a: Side, b: Side, outlets: Map<string, string | null>): boolean {
  const names = (s: Side) => [...s.sources.keys()].map((id) => outlets.get(id)?.trim().toLowerCase()).filter((o): o is string => !!o);
  const other = new Set(names(b));
  return names(a).some((o) => other.has(o));
}

/** Whether a source of `side` also reports the other event on the other date (in an entry of its own). */
function reportsBoth(side: Side, other: Event, entries: TimelineEntry[], idf: Map<string, number>): boolean {
  return entries.some(
    (f) =>
      f !== side.event.entry &&
      f.sources.some((s) => side.sources.has(s)) &&
      compatible(f, other.entry) &&
      cosine(vectorOf(contentTerms(withoutDate(f.text, f.when)), idf), other.vector) >= RELATED_REPORT_SIMILARITY,
  );
}

/** Pairs that share an event become one conflict with every date given for it. */
function groupPairs(pairs: Array<[Side, Side]>): Side[][] {
  const groups: Side[][] = [];
  for (const [a, b] of pairs) {
    const group = groups.find((g) => g.some((s) => s.event === a.event || s.event === b.event));
    if (!group) {
      groups.push([a, b]);
      continue;
    }
    for (const side of [a, b]) if (!group.some((s) => s.event === side.event)) group.push(side);
  }
  return groups.filter((g) => g.length <= MAX_VALUES);
}

function conflictOf(sides: Side[], views: SentenceView[]): FoundConflict | null {
  const ordered = [...sides].sort((a, b) => compareSourceIds(firstSource(a), firstSource(b)));
  const dayFirst = writesDayFirst(ordered, views);
  const shown = ordered.map((side) => ({
    value: shownDate(side, dayFirst, ordered),
    sources: [...side.sources.keys()].sort(compareSourceIds),
    evidence: side.evidence,
  }));
  if (new Set(shown.map((s) => s.value.toLowerCase())).size < shown.length) return null;
  const shape = ordered[0]!.event.shape;
  const upcoming = ordered.some((side) => side.event.entry.scheduled);
  const asked = shorten(shape.ask(upcoming), MAX_STEM_WORDS);
  if (asked.split(' ').length > MAX_STEM_WORDS) return null;
  const options = shown.map((v) => `${v.value} (${v.sources.join(', ')})`);
  const listed = options.length === 2 ? options.join(' or ') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
  const question: Question = {
    text: `${asked}: ${listed}?`,
    kind: 'conflict',
    sources: [...new Set(shown.flatMap((s) => s.sources))].sort(compareSourceIds),
    evidence: shown.flatMap((s) => s.evidence),
  };
  const involved = new Set(shown.flatMap((s) => s.evidence.map(address)));
  return {
    conflict: { about: shape.about, values: shown },
    question,
    views: views.filter((v) => involved.has(address(evidenceOf(v.info.sentence)))),
  };
}

function firstSource(side: Side): string {
  return [...side.sources.keys()].sort(compareSourceIds)[0]!;
}

/** The date as the first source of the side wrote it, or its calendar day (see written-day.ts). */
function shownDate(side: Side, dayFirst: boolean, all: Side[]): string {
  const mention = side.sources.get(firstSource(side))!;
  const years = new Set(all.map((s) => s.event.entry.start.slice(0, 4)));
  return writtenDay(mention.text, mention.start, dayFirst, years.size > 1);
}

/** Whether the sources write "3 March" rather than "March 3": from the conflicting dates, else from the whole corpus. */
function writesDayFirst(sides: Side[], views: SentenceView[]): boolean {
  const own = dayFirstBalance(sides.flatMap((s) => [...s.sources.values()].map((m) => m.text)));
  return (own !== 0 ? own : dayFirstBalance(views.map((v) => v.text))) > 0;
}

function addDays(iso: string, days: number): string {
  if (days === 0) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
