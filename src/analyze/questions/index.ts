/**
 * Open questions: what the sources leave unresolved — conflicting figures, dates and claims, pending and
 * scheduled items, stated unknowns, conditionals — each a short question citing its sources. Pure and deterministic.
 */
import type { Conflict, Evidence, Question, QuestionKind, TimelineEntry } from '../../model/briefing.js';
import type { Warning } from '../../model/warning.js';
import type { Corpus, SentenceInfo } from '../corpus.js';
import { compareSourceIds, evidenceOf } from '../corpus.js';
import type { Claim } from '../group.js';
import { centroid, cosine, termsOf, vectorOf } from '../terms.js';
import { conditionalQuestions } from './conditional.js';
import { findConflicts, type FoundConflict } from './conflicts.js';
import { findContradictions } from './contradictions.js';
import { findDateConflicts } from './date-conflicts.js';
import { dedupeQuestions, mergeEvidence, SAME_QUESTION_SIMILARITY, type Ranked } from './dedupe.js';
import { pendingQuestions } from './pending.js';
import { timelineConflicts } from './timeline-conflicts.js';
import { unknownQuestions } from './unknown.js';
import { commonWordTest, viewOf, type Candidate, type SentenceView } from './view.js';

/** At most this many questions in a brief. */
export const MAX_QUESTIONS = 8;
/** At most this many of each kind, so one kind cannot crowd out the others. */
const KIND_CAP: Record<QuestionKind, number> = { conflict: 3, pending: 4, unknown: 3, conditional: 2 };
const KIND_ORDER: QuestionKind[] = ['conflict', 'pending', 'unknown', 'conditional'];

export interface QuestionsResult {
  questions: Question[];
  conflicts: Conflict[];
  warnings: Warning[];
}

/**
 * Build the open questions and source conflicts of a corpus for a brief dated `briefingDate` (ISO); `timeline`
 * is the corpus's timeline (its entries), where dates given differently for one event are found.
 */
export function buildQuestions(corpus: Corpus, claims: Claim[], briefingDate: string, timeline: TimelineEntry[]): QuestionsResult {
  const references = new Map(corpus.documents.map((d) => [d.source.id, publishedOr(d.source.meta.published, briefingDate)]));
  const isCommonWord = commonWordTest(corpus.sentences);
  const views = corpus.sentences
    .map((info) => viewOf(info, references.get(info.sentence.source) ?? briefingDate, isCommonWord))
    .filter((v): v is SentenceView => v !== null);
  const claimOf = new Map<SentenceInfo, Claim>();
  for (const claim of claims) for (const m of claim.members) claimOf.set(m, claim);
  const centre = centroid(corpus.sentences.map((s) => s.vector));

  const dateContext = {
    views,
    idf: corpus.idf,
    outlets: new Map(corpus.documents.map((d) => [d.source.id, d.source.meta.outlet ?? null])),
    dated: new Set(corpus.documents.filter((d) => publishedOr(d.source.meta.published, '') !== '').map((d) => d.source.id)),
    isCommonWord,
  };
  const found = distinctConflicts(
    [
      ...findConflicts(views),
      ...timelineConflicts(timeline, views, isCommonWord),
      ...findDateConflicts(timeline, dateContext),
      ...findContradictions(views, corpus.idf),
    ].map((f) => ({
      found: f,
      weight: f.question.sources.length * 10 + centrality(f.views, centre),
    })),
  );
  const conflictRanks: Ranked[] = found.map(({ found: f, weight }) => ({ question: f.question, weight }));
  const candidates = views.flatMap((v) => [...pendingQuestions(v, briefingDate), ...unknownQuestions(v), ...conditionalQuestions(v)]);
  const ranked = dedupeQuestions(candidates.map((c) => rankedOf(c, claimOf.get(c.view.info), centre)), corpus.idf);
  // "Will the plant close the line?" is asked by "Will the plant close the line: yes (S1) or no (S2)?".
  const vectorOfQuestion = (q: Question) => vectorOf(termsOf(q.text.split(':')[0]!), corpus.idf);
  const asksSame = (q: Question, conflict: Question) => cosine(vectorOfQuestion(q), vectorOfQuestion(conflict)) >= SAME_QUESTION_SIMILARITY;
  const chosen = select([...conflictRanks, ...ranked], asksSame);
  const questions = chosen.map((r) => r.question);
  const kept = new Set(questions);
  const conflicts = found.filter(({ found: f }) => kept.has(f.question)).map(({ found: f }) => f.conflict);
  return { questions, conflicts, warnings: [] };
}

/**
 * One conflict per pair of disagreeing sentences, best first: a date conflict and a figure conflict drawn from
 * the same sentences of two sources ("three died on Monday" / "four died on Tuesday") are asked once.
 */
function distinctConflicts(ranked: Array<{ found: FoundConflict; weight: number }>): Array<{ found: FoundConflict; weight: number }> {
  const sorted = [...ranked].sort((a, b) => b.weight - a.weight || a.found.question.text.localeCompare(b.found.question.text));
  const kept: Array<{ found: FoundConflict; weight: number }> = [];
  const addresses = (e: Evidence[]) => new Set(e.map((x) => `${x.source}:${x.paragraph}:${x.sentence}`));
  for (const r of sorted) {
    const mine = addresses(r.found.question.evidence);
    const same = kept.some((k) => {
      const common = [...addresses(k.found.question.evidence)].filter((a) => mine.has(a));
      return new Set(common.map((a) => a.slice(0, a.indexOf(':')))).size >= 2;
    });
    if (!same) kept.push(r);
  }
  return kept;
}

function publishedOr(published: string | undefined, fallback: string): string {
  return published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : fallback;
}

/** A candidate as a question citing every source of its claim, weighted by kind rules, corroboration and centrality. */
function rankedOf(c: Candidate, claim: Claim | undefined, centre: Map<string, number>): Ranked {
  const members = claim?.members ?? [c.view.info];
  const sources = claim?.sources ?? [c.view.info.sentence.source];
  const evidence = mergeEvidence([], members.map((m) => evidenceOf(m.sentence)));
  const weight = c.weight + (sources.length - 1) + centrality([c.view], centre);
  return { question: { text: c.text, kind: c.kind, sources: [...sources].sort(compareSourceIds), evidence }, weight };
}

/** How central the sentences are to the story (0–1): near the centroid of all sentences. */
function centrality(views: SentenceView[], centre: Map<string, number>): number {
  return Math.max(0, ...views.map((v) => cosine(v.info.vector, centre)));
}

/**
 * The questions to show: conflicts first, then pending, unknown and conditional taken in turn (best of each
 * kind first) up to the caps, leaving out what a chosen conflict already asks; shown grouped by kind in that order.
 */
function select(ranked: Ranked[], asksSame: (q: Question, conflict: Question) => boolean): Ranked[] {
  const byKind = new Map<QuestionKind, Ranked[]>(KIND_ORDER.map((k) => [k, []]));
  for (const r of ranked) byKind.get(r.question.kind)!.push(r);
  for (const list of byKind.values()) list.sort((a, b) => b.weight - a.weight || a.question.text.localeCompare(b.question.text));
  const conflicts = byKind.get('conflict')!.slice(0, KIND_CAP.conflict);
  const chosen = new Set<Ranked>(conflicts);
  for (const kind of KIND_ORDER.slice(1)) {
    byKind.set(kind, byKind.get(kind)!.filter((r) => !conflicts.some((c) => asksSame(r.question, c.question))));
  }
  const taken = new Map<QuestionKind, number>(KIND_ORDER.map((k) => [k, 0]));
  for (let round = 0; chosen.size < MAX_QUESTIONS; round++) {
    let added = false;
    for (const kind of KIND_ORDER.slice(1)) {
      const next = byKind.get(kind)![round];
      if (!next || taken.get(kind)! >= KIND_CAP[kind] || chosen.size >= MAX_QUESTIONS) continue;
      chosen.add(next);
      taken.set(kind, taken.get(kind)! + 1);
      added = true;
    }
    if (!added) break;
  }
  return KIND_ORDER.flatMap((k) => byKind.get(k)!.filter((r) => chosen.has(r)));
}
