/**
 * Multi-document extractive summary: a bottom line up front plus key points, chosen for centrality,
 * position and corroboration across sources, without redundancy (MMR), within a word budget.
 */
import type { SummaryPoint } from '../model/briefing.js';
import { compareSourceIds, evidenceOf, type Corpus, type SentenceInfo } from './corpus.js';
import type { Claim } from './group.js';
import { align, restates } from './align/index.js';
import { isCalendarDate } from './dates/calendar.js';
import { findDates } from './dates/index.js';
import { cosine, normalise, type TermVector } from './terms.js';
import { conceptGain, conceptsOf, conceptWeights, type ConceptWeights } from './summary-concepts.js';

/** Weights of the three signals in a sentence's score. */
const WEIGHTS = { centrality: 0.4, position: 0.4, corroboration: 0.2 };
/** How much what a point adds to the covered concepts counts against its own score (the rest). */
const NOVELTY = 0.5;
/** A concept only one source uses weighs this much (one per source for shared ones): it still beats nothing. */
const SINGLE_SOURCE_CONCEPT_WEIGHT = 0.25;
/** How much the bottom line's choice leans to the newest sources, among the LEAD_FINALISTS best lead sentences. */
const LEAD_RECENCY = 0.3;
const LEAD_FINALISTS = 20;
const RECENCY_HALF_LIFE_DAYS = 3;
/** A point all of whose dates lie this many days before its source's day is background. */
const BACKGROUND_DAYS = 30;

/** Openings that lean on an earlier sentence ("But…", "The move…"): such a sentence reads poorly alone. */
const DEPENDENT_OPENING =
  /^(?:this|that|these|those|there|but|and|or|so|also|however|meanwhile|still|yet|then|instead|later|earlier|the move|the statement|the decision|such|(?:a few|several|some|\w+) (?:minutes|hours|days|weeks|months|years) (?:later|earlier|after|before))\b/i;
/** A pronoun subject ("He said…"): alone, nobody can tell who is meant; a last resort as a point. */
const PRONOUN_OPENING = /^(?:he|she|they|it|its|his|her|their)\b/i;

interface Candidate {
  claim: Claim;
  best: SentenceInfo;
  score: number;
  /** Sentences of other claims that restate this point: shown once, their sources cited. */
  restated: SentenceInfo[];
}

/** Pick the summary points for a set of claims; the first is the bottom line. */
export function summarize(
  corpus: Corpus,
  claims: Claim[],
  wordBudget: number,
  /** Sentences the brief already shows elsewhere (key quotes): not made points again. */
  shownElsewhere: ReadonlySet<SentenceInfo> = new Set(),
  /** Sources the previous brief of this story was made from: on a daily brief, what the others add leads. */
  earlierSources: ReadonlySet<string> = new Set(),
): SummaryPoint[] {
  const sourceCount = new Set(corpus.sentences.map((s) => s.sentence.source)).size;
  const center = storyCentre(corpus);
  // Sentences shown elsewhere are left out, unless nothing else could make a summary at all.
  const candidates = candidatesOf(claims, center, sourceCount, shownElsewhere);
  if (candidates.length === 0) candidates.push(...candidatesOf(claims, center, sourceCount, new Set()));
  candidates.sort((a, b) => b.score - a.score || compareAddress(a.best, b.best));
  if (candidates.length === 0) return [];

  // The budget binds the bottom line too; only when no sentence fits at all is the shortest one taken.
  const fitting = candidates.filter((c) => c.best.words <= wordBudget);
  const days = publicationDays(corpus);
  const recency = recencyOf(days);
  // The bottom line: among the best-scored lead sentences, the newest development weighs more.
  const leadValue = (c: Candidate) => c.score * (1 - LEAD_RECENCY + LEAD_RECENCY * (recency.get(c.best.sentence.source) ?? 0));
  const references = new Map(corpus.documents.map((d) => [d.source.id, d.source.meta.published]));
  const background = new Map<Candidate, boolean>();
  const isBackground = (c: Candidate) => {
    let past = background.get(c);
    if (past === undefined) background.set(c, (past = tellsOfThePast(c.best.sentence.text, references.get(c.best.sentence.source))));
    return past;
  };
  // The bottom line is news: a sentence about something long past leads only when nothing else can.
  // Only the first LEAD_FINALISTS that qualify are weighed, so the dates of the rest are never read.
  const leadable = fitting.filter((c) => isLeadMaterial(c.best));
  const current = leadable.some((c) => !isBackground(c)) ? (c: Candidate) => !isBackground(c) : () => true;
  // Daily briefs: a fact no source of the last brief carried is news; only when there is none does the rest compete.
  const isNew = (c: Candidate) => c.claim.members.every((m) => !earlierSources.has(m.sentence.source));
  const news = earlierSources.size > 0 ? firstThat(leadable, LEAD_FINALISTS, (c) => isNew(c) && current(c)) : [];
  const lead =
    (news.length > 0 ? news : firstThat(leadable, LEAD_FINALISTS, current))
      .reduce<Candidate | undefined>((best, c) => (!best || leadValue(c) > leadValue(best) ? c : best), undefined) ??
    fitting[0] ??
    candidates.reduce((shortest, c) => (c.best.words < shortest.best.words ? c : shortest));
  const chosen = pickPoints(lead, candidates, conceptWeights(corpus.sentences, SINGLE_SOURCE_CONCEPT_WEIGHT), wordBudget);
  // New before background: after the bottom line, points that tell of something long past come last.
  const points = [chosen[0]!, ...chosen.slice(1).filter((c) => !isBackground(c)), ...chosen.slice(1).filter(isBackground)];
  return points.map(({ claim, best, restated }) => {
    const carriers = [...claim.members, ...restated];
    return {
      text: best.sentence.text,
      sources: [...new Set(carriers.map((m) => m.sentence.source))].sort(compareSourceIds),
      evidence: [best, ...carriers.filter((m) => m !== best && m.sentence.source !== best.sentence.source)]
      .filter((m, i, all) => all.findIndex((o) => o.sentence.source === m.sentence.source) === i)
      .sort((a, b) => compareAddress(a, b))
      .map((m) => evidenceOf(m.sentence)),
    };
  });
}

/**
 * The points after the bottom line, greedily: each pick weighs a candidate's own score against what it adds
 * to the concepts already covered per word it costs, so the points cover the story's arc instead of
 * one sub-event several times; a candidate that adds nothing is not taken.
 */
function pickPoints(lead: Candidate, candidates: Candidate[], weights: ConceptWeights, wordBudget: number): Candidate[] {
  const chosen: Candidate[] = [lead];
  let words = lead.best.words;
  const top = candidates[0]!.score;
  const covered = new Set(conceptsOf(lead.best));
  const remaining = candidates
    .filter((c) => c !== lead)
    .slice(0, MAX_CANDIDATES)
    .map((c) => ({ c, concepts: conceptsOf(c.best) }));
  while (remaining.length > 0) {
    const rates = remaining.map(({ c, concepts }) =>
      words + c.best.words > wordBudget ? -1 : conceptGain(concepts, weights, covered) / c.best.words,
    );
    const bestRate = Math.max(Number.MIN_VALUE, ...rates);
    let pick = -1;
    let pickValue = 0;
    remaining.forEach(({ c }, i) => {
      const rate = rates[i]!;
      if (rate <= 0) return;
      const value = (1 - NOVELTY) * (c.score / top) + NOVELTY * summaryFitness(c.best) * (rate / bestRate);
      if (value > pickValue) [pick, pickValue] = [i, value];
    });
    if (pick < 0) break;
    const [{ c: next, concepts }] = remaining.splice(pick, 1) as [(typeof remaining)[number]];
    // A point that says again what a chosen one says is not shown twice: the chosen point cites it instead.
    const restated = chosen.find((x) => restates(x.best, next.best));
    if (restated) {
      restated.restated.push(next.best, ...next.claim.members.filter((m) => m !== next.best));
      continue;
    }
    chosen.push(next);
    for (const c of concepts) covered.add(c);
    words += next.best.words;
  }
  return chosen;
}

/** The first `n` items that `keep`, in order, without testing the rest. */
function firstThat<T>(items: readonly T[], n: number, keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length === n) break;
    if (keep(item)) out.push(item);
  }
  return out;
}

/** Whether every date a sentence gives lies more than BACKGROUND_DAYS before its source's day: history, not news. */
function tellsOfThePast(text: string, reference: string | undefined): boolean {
  if (!isCalendarDate(reference)) return false;
  const dates = findDates(text, { reference });
  const limit = Date.parse(reference) - BACKGROUND_DAYS * 86_400_000;
  return dates.length > 0 && dates.every((d) => Date.parse(d.end) < limit);
}

/** Each source's publication day (days since 1970), for sources that have one. */
function publicationDays(corpus: Corpus): Map<string, number> {
  const days = new Map<string, number>();
  for (const d of corpus.documents) {
    const time = Date.parse(d.source.meta.published ?? '');
    if (!Number.isNaN(time)) days.set(d.source.id, Math.floor(time / 86_400_000));
  }
  return days;
}

/** How recent each dated source is: 1 on the newest publication day, halving every RECENCY_HALF_LIFE_DAYS. */
function recencyOf(days: Map<string, number>): Map<string, number> {
  const newest = Math.max(...days.values());
  return new Map([...days].map(([id, day]) => [id, Math.pow(0.5, (newest - day) / RECENCY_HALF_LIFE_DAYS)]));
}

/** Each claim's best sentence as a candidate point, with its score (claims with no fit sentence give none). */
function candidatesOf(claims: Claim[], center: TermVector, sourceCount: number, leftOut: ReadonlySet<SentenceInfo>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const claim of claims) {
    // Typicality compares members with each other: only the few best by their own score are weighed so.
    const scored = claim.members
      .filter((m) => !leftOut.has(m))
      .map((member) => ({ member, score: sentenceScore(member, center, claim, sourceCount) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || compareAddress(a.member, b.member))
      .slice(0, TYPICALITY_FINALISTS)
      .map((s) => ({ member: s.member, score: s.score * (0.5 + 0.5 * typicality(s.member, claim)) }));
    let best: (typeof scored)[number] | undefined;
    for (const s of scored) if (!best || s.score > best.score) best = s;
    if (best) candidates.push({ claim, best: best.member, score: best.score, restated: [] });
  }
  return candidates;
}

/**
 * Only the best-scored candidates compete for the points: a summary of a few points never reaches further
 * down, and each pick weighs every remaining candidate (merges included), so all of them would be quadratic.
 */
const MAX_CANDIDATES = 300;

/** How many of a claim's members are weighed for typicality, and against how many others at most. */
const TYPICALITY_FINALISTS = 5;
const TYPICALITY_PEERS = 20;

/**
 * How well a member stands for its claim: its mean alignment with the other sources' members (1 alone).
 * The sentence the outlets share best is the point, not one that adds its own clause to the fact.
 */
function typicality(member: SentenceInfo, claim: Claim): number {
  const others = claim.members.filter((m) => m.sentence.source !== member.sentence.source).slice(0, TYPICALITY_PEERS);
  if (others.length === 0) return 1;
  return others.reduce((sum, m) => sum + align(member, m).probability, 0) / others.length;
}

/**
 * The centre of the story: each source's sentences summed and damped by the square root of their number,
 * so neither a long source nor a two-line one dominates.
 */
function storyCentre(corpus: Corpus): TermVector {
  const bySource = new Map<string, TermVector[]>();
  for (const s of corpus.sentences) {
    const list = bySource.get(s.sentence.source);
    if (list) list.push(s.vector);
    else bySource.set(s.sentence.source, [s.vector]);
  }
  const sum: TermVector = new Map();
  for (const vectors of bySource.values()) {
    const damping = 1 / Math.sqrt(vectors.length);
    for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w * damping);
  }
  return normalise(sum);
}

function sentenceScore(s: SentenceInfo, center: TermVector, claim: Claim, sourceCount: number): number {
  const fitness = summaryFitness(s);
  if (fitness === 0) return 0;
  const corroboration = sourceCount > 1 ? (claim.sources.length - 1) / (sourceCount - 1) : 0;
  return (
    fitness *
    (WEIGHTS.centrality * cosine(s.vector, center) +
      WEIGHTS.position * leadness(claim, sourceCount) +
      WEIGHTS.corroboration * corroboration)
  );
}

/** How high up the stories a claim stands: its best position in each source, averaged over all sources. */
function leadness(claim: Claim, sourceCount: number): number {
  const best = new Map<string, number>();
  for (const m of claim.members) {
    const weight = (1 / Math.sqrt(m.sentence.paragraph)) * (m.sentence.index === 1 ? 1 : 0.7);
    best.set(m.sentence.source, Math.max(best.get(m.sentence.source) ?? 0, weight));
  }
  let sum = 0;
  for (const w of best.values()) sum += w;
  return sum / Math.max(1, sourceCount);
}

/** How fit a sentence is to stand alone in a summary, from 0 (never) to 1. */
export function summaryFitness(s: SentenceInfo): number {
  const text = s.sentence.text.trim();
  if (s.role === 'heading' || s.role === 'caption') return 0;
  if (s.words < 6 || text.endsWith('?')) return 0;
  let fitness = 1;
  if (s.words > 50) fitness *= 0.4;
  if (quotedShare(text) > 0.5) fitness *= 0.2;
  if (PRONOUN_OPENING.test(text)) fitness *= 0.1;
  if (DEPENDENT_OPENING.test(text)) fitness *= 0.4;
  if (/^[\p{Ll}]/u.test(text)) fitness *= 0.3;
  if (!/[.!…]["”’)]?$/.test(text)) fitness *= 0.6;
  return fitness;
}

/** A bottom line must stand on its own and come from the top of a story. */
function isLeadMaterial(s: SentenceInfo): boolean {
  return s.sentence.paragraph <= 3 && summaryFitness(s) >= 0.9;
}

/** Share of the characters that sit inside quotation marks. */
function quotedShare(text: string): number {
  let quoted = 0;
  for (const m of text.matchAll(/[“"«„]([^”"»“]*)[”"»“]/g)) quoted += m[1]!.length;
  return text.length ? quoted / text.length : 0;
}

function compareAddress(a: SentenceInfo, b: SentenceInfo): number {
  return (
    compareSourceIds(a.sentence.source, b.sentence.source) ||
    a.sentence.paragraph - b.sentence.paragraph ||
    a.sentence.index - b.sentence.index
  );
}
