/**
 * Cross-source grouping: sentences that say the same thing (in one source or several) become one claim,
 * so a fact counts once and cites every source that carries it.
 */
import type { Corpus, SentenceInfo } from './corpus.js';
import { compareSourceIds } from './corpus.js';
import { cosine } from './terms.js';

export interface Claim {
  members: SentenceInfo[];
  /** Source ids carrying the claim, in numeric order. */
  sources: string[];
}

/** Cosine similarity above which two sentences are taken to say the same thing. */
export const SAME_CLAIM_SIMILARITY = 0.6;

/**
 * Candidate pairs come only from each sentence's rarest terms, and only from terms found in fewer than
 * this share of sentences (and this many at most): two sentences that say the same thing share their rare
 * words, and common words would make the comparison quadratic on large clusters.
 */
const COMMON_TERM_SHARE = 0.2;
const MAX_POSTING = 100;
const RAREST_TERMS = 5;

/** Group sentences whose vectors are at least `threshold` similar (single linkage, via union-find). */
export function groupClaims(corpus: Corpus, threshold = SAME_CLAIM_SIMILARITY): Claim[] {
  const items = corpus.sentences;
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) [parent[i], i] = [r, parent[i]!];
    return r;
  };

  const postings = new Map<string, number[]>();
  items.forEach((s, i) => {
    for (const t of new Set(s.terms)) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const maxPosting = Math.min(MAX_POSTING, Math.max(2, Math.floor(items.length * COMMON_TERM_SHARE)));

  items.forEach((s, i) => {
    const seen = new Set<number>();
    const rarest = [...new Set(s.terms)]
      .map((t) => postings.get(t)!)
      .filter((list) => list.length <= maxPosting)
      .sort((a, b) => a.length - b.length)
      .slice(0, RAREST_TERMS);
    for (const list of rarest) {
      for (const j of list) {
        // Both directions: the rarest terms of i and of j may differ.
        if (j === i || seen.has(j)) continue;
        seen.add(j);
        if (cosine(s.vector, items[j]!.vector) >= threshold) {
          const a = find(i);
          const b = find(j);
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
  });

  const groups = new Map<number, SentenceInfo[]>();
  items.forEach((s, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()].map((members) => ({
    members,
    sources: [...new Set(members.map((m) => m.sentence.source))].sort(compareSourceIds),
  }));
}
