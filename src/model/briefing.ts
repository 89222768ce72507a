/**
 * The Briefing: the one model every reader feeds and every writer reads (public JSON format, version 1).
 * Its JSON Schema is schema/briefing.schema.json; change both together and bump SCHEMA_VERSION on breaking changes.
 */

export const SCHEMA_VERSION = 1;

/** The address of a source sentence an item was taken from (1-based paragraph and sentence). */
export interface Evidence {
  source: string;
  paragraph: number;
  sentence: number;
}

/** A source as the brief lists it. */
export interface SourceEntry {
  /** "S1", "S2"… in path order; citations use these. */
  id: string;
  path: string;
  /** Position inside a multi-article file, when the file held several. */
  entry?: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) the source was published, or null when unknown. */
  published: string | null;
  author: string | null;
  format: string;
  /** SHA-256 of the source file's bytes. */
  sha256: string;
  /** Id of the origin ("O1") this source belongs to: see Briefing.origins. */
  origin: string;
}

/**
 * A source that was read but left out of the analysis because it tells another story than the rest (a feed's
 * football report in a folder about a port strike). Nothing in the brief cites it.
 */
export interface LeftOutSource {
  /** Its id among all inputs ("S4"), so the ids of the sources the brief lists do not shift. */
  id: string;
  path: string;
  /** Position inside a multi-article file, when the file held several. */
  entry?: number;
  title: string | null;
  outlet: string | null;
  /** Cosine similarity of its content words to the centre of the other sources, 0..1. */
  similarity: number;
  /** Why, as a sentence for the reader. */
  reason: string;
}

/**
 * Why sources were found to share one origin: near-identical paragraphs ('shared-text'), a credit line naming
 * the same agency ('credit'), the same byline ('byline'); 'own' is an outlet's own reporting (one outlet).
 */
export type OriginBasis = 'shared-text' | 'credit' | 'byline' | 'own';

/** One independent origin of reporting: wire copy reprinted by several outlets is one origin, not several. */
export interface Origin {
  /** "O1", "O2"… in order of their first source. */
  id: string;
  /** Who the copy comes from: the agency ("AP"), else the outlet when the origin is one outlet. */
  label: string;
  /** Ids of the sources that share it, in id order; every source is in exactly one origin. */
  sources: string[];
  basis: OriginBasis;
}

/**
 * How well an item is supported: 'corroborated' when two or more independent origins carry it, 'single' when
 * one origin does (however many outlets reprint it), 'disputed' when its evidence is cited by a conflict.
 */
export type SupportLevel = 'corroborated' | 'single' | 'disputed';

/** An item's support, counted in independent origins rather than outlets, and the words every writer prints. */
export interface Support {
  /** Distinct outlets among the item's sources (sources of unknown outlet count one each). */
  outlets: number;
  /** Distinct origins among the item's sources. */
  origins: number;
  level: SupportLevel;
  /** "reported by 3 independent outlets", "3 outlets, 1 origin: AP", "one outlet reports", "sources disagree"; "" when the whole brief rests on one origin. */
  wording: string;
}

/** A point of the summary; the first one is the bottom line. */
export interface SummaryPoint {
  text: string;
  /** Every source that carries this point (corroboration). */
  sources: string[];
  evidence: Evidence[];
  /** Set by analyze(); writers compute it from sources and origins when a hand-made briefing lacks it. */
  support?: Support;
}

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'decade';

/** A period on the calendar, as precise as the sources are. */
export interface DateSpan {
  /** ISO calendar dates; a month or year is given by its first and last day. */
  start: string;
  end: string;
  granularity: Granularity;
  /** True for "early January", "around", "about a week ago"… */
  approximate: boolean;
}

export interface TimelineEntry extends DateSpan {
  /** True when the event lies after the briefing date (scheduled, expected, deadline). */
  scheduled: boolean;
  /** The sentence or clause that carries the date. */
  text: string;
  /** The date expression as written ("on Friday", "since 2014"). */
  when: string;
  sources: string[];
  evidence: Evidence[];
  /** As on SummaryPoint. */
  support?: Support;
  /** Present when sources put this one event on different days: every date given, with who gives it. */
  conflict?: TimelineDateConflict;
}

/** The dates sources give for one event, when they disagree; the entry's own date is one of them. */
export interface TimelineDateConflict {
  /** Two or more dates, in calendar order, each with the sources that give it. */
  values: Array<{
    /** ISO calendar dates of this value. */
    start: string;
    end: string;
    /** The date expression as the first of its sources wrote it ("on Thursday"). */
    when: string;
    sources: string[];
  }>;
}

export interface Quote {
  /** The quoted words, without quotation marks. */
  text: string;
  /** Full, normalised name of the speaker (or organisation), or null when it could not be identified. */
  speaker: string | null;
  /** The speaker's role as the sources give it ("chief engineer of the Harbour Authority"). */
  role: string | null;
  /** True for a few quoted words inside a sentence rather than a full quotation. */
  partial: boolean;
  /** True when the quote is among those the brief shows. */
  key: boolean;
  sources: string[];
  evidence: Evidence[];
  /** As on SummaryPoint. */
  support?: Support;
}

export type QuestionKind = 'pending' | 'conditional' | 'unknown' | 'conflict';

export interface Question {
  /** Reads as a question a person would ask, ending with "?". */
  text: string;
  kind: QuestionKind;
  sources: string[];
  evidence: Evidence[];
}

/** Two or more sources disagree about the same thing. */
export interface Conflict {
  /** What the values measure ("patients", "deaths", "date of the hearing"). */
  about: string;
  values: Array<{ value: string; sources: string[]; evidence: Evidence[] }>;
}

/** What entered and left the brief between two versions; items are shown as their text. */
export interface ListChange {
  added: string[];
  dropped: string[];
}

/** "What changed since v<N>": the difference from the previous version of the same brief and date. */
export interface ChangeSet {
  /** The version compared against (2 for v2). */
  since: number;
  summary: ListChange;
  timeline: ListChange;
  quotes: ListChange;
  /** Questions opened (added) and answered or dropped since. */
  questions: ListChange;
}

export interface Briefing {
  schemaVersion: typeof SCHEMA_VERSION;
  title: string;
  /** Briefing date, ISO YYYY-MM-DD. */
  date: string;
  sources: SourceEntry[];
  /** Sources read but left out as telling another story, in id order; absent when none was (or with keepAll). */
  sourcesLeftOut?: LeftOutSource[];
  /** The sources grouped into independent origins (wire copy and its reprints are one). */
  origins: Origin[];
  summary: SummaryPoint[];
  timeline: TimelineEntry[];
  /** Dated events (and the sentences reporting them) the timeline leaves out; absent in files made before it selected. */
  timelineLeftOut?: { events: number; mentions: number };
  quotes: Quote[];
  questions: Question[];
  conflicts: Conflict[];
  /** Present on a version after the first: what changed since the previous version. */
  changes?: ChangeSet;
}
