/**
 * The JSON writer and reader of the public Briefing format (schema/briefing.schema.json).
 * Users archive and diff briefing.json, so the writer fixes the key order instead of trusting
 * whatever order the analyzers happened to build their objects in.
 */
import { BriefwrightError, ErrorCode } from '../errors.js';
import {
  SCHEMA_VERSION,
  type Briefing,
  type ChangeSet,
  type Conflict,
  type Evidence,
  type ListChange,
  type Question,
  type Quote,
  type SourceEntry,
  type SummaryPoint,
  type TimelineEntry,
} from '../model/briefing.js';
import type { Writer } from './types.js';

const evidence = (list: Evidence[]): Evidence[] =>
  list.map((e) => ({ source: e.source, paragraph: e.paragraph, sentence: e.sentence }));

function sourceEntry(s: SourceEntry): SourceEntry {
  return {
    id: s.id,
    path: s.path,
    ...(s.entry === undefined ? {} : { entry: s.entry }),
    title: s.title,
    outlet: s.outlet,
    url: s.url,
    published: s.published,
    author: s.author,
    format: s.format,
    sha256: s.sha256,
  };
}

const summaryPoint = (p: SummaryPoint): SummaryPoint => ({
  text: p.text,
  sources: [...p.sources],
  evidence: evidence(p.evidence),
});

const timelineEntry = (t: TimelineEntry): TimelineEntry => ({
  start: t.start,
  end: t.end,
  granularity: t.granularity,
  approximate: t.approximate,
  scheduled: t.scheduled,
  text: t.text,
  when: t.when,
  sources: [...t.sources],
  evidence: evidence(t.evidence),
  ...(t.conflict
    ? { conflict: { values: t.conflict.values.map((v) => ({ start: v.start, end: v.end, when: v.when, sources: [...v.sources] })) } }
    : {}),
});

const quote = (q: Quote): Quote => ({
  text: q.text,
  speaker: q.speaker,
  role: q.role,
  partial: q.partial,
  key: q.key,
  sources: [...q.sources],
  evidence: evidence(q.evidence),
});

const question = (q: Question): Question => ({
  text: q.text,
  kind: q.kind,
  sources: [...q.sources],
  evidence: evidence(q.evidence),
});

const conflict = (c: Conflict): Conflict => ({
  about: c.about,
  values: c.values.map((v) => ({ value: v.value, sources: [...v.sources], evidence: evidence(v.evidence) })),
});

const listChange = (l: ListChange): ListChange => ({ added: [...l.added], dropped: [...l.dropped] });

const changeSet = (c: ChangeSet): ChangeSet => ({
  since: c.since,
  summary: listChange(c.summary),
  timeline: listChange(c.timeline),
  quotes: listChange(c.quotes),
  questions: listChange(c.questions),
});

/** A copy of the Briefing with every object's keys in model order (schemaVersion first) and nothing else. */
export function canonicalBriefing(b: Briefing): Briefing {
  return {
    schemaVersion: b.schemaVersion,
    title: b.title,
    date: b.date,
    sources: b.sources.map(sourceEntry),
    summary: b.summary.map(summaryPoint),
    timeline: b.timeline.map(timelineEntry),
    quotes: b.quotes.map(quote),
    questions: b.questions.map(question),
    conflicts: b.conflicts.map(conflict),
    ...(b.changes ? { changes: changeSet(b.changes) } : {}),
  };
}

/** briefing.json text: canonical key order, 2-space indent, one trailing newline. */
export function briefingJsonText(briefing: Briefing): string {
  return `${JSON.stringify(canonicalBriefing(briefing), null, 2)}\n`;
}

/** Writes the Briefing as briefing.json (UTF-8, byte-identical for the same Briefing). */
export const jsonWriter: Writer = {
  format: 'json',
  extension: 'json',
  mediaType: 'application/json',
  async write(briefing) {
    return { bytes: new TextEncoder().encode(briefingJsonText(briefing)), warnings: [] };
  },
};

const arrayFields = ['sources', 'summary', 'timeline', 'quotes', 'questions', 'conflicts'] as const;

/**
 * Read briefing.json text back (archived briefs). Refuses anything but schemaVersion 1 by name, and checks the
 * top-level shape; deeper validation is the JSON Schema's job.
 */
export function parseBriefingJson(text: string, path = 'briefing.json'): Briefing {
  const refuse = (why: string, cause?: unknown): never => {
    throw new BriefwrightError(ErrorCode.CONFIG, `${path} ${why}`, cause === undefined ? undefined : { cause });
  };
  let data: unknown;
  try {
    // Editors may add a byte-order mark; JSON.parse would reject it.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(`is not valid JSON: ${(error as Error).message}`, error);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse('is not a briefing (expected a JSON object)');
  }
  const record = data as Record<string, unknown>;
  const version = record['schemaVersion'];
  if (version === undefined) return refuse(`has no schemaVersion; this briefwright reads version ${SCHEMA_VERSION}`);
  if (version !== SCHEMA_VERSION) {
    return refuse(`has schemaVersion ${JSON.stringify(version)}; this briefwright reads version ${SCHEMA_VERSION}`);
  }
  for (const field of ['title', 'date'] as const) {
    if (typeof record[field] !== 'string') refuse(`has no "${field}" string`);
  }
  for (const field of arrayFields) {
    if (!Array.isArray(record[field])) refuse(`has no "${field}" list`);
  }
  return data as Briefing;
}
