/**
 * analyze(documents) → Briefing. Pure: no I/O, no clock; the same documents and options give the same Briefing.
 */
import { SCHEMA_VERSION, type Briefing, type LeftOutSource, type Quote } from '../model/briefing.js';
import type { Document } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import type { AnalyzeOptions } from '../options.js';
import { buildCorpus, type Corpus, type SentenceInfo } from './corpus.js';
import { groupClaims } from './group.js';
import { findOffTopic } from './off-topic.js';
import { findOrigins } from './origins.js';
import { buildQuestions } from './questions/index.js';
import { extractQuotes } from './quotes/index.js';
import { sourceEntries } from './sources.js';
import { summarize } from './summary.js';
import { withSupport } from './support.js';
import { buildTimeline } from './timeline.js';
import { corroborateTimeline } from './timeline-claims.js';
import { selectTimeline } from './timeline-select.js';
import { chooseTitle } from './title.js';

export interface AnalyzeResult {
  briefing: Briefing;
  warnings: Warning[];
}

/** What is known of the story's earlier briefs (the archive's, read by the caller). */
export interface StoryHistory {
  /** SHA-256 of the inputs the previous brief of this story was made from. */
  earlierInputs?: ReadonlySet<string>;
}

/**
 * Build the Briefing. Unless `options.keepAll`, a source that tells another story than the rest is left out
 * of every section first, listed in `sourcesLeftOut` with a `source-off-topic` warning.
 */
export function analyze(all: Document[], options: AnalyzeOptions, history: StoryHistory = {}): AnalyzeResult {
  const offTopic = options.keepAll ? { documents: all, leftOut: [], warnings: [] } : leaveOutOffTopic(all);
  const { documents } = offTopic;
  const corpus = buildCorpus(documents);
  const claims = groupClaims(corpus);
  const quotes = extractQuotes(corpus, { keyQuotes: options.keyQuotes });
  const earlier = new Set(documents.filter((d) => history.earlierInputs?.has(d.source.sha256)).map((d) => d.source.id));
  const summary = summarize(corpus, claims, options.summaryWords, keyQuoteSentences(corpus, quotes.quotes), earlier);
  const origins = findOrigins(documents);
  const sources = sourceEntries(documents.map((d) => d.source), origins);
  const dated = buildTimeline(corpus, options.date);
  const selected = selectTimeline(corroborateTimeline(dated.entries, claims, corpus), options.date, documents.length);
  const timeline = { ...dated, entries: selected.entries };
  const open = buildQuestions(corpus, claims, options.date, timeline.entries);
  const briefing: Briefing = {
    schemaVersion: SCHEMA_VERSION,
    title: options.title ?? chooseTitle(documents, corpus, summary),
    date: options.date,
    sources: sources.entries,
    ...(offTopic.leftOut.length > 0 ? { sourcesLeftOut: offTopic.leftOut } : {}),
    origins,
    summary,
    timeline: timeline.entries,
    timelineLeftOut: selected.leftOut,
    quotes: quotes.quotes,
    questions: open.questions,
    conflicts: open.conflicts,
  };
  // Support is read from the finished sections: every item's sources, the origins and the conflicts.
  const warnings = [...offTopic.warnings, ...sources.warnings, ...timeline.warnings, ...quotes.warnings, ...open.warnings];
  return { briefing: withSupport(briefing), warnings };
}

/**
 * The documents that tell the story of the rest, and those left out as telling another (findOffTopic), each
 * with a `source-off-topic` warning. The ids stay those of all inputs: the brief's sources may skip one.
 */
function leaveOutOffTopic(documents: Document[]): { documents: Document[]; leftOut: LeftOutSource[]; warnings: Warning[] } {
  const flagged = new Map(findOffTopic(documents).map((f) => [f.source, f] as const));
  if (flagged.size === 0) return { documents, leftOut: [], warnings: [] };
  const leftOut: LeftOutSource[] = [];
  const warnings: Warning[] = [];
  for (const { source } of documents) {
    const found = flagged.get(source.id);
    if (found === undefined) continue;
    const title = source.meta.title || null;
    leftOut.push({
      id: source.id,
      path: source.path,
      ...(source.entry === undefined ? {} : { entry: source.entry }),
      title,
      outlet: source.meta.outlet || null,
      similarity: found.similarity,
      reason: found.reason,
    });
    const what = title === null ? `${source.id} tells another story` : `${source.id} “${title}” tells another story`;
    warnings.push(
      warning('source-off-topic', 'analyze', `${what}, left out of the brief: it ${found.reason} (keep it with --keep-all or keepAll in brief.yaml)`, {
        source: source.path,
        ...(source.entry === undefined ? {} : { position: { entry: source.entry } }),
      }),
    );
  }
  return { documents: documents.filter((d) => !flagged.has(d.source.id)), leftOut, warnings };
}

/**
 * The sentences the key quotes come from, where the quotation is most of the sentence: a quote the brief
 * shows is not made a summary point too (a sentence that only quotes a few words is reported speech).
 */
function keyQuoteSentences(corpus: Corpus, quotes: Quote[]): Set<SentenceInfo> {
  const shown = quotes.filter((q) => q.key && !q.partial);
  const addresses = new Set(shown.flatMap((q) => q.evidence.map((e) => `${e.source}:${e.paragraph}:${e.sentence}`)));
  return new Set(corpus.sentences.filter((s) => addresses.has(`${s.sentence.source}:${s.sentence.paragraph}:${s.sentence.index}`)));
}
