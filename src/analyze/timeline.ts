/**
 * The timeline: every dated event the sources report, each once, in calendar order, citing every source
 * that reports it. Dates are placed relative to each source's own publication date (the briefing date
 * only when a source has none, with a warning); `scheduled` marks what lies after the briefing date.
 */
import type { Evidence, TimelineEntry } from '../model/briefing.js';
import type { Document } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import type { Corpus, SentenceInfo } from './corpus.js';
import { compareSourceIds, evidenceOf } from './corpus.js';
import { datedEvents } from './dates/events.js';
import { scanDates, type DateMention } from './dates/index.js';
import { endsLikeCaption, storyText } from './dates/story.js';
import { cosine, termsOf, vectorOf, type TermVector } from './terms.js';

/** Two dated clauses with overlapping dates are one event when their words are at least this similar. */
export const SAME_EVENT_SIMILARITY = 0.4;
/** Longest span "two days later" may count from: "in late March" (11 days) may, "in November" may not. */
const MAX_STEP_BASE_DAYS = 14;
const DEADLINE = /^(?:until|till|by|within|through)\b/i;
const GRANULARITY_RANK = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];

interface Candidate {
  entry: TimelineEntry;
  vector: TermVector;
  /** Reading position of the first report, for a stable order among same-day events. */
  order: number;
}

/** Build the timeline of a corpus for a briefing dated `briefingDate` (ISO YYYY-MM-DD). */
export function buildTimeline(corpus: Corpus, briefingDate: string): { entries: TimelineEntry[]; warnings: Warning[] } {
  const { references, warnings } = referenceDates(corpus.documents, briefingDate);
  const paths = new Map(corpus.documents.map((d) => [d.source.id, d.source.path]));
  const candidates: Candidate[] = [];
  const previous = new Map<string, { start: string; end: string }>();
  corpus.sentences.forEach((info, order) => {
    const { source } = info.sentence;
    const body = storyText(info.sentence.text, info.role);
    if (body === null) return;
    const before = previous.get(source);
    const scan = scanDates(body, { reference: references.get(source) ?? briefingDate, ...(before ? { previous: before } : {}) });
    if (endsLikeCaption(body, scan.mentions)) return;
    for (const u of scan.unresolved) {
      const reason = `“${u.text}” could not be placed on the calendar: nothing in the source gives the date it counts from.`;
      const where = { source: paths.get(source) ?? source, position: { paragraph: info.sentence.paragraph }, text: info.sentence.text };
      warnings.push(warning('date-unresolved', 'analyze', reason, where));
    }
    for (const event of datedEvents(body, scan.mentions)) {
      // The calendar the brief can write: four-digit years (a date counted past 9999 is no event of a story).
      if (!FOUR_DIGIT_YEAR.test(event.mention.start) || !FOUR_DIGIT_YEAR.test(event.mention.end) || event.text === '') continue;
      const entry = entryOf(event.mention, event.text, info, briefingDate);
      candidates.push({ entry, vector: vectorOf(termsOf(event.text), corpus.idf), order });
      if (isStepBase(event.mention)) previous.set(source, { start: event.mention.start, end: event.mention.end });
    }
  });
  return { entries: merge(candidates).map((c) => c.entry), warnings };
}

const FOUR_DIGIT_YEAR = /^\d{4}-\d{2}-\d{2}$/;

/** Each source's reference date: its publication date, else the briefing date with a warning saying so. */
function referenceDates(documents: Document[], briefingDate: string): { references: Map<string, string>; warnings: Warning[] } {
  const references = new Map<string, string>();
  const warnings: Warning[] = [];
  for (const { source } of documents) {
    const published = isCalendarDate(source.meta.published) ? source.meta.published : undefined;
    references.set(source.id, published ?? briefingDate);
    if (published) continue;
    const reason = `No publication date found; its relative dates ("on Friday", "last week") are read from the briefing date ${briefingDate}.`;
    warnings.push(warning('date-reference-assumed', 'analyze', reason, { source: source.path }));
  }
  return { references, warnings };
}

function isCalendarDate(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Whether a later "the next day" may count from this date: not from a deadline ("until Monday") or a wide span. */
function isStepBase(m: DateMention): boolean {
  const days = (Date.parse(m.end) - Date.parse(m.start)) / 86_400_000 + 1;
  return !DEADLINE.test(m.text) && days <= MAX_STEP_BASE_DAYS;
}

function entryOf(m: DateMention, text: string, info: SentenceInfo, briefingDate: string): TimelineEntry {
  return {
    start: m.start,
    end: m.end,
    granularity: m.granularity,
    approximate: m.approximate,
    scheduled: m.start > briefingDate,
    text,
    when: m.text,
    sources: [info.sentence.source],
    evidence: [evidenceOf(info.sentence)],
  };
}

/** Merge reports of one event (overlapping dates, similar words), then sort by date and reading order. */
function merge(candidates: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const c of candidates) {
    const same = merged.find(
      (m) => c.entry.start <= m.entry.end && m.entry.start <= c.entry.end && cosine(m.vector, c.vector) >= SAME_EVENT_SIMILARITY,
    );
    if (same) absorb(same, c);
    else merged.push({ ...c, entry: { ...c.entry, sources: [...c.entry.sources], evidence: [...c.entry.evidence] } });
  }
  return merged.sort(
    (a, b) => a.entry.start.localeCompare(b.entry.start) || a.entry.end.localeCompare(b.entry.end) || a.order - b.order,
  );
}

/** Add a report to an entry; the more precise report's date and words stand for the event. */
function absorb(into: Candidate, c: Candidate): void {
  const e = into.entry;
  const finer =
    GRANULARITY_RANK.indexOf(c.entry.granularity) < GRANULARITY_RANK.indexOf(e.granularity) ||
    (c.entry.granularity === e.granularity && e.approximate && !c.entry.approximate);
  if (finer) {
    const { start, end, granularity, approximate, scheduled, text, when } = c.entry;
    Object.assign(e, { start, end, granularity, approximate, scheduled, text, when });
  }
  e.sources = [...new Set([...e.sources, ...c.entry.sources])].sort(compareSourceIds);
  e.evidence = distinctEvidence([...e.evidence, ...c.entry.evidence]);
}

function distinctEvidence(list: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of list) seen.set(`${e.source}:${e.paragraph}:${e.sentence}`, e);
  return [...seen.values()].sort(
    (a, b) => compareSourceIds(a.source, b.source) || a.paragraph - b.paragraph || a.sentence - b.sentence,
  );
}
