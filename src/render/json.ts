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
  type LeftOutSource,
  type ListChange,
  type Origin,
  type Question,
  type Quote,
  type SourceEntry,
  type Support,
  type SummaryPoint,
  type TimelineEntry,
} from '../model/briefing.js';
import { originsOf, supportContext, supportFor, type SupportContext } from '../analyze/support.js';
import { withOrigins } from '../analyze/origins.js';
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
    origin: s.origin,
  };
}

const leftOutSource = (s: LeftOutSource): LeftOutSource => ({
  id: s.id,
  path: s.path,
  ...(s.entry === undefined ? {} : { entry: s.entry }),
  title: s.title,
  outlet: s.outlet,
  similarity: s.similarity,
  reason: s.reason,
});

const origin = (o: Origin): Origin => ({ id: o.id, label: o.label, sources: [...o.sources], basis: o.basis });

const support = (s: Support): Support => ({ outlets: s.outlets, origins: s.origins, level: s.level, wording: s.wording });

const summaryPoint = (p: SummaryPoint, c: SupportContext): SummaryPoint => ({
  text: p.text,
  sources: [...p.sources],
  evidence: evidence(p.evidence),
  support: support(supportFor(p, c)),
});

const timelineEntry = (t: TimelineEntry, c: SupportContext): TimelineEntry => ({
  start: t.start,
  end: t.end,
  granularity: t.granularity,
  approximate: t.approximate,
  scheduled: t.scheduled,
  text: t.text,
  when: t.when,
  sources: [...t.sources],
  evidence: evidence(t.evidence),
  support: support(supportFor(t, c)),
  ...(t.conflict
    ? { conflict: { values: t.conflict.values.map((v) => ({ start: v.start, end: v.end, when: v.when, sources: [...v.sources] })) } }
    : {}),
});

const quote = (q: Quote, c: SupportContext): Quote => ({
  text: q.text,
  speaker: q.speaker,
  role: q.role,
  partial: q.partial,
  key: q.key,
  sources: [...q.sources],
  evidence: evidence(q.evidence),
  support: support(supportFor(q, c)),
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

/**
 * A copy of the Briefing with every object's keys in model order (schemaVersion first) and nothing else.
 * Origins and support are always written: a briefing made without them (by hand) gets them computed here.
 */
export function canonicalBriefing(b: Briefing): Briefing {
  const origins = originsOf(b);
  const sources = withOrigins(b.sources, origins);
  const c = supportContext({ sources, origins, conflicts: b.conflicts });
  return {
    schemaVersion: b.schemaVersion,
    title: b.title,
    date: b.date,
    sources: sources.map(sourceEntry),
    ...(b.sourcesLeftOut?.length ? { sourcesLeftOut: b.sourcesLeftOut.map(leftOutSource) } : {}),
    origins: origins.map(origin),
    summary: b.summary.map((p) => summaryPoint(p, c)),
    timeline: b.timeline.map((t) => timelineEntry(t, c)),
    ...(b.timelineLeftOut ? { timelineLeftOut: { events: b.timelineLeftOut.events, mentions: b.timelineLeftOut.mentions } } : {}),
    quotes: b.quotes.map((q) => quote(q, c)),
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
  if (record['origins'] !== undefined && !Array.isArray(record['origins'])) refuse('has an "origins" that is not a list');
  return withRecordedOrigins(data as Briefing);
}

/**
 * Files written before origins were recorded have none: they get one origin per outlet (all the list of
 * sources can tell), so every reader of the model finds `origins` and each source's `origin`. Support is
 * left as the file has it; writers compute what is missing.
 */
function withRecordedOrigins(b: Briefing): Briefing {
  if (Array.isArray(b.origins) && b.sources.every((s) => typeof s.origin === 'string')) return b;
  const origins = originsOf(b);
  return { ...b, sources: withOrigins(b.sources, origins), origins };
}
