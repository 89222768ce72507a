/**
 * Sources that belong to another story: the feed's football report in a folder about a port strike. Each
 * source is compared with the centre of the others (leave-one-out), in a vector of its content words weighted
 * by how rare they are in general English; one far below both a fixed floor and the cluster's own typical
 * similarity is flagged. Pure and deterministic; linear in the number of words.
 */
import type { Document } from '../model/source.js';
import { storyTermVector } from './off-topic-terms.js';
import { sharedTextLinks } from './shared-text.js';
import type { TermVector } from './terms.js';

/** A source that does not tell the story the others tell. */
export interface OffTopicSource {
  /** Source id ("S3"). */
  source: string;
  /** Cosine similarity to the centre of the other sources, 0..1, rounded to 3 places. */
  similarity: number;
  /** Why, as a sentence for the reader. */
  reason: string;
}

export interface OffTopicOptions {
  /**
   * Similarity to the others below which a source may be off topic. Default: `OFF_TOPIC_FLOOR`.
   */
  floor?: number;
  /**
   * Share of the typical (median) similarity of the other sources below which a source may be off topic.
   * Default: `OFF_TOPIC_RATIO`.
   */
  ratio?: number;
}

/*
 * Thresholds chosen on real clusters (DUC 2004 dev: 25 stories of 10 newswire articles), each mixed with
 * articles drawn from the other stories: 600 mixes of one stray, 200 of three.
 * - True articles sit 0.13–0.91 from the rest; the lowest are the text of a law printed beside the
 *   antitrust suit it underlies (0.13) and features written around the story. Strays sit at 0.04 (median),
 *   0.08 (90th percentile). The 37 of 600 at 0.10 or more share a theme with the story: a neighbouring story
 *   (a second North Korea story, Kosovo fighting beside the war-crimes tribunal, the same space-station
 *   launch), the same kind of story elsewhere (a government falling in Italy, in Turkey), or the broadest
 *   cluster (the 1998 market turmoil, which touches every economy: 9 of the 37).
 * - Floor 0.10 flags 94% of strays and no true article; 0.12 flags 96%, with 0.006 of margin below the
 *   lowest true article; 0.15 flags true articles (2 in the clean clusters, 48 in the mixes).
 * - On DUC the floor decides alone. The ratio is for loose folders, where every source is far from the
 *   rest: in groups of 10 BBC articles of one section (a topic, not a story) the floor alone flags 189 of
 *   1,000, with the ratio at 0.4 it flags 67. A ratio of 0.3 flags 27 but misses 1.5 points more strays.
 * Nothing is flagged in the 25 clean DUC clusters or the dev set.
 */
/** Similarity to the others below which a source may be off topic. */
export const OFF_TOPIC_FLOOR = 0.1;
/** Share of the median similarity of the others below which a source may be off topic. */
export const OFF_TOPIC_RATIO = 0.4;
/** With fewer sources there is no "rest" to tell a stray from. */
const MIN_SOURCES = 3;

/**
 * Sources that do not belong to the story the others tell, in document order. Never more than a minority
 * (fewer than half) of the sources: when as many differ as agree, the folder holds two stories and none is
 * a stray, so nothing is returned. Nothing for fewer than 3 sources.
 */
export function findOffTopic(documents: readonly Document[], options: OffTopicOptions = {}): OffTopicSource[] {
  const floor = options.floor ?? OFF_TOPIC_FLOOR;
  const ratio = options.ratio ?? OFF_TOPIC_RATIO;
  if (documents.length < MIN_SOURCES) return [];
  const vectors = documents.map((doc) => storyTermVector(doc));
  const similarities = leaveOneOutSimilarities(vectors, reprintGroups(documents));
  // A source with no content words cannot be judged, and says nothing that could be off topic.
  const scored = similarities.flatMap((s, i) => (s === undefined ? [] : [{ index: i, similarity: s }]));
  if (scored.length < MIN_SOURCES) return [];
  const sorted = scored.map((s) => s.similarity).sort((a, b) => a - b);
  const strays = scored.filter((s) => s.similarity < floor && s.similarity < ratio * medianWithout(sorted, s.similarity));
  if (strays.length === 0 || strays.length * 2 >= documents.length) return [];
  const flagged = new Set(strays.map((s) => s.index));
  const leastRelated = Math.min(...scored.filter((s) => !flagged.has(s.index)).map((s) => s.similarity));
  return strays.map(({ index, similarity }) => ({
    source: documents[index]!.source.id,
    similarity: round(similarity, 3),
    reason:
      `shares few terms with the other ${documents.length - 1} sources ` +
      `(similarity ${similarity.toFixed(2)}; the least related of the others is ${leastRelated.toFixed(2)})`,
  }));
}

/**
 * Each source's cosine similarity to the normalised sum of the others' vectors, leaving out its own reprints
 * too: two copies of one agency item would otherwise vouch for each other. Undefined for an empty vector.
 * One pass over every vector for the sum, one more for the dot products.
 */
function leaveOneOutSimilarities(vectors: readonly TermVector[], groups: readonly number[]): Array<number | undefined> {
  const total: TermVector = new Map();
  const byGroup = new Map<number, TermVector>();
  vectors.forEach((v, i) => {
    const group = byGroup.get(groups[i]!) ?? new Map<string, number>();
    byGroup.set(groups[i]!, group);
    for (const [term, w] of v) {
      total.set(term, (total.get(term) ?? 0) + w);
      group.set(term, (group.get(term) ?? 0) + w);
    }
  });
  const totalNorm2 = squaredNorm(total);
  const groupDot = new Map<number, number>();
  const groupNorm2 = new Map<number, number>();
  for (const [g, sum] of byGroup) {
    groupDot.set(g, dot(sum, total));
    groupNorm2.set(g, squaredNorm(sum));
  }
  return vectors.map((v, i) => {
    if (v.size === 0) return undefined;
    const g = groups[i]!;
    const own = byGroup.get(g)!;
    // |total − own|² = |total|² − 2·own·total + |own|², so the others' centre costs no second sum.
    const othersNorm2 = totalNorm2 - 2 * groupDot.get(g)! + groupNorm2.get(g)!;
    if (othersNorm2 <= 1e-12) return 0;
    const similarity = (dot(v, total) - dot(v, own)) / Math.sqrt(othersNorm2);
    return Math.min(1, Math.max(0, similarity));
  });
}

/** For each document, the smallest index of the documents that print the same copy (itself when none). */
function reprintGroups(documents: readonly Document[]): number[] {
  const groups = documents.map((_, i) => i);
  const find = (i: number): number => (groups[i] === i ? i : (groups[i] = find(groups[i]!)));
  for (const { a, b } of sharedTextLinks(documents)) {
    const [x, y] = [find(a), find(b)];
    if (x !== y) groups[Math.max(x, y)] = Math.min(x, y);
  }
  return groups.map((_, i) => find(i));
}

/** The median of `sorted` with one occurrence of `value` taken out. */
function medianWithout(sorted: readonly number[], value: number): number {
  const at = sorted.indexOf(value);
  const n = sorted.length - 1;
  const nth = (k: number): number => sorted[k < at ? k : k + 1]!;
  return n % 2 === 1 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
}

function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

function squaredNorm(v: TermVector): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return sum;
}

function round(x: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(x * scale) / scale;
}
