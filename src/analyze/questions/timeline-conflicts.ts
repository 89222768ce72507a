/**
 * Date conflicts the timeline found: a row whose sources put its one event on different days (aligned as
 * one event in timeline-merge.ts) becomes a conflict naming each day with its sources — "When will the
 * board meet: December 4 (S1) or Thursday, December 3 (S2)?".
 */
import type { Evidence, Question, TimelineEntry } from '../../model/briefing.js';
import { compareSourceIds, evidenceOf } from '../corpus.js';
import { withoutWhen } from '../align/events.js';
import type { FoundConflict } from './conflicts.js';
import { eventShape } from './event-shape.js';
import { invert, shorten } from './phrase.js';
import { tokenize } from './tokens.js';
import type { SentenceView } from './view.js';
import { dayFirstBalance, writtenDay } from './written-day.js';

/** A "When …" longer than this many words is cut at a clause boundary. */
const MAX_STEM_WORDS = 14;

/** One conflict per timeline row that holds several dates. */
export function timelineConflicts(entries: TimelineEntry[], views: SentenceView[], isCommonWord: (word: string) => boolean): FoundConflict[] {
  const out: FoundConflict[] = [];
  for (const entry of entries) {
    if (!entry.conflict || entry.conflict.values.length < 2) continue;
    const values = entry.conflict.values;
    const dayFirst = writesDayFirst(values.map((v) => v.when), views);
    const years = new Set(values.map((v) => v.start.slice(0, 4))).size > 1;
    const shown = values.map((v) => ({
      value: writtenDay(v.when, v.start, dayFirst, years),
      sources: [...v.sources].sort(compareSourceIds),
      evidence: entry.evidence.filter((e) => v.sources.includes(e.source)),
    }));
    const shape = eventShape(entry.text, entry.when, isCommonWord);
    const asked = shape ? shape.ask(entry.scheduled) : askWhen(entry);
    const options = shown.map((v) => `${v.value} (${v.sources.join(', ')})`);
    const listed = options.length === 2 ? options.join(' or ') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
    const question: Question = {
      text: `${shorten(asked, MAX_STEM_WORDS)}: ${listed}?`,
      kind: 'conflict',
      sources: [...entry.sources],
      evidence: entry.evidence,
    };
    const about = shape ? shape.about : `date of the event: ${withoutWhen(entry).replace(/[.!?]$/, '')}`;
    out.push({ conflict: { about, values: shown }, question, views: viewsOf(entry.evidence, views) });
  }
  return out;
}

/** "The board will meet to vote." → "When will the board meet to vote"; the clause itself when it cannot be turned. */
function askWhen(entry: TimelineEntry): string {
  const clause = withoutWhen(entry).replace(/[.!?]+$/, '');
  const tokens = tokenize(clause);
  const inverted = invert(clause, tokens, 0, tokens.length);
  return inverted ? `When ${inverted.charAt(0).toLowerCase()}${inverted.slice(1)}` : `When: ${clause}`;
}

/** "3 March" or "March 3": as the conflicting dates are written, else as the corpus writes dates. */
function writesDayFirst(whens: string[], views: SentenceView[]): boolean {
  const own = dayFirstBalance(whens);
  return (own !== 0 ? own : dayFirstBalance(views.map((v) => v.text))) > 0;
}

function viewsOf(evidence: Evidence[], views: SentenceView[]): SentenceView[] {
  const wanted = new Set(evidence.map((e) => `${e.source}:${e.paragraph}:${e.sentence}`));
  return views.filter((v) => {
    const e = evidenceOf(v.info.sentence);
    return wanted.has(`${e.source}:${e.paragraph}:${e.sentence}`);
  });
}
