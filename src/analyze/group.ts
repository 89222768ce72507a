/**
 * Cross-source grouping: sentences that state the same fact (in one source or several, however worded)
 * become one claim, so a fact counts once and cites every source that carries it. Which sentences state
 * the same fact is the alignment layer's answer (align/); this module only gathers the pairs and groups.
 */
import type { Corpus, SentenceInfo } from './corpus.js';
import { compareSourceIds } from './corpus.js';
import { sameFact, shapeOfSentence } from './align/index.js';
import { meaningBuckets } from './align/buckets.js';

export interface Claim {
  members: SentenceInfo[];
  /** Source ids carrying the claim, in numeric order. */
  sources: string[];
}

/** Up to this many sentence pairs, every pair is compared; past it, only candidates are (near-linear). */
const ALL_PAIRS_LIMIT = 20_000;

/**
 * Candidate pairs from shared rare terms come only from each sentence's rarest terms, and only from terms
 * found in fewer than this share of sentences (and this many at most): common words would make the
 * comparison quadratic on large clusters.
 */
const COMMON_TERM_SHARE = 0.2;
const MAX_POSTING = 100;
const RAREST_TERMS = 5;

/** Group sentences that state the same fact (single linkage, via union-find). */
export function groupClaims(corpus: Corpus): Claim[] {
  const items = corpus.sentences;
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) [parent[i], i] = [r, parent[i]!];
    return r;
  };
  for (const [i, j] of candidatePairs(corpus)) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    if (sameFact(items[i]!, items[j]!)) parent[Math.max(a, b)] = Math.min(a, b);
  }

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

/** Index pairs (i < j) worth comparing, each once, in a fixed order. */
export function candidatePairs(corpus: Corpus): Array<[number, number]> {
  const items = corpus.sentences;
  const n = items.length;
  const pairs: Array<[number, number]> = [];
  if ((n * (n - 1)) / 2 <= ALL_PAIRS_LIMIT) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    return pairs;
  }
  // Each pair is noted under its lower index, then each sentence's list is made distinct and sorted.
  const later: number[][] = items.map(() => []);
  const link = (i: number, j: number) => {
    if (i < j) later[i]!.push(j);
    else if (j < i) later[j]!.push(i);
  };
  const terms = items.map((s) => [...new Set(s.terms)]);
  const postings = new Map<string, number[]>();
  terms.forEach((list, i) => {
    for (const t of list) {
      const posting = postings.get(t);
      if (posting) posting.push(i);
      else postings.set(t, [i]);
    }
  });
  const maxPosting = Math.min(MAX_POSTING, Math.max(2, Math.floor(n * COMMON_TERM_SHARE)));
  terms.forEach((list, i) => {
    const rarest = list
      .map((t) => postings.get(t)!)
      .filter((posting) => posting.length <= maxPosting)
      .sort((a, b) => a.length - b.length)
      .slice(0, RAREST_TERMS);
    for (const posting of rarest) for (const j of posting) link(i, j);
  });
  // Paraphrases that share no rare word ("the US" / "Washington") meet through their meaning vectors.
  for (const bucket of meaningBuckets(items.map((s) => shapeOfSentence(s).meaning))) {
    for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) link(bucket[x]!, bucket[y]!);
  }
  const seenBy = new Int32Array(n).fill(-1);
  later.forEach((list, i) => {
    const distinct: number[] = [];
    for (const j of list) {
      if (seenBy[j] === i) continue;
      seenBy[j] = i;
      distinct.push(j);
    }
    for (const j of distinct.sort((a, b) => a - b)) pairs.push([i, j]);
  });
  return pairs;
}
