/**
 * The timeline as a selection: a reader wants the days that matter to the story, not every date its
 * sources mention. A short story keeps all its rows; past that, a row must be corroborated, in a lead,
 * scheduled, recent or disputed to stay, and the rows kept are capped by a number that grows with the
 * story. What is left out is counted, so the brief can say how much was.
 */
import type { TimelineEntry } from '../model/briefing.js';

export interface TimelineSelection {
  entries: TimelineEntry[];
  leftOut: { events: number; mentions: number };
}

/** A story with up to this many rows shows them all. */
const ROWS_SHOWN_WHOLE = 15;
/** The cap on rows: ROWS_SHOWN_WHOLE plus this many per square root of the number of sources, at most MAX_ROWS. */
const ROWS_PER_ROOT_SOURCE = 3;
const MAX_ROWS = 40;
/** A row dated within this many days of the briefing day is recent. */
const RECENT_DAYS = 7;
/** A sentence in this many first paragraphs of its story is in the lead. */
const LEAD_PARAGRAPHS = 2;

/** Select the rows of a timeline (rows in calendar order; the selection keeps that order). */
export function selectTimeline(entries: TimelineEntry[], briefingDate: string, sourceCount: number): TimelineSelection {
  const cap = Math.min(MAX_ROWS, ROWS_SHOWN_WHOLE + Math.round(ROWS_PER_ROOT_SOURCE * Math.sqrt(sourceCount)));
  if (entries.length <= ROWS_SHOWN_WHOLE) return { entries, leftOut: { events: 0, mentions: 0 } };
  const scored = entries.map((entry, order) => ({ entry, order, salience: salienceOf(entry, briefingDate, sourceCount) }));
  const kept = scored
    .filter((s) => s.salience > 0)
    .sort((a, b) => b.salience - a.salience || a.order - b.order)
    .slice(0, cap)
    .sort((a, b) => a.order - b.order)
    .map((s) => s.entry);
  const keptSet = new Set(kept);
  const dropped = entries.filter((e) => !keptSet.has(e));
  return { entries: kept, leftOut: { events: dropped.length, mentions: dropped.reduce((n, e) => n + e.evidence.length, 0) } };
}

/**
 * How much a row matters to the story, 0 when nothing speaks for it (one passing mention, one outlet,
 * deep in the story, long ago): corroboration counts most, then the lead, the days around the
 * briefing, what is scheduled and what sources dispute.
 */
function salienceOf(entry: TimelineEntry, briefingDate: string, sourceCount: number): number {
  const corroboration = sourceCount > 1 ? (entry.sources.length - 1) / (sourceCount - 1) : 0;
  const inLead = entry.evidence.some((e) => e.paragraph <= LEAD_PARAGRAPHS) ? 1 : 0;
  const daysAway = Math.abs(Date.parse(entry.start) - Date.parse(briefingDate)) / 86_400_000;
  const recent = entry.granularity === 'day' && daysAway <= RECENT_DAYS ? 1 - daysAway / (RECENT_DAYS + 1) : 0;
  const scheduled = entry.scheduled ? 1 : 0;
  const disputed = entry.conflict ? 1 : 0;
  return 2 * corroboration + inLead + recent + 0.5 * scheduled + 0.5 * disputed;
}
