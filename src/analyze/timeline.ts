/**
 * The timeline: every dated event the sources report, each once, in calendar order, citing every source
 * that reports it. Dates are placed relative to each source's own publication date (the briefing date
 * only when a source has none, with a warning); `scheduled` marks what lies after the briefing date.
 */
import type { TimelineEntry } from '../model/briefing.js';
import type { Document } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import type { Corpus, SentenceInfo } from './corpus.js';
import { evidenceOf } from './corpus.js';
import { isCalendarDate } from './dates/calendar.js';
import { datedEvents } from './dates/events.js';
import { scanDates, type DateMention } from './dates/index.js';
import { isPassingMention } from './dates/passing.js';
import { endsLikeCaption, storyText } from './dates/story.js';
import { withoutWhen } from './align/events.js';
import { contentTerms } from './questions/overlap.js';
import { termsOf, vectorOf } from './terms.js';
import { mergeReports, type Report } from './timeline-merge.js';

export { SAME_EVENT_SIMILARITY } from './timeline-merge.js';
/** Longest span "two days later" may count from: "in late March" (11 days) may, "in November" may not. */
const MAX_STEP_BASE_DAYS = 14;
const DEADLINE = /^(?:until|till|by|within|through)\b/i;

/** Build the timeline of a corpus for a briefing dated `briefingDate` (ISO YYYY-MM-DD). */
export function buildTimeline(corpus: Corpus, briefingDate: string): { entries: TimelineEntry[]; warnings: Warning[] } {
  const { references, warnings } = referenceDates(corpus.documents, briefingDate);
  const paths = new Map(corpus.documents.map((d) => [d.source.id, d.source.path]));
  const candidates: Report[] = [];
  const previous = new Map<string, { start: string; end: string }>();
  corpus.sentences.forEach((info, order) => {
    const { source } = info.sentence;
    const body = storyText(info.sentence.text, info.role);
    if (body === null) return;
    const before = previous.get(source);
    const scan = scanDates(body, { reference: references.get(source) ?? briefingDate, ...(before ? { previous: before } : {}) });
    if (endsLikeCaption(body, scan.mentions)) return;
    const where = { source: paths.get(source) ?? source, position: { paragraph: info.sentence.paragraph }, text: info.sentence.text };
    for (const u of scan.unresolved) {
      const reason = `“${u.text}” could not be placed on the calendar: nothing in the source gives the date it counts from.`;
      warnings.push(warning('date-unresolved', 'analyze', reason, where));
    }
    for (const m of scan.weekdayMismatches) {
      const reason = `“${m.text}”: the weekday is not that of the date; the timeline uses the date (${m.start}), check the source.`;
      warnings.push(warning('date-weekday-mismatch', 'analyze', reason, where));
    }
    const mentions = scan.mentions.filter((m) => !isPassingMention(body, m));
    for (const event of datedEvents(body, mentions)) {
      // The calendar the brief can write: four-digit years (a date counted past 9999 is no event of a story).
      if (!FOUR_DIGIT_YEAR.test(event.mention.start) || !FOUR_DIGIT_YEAR.test(event.mention.end) || event.text === '') continue;
      const entry = entryOf(event.mention, event.text, info, briefingDate);
      const terms = contentTerms(withoutWhen(entry));
      candidates.push({ entry, vector: vectorOf(termsOf(event.text), corpus.idf), terms, order });
      if (isStepBase(event.mention)) previous.set(source, { start: event.mention.start, end: event.mention.end });
    }
  });
  const facts = {
    outlets: new Map(corpus.documents.map((d) => [d.source.id, d.source.meta.outlet ?? null])),
    undated: new Set(corpus.documents.filter((d) => !isCalendarDate(d.source.meta.published)).map((d) => d.source.id)),
  };
  return { entries: mergeReports(candidates, corpus.idf, facts), warnings };
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
