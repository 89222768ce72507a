/**
 * Concepts of a story for choosing summary points: pairs of adjacent content words (stemmed), weighted by
 * how many sources use them. A point is worth the weight of the concepts it adds to those already chosen,
 * so the summary covers what most outlets say once, instead of one sub-event several times
 * (concept coverage, after Gillick & Favre 2009).
 */
import type { SentenceInfo } from './corpus.js';

export type ConceptWeights = Map<string, number>;

/** A sentence's concepts: its adjacent content-term pairs, each once. */
export function conceptsOf(s: SentenceInfo): string[] {
  const out = new Set<string>();
  for (let i = 1; i < s.terms.length; i++) out.add(`${s.terms[i - 1]} ${s.terms[i]}`);
  return [...out];
}

/**
 * Each concept's weight: the number of sources using it, and `singleSourceWeight` for one outlet's own turn
 * of phrase when the story has several sources; with one source, how often it is used.
 */
export function conceptWeights(sentences: SentenceInfo[], singleSourceWeight: number): ConceptWeights {
  const bySource = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const s of sentences) {
    let seen = bySource.get(s.sentence.source);
    if (!seen) bySource.set(s.sentence.source, (seen = new Set()));
    for (const c of conceptsOf(s)) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      seen.add(c);
    }
  }
  if (bySource.size === 1) return counts;
  const df = new Map<string, number>();
  for (const seen of bySource.values()) for (const c of seen) df.set(c, (df.get(c) ?? 0) + 1);
  const weights: ConceptWeights = new Map();
  for (const [c, n] of df) weights.set(c, n >= 2 ? n : singleSourceWeight);
  return weights;
}

/** What a sentence adds: the weight of its concepts not yet covered. */
export function conceptGain(concepts: readonly string[], weights: ConceptWeights, covered: ReadonlySet<string>): number {
  let gain = 0;
  for (const c of concepts) if (!covered.has(c)) gain += weights.get(c) ?? 0;
  return gain;
}
