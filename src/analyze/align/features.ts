/**
 * The evidence that two sentences state the same fact, as numbers a fitted model weighs (see model.ts):
 * how much of each one's words and meaning the other covers, and which particulars differ.
 */
import { wordVectors } from '../../lexicon/word-vectors.js';
import { commonCount } from './keys.js';
import type { SentenceShape } from './shape.js';

export const FEATURE_NAMES = [
  'lemmaCoverMin',
  'lemmaCoverMax',
  'bigramCoverMin',
  'bigramCoverMax',
  'contentCoverMin',
  'contentCoverMax',
  'meaningCoverMin',
  'meaningCoverMax',
  'meaningCosine',
  'commonSubsequence',
  'lengthGap',
  'numbersDiffer',
  'numbersUnmatched',
  'namesUnmatched',
  'negationDiffers',
  'charGramCoverMin',
  'charGramCoverMax',
  'unmatchedContentMax',
  'unmatchedContentMin',
  'shorterLength',
  'numbersAgree',
  'quotationShared',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Word similarity below which a word is not taken to stand for another. */
const WORD_MATCH_FLOOR = 0.5;

/** Features read from the words' meaning: the costly part of a pair, each valued in [0, 1]. */
export const MEANING_FEATURES: ReadonlySet<FeatureName> = new Set([
  'meaningCoverMin',
  'meaningCoverMax',
  'unmatchedContentMax',
  'unmatchedContentMin',
]);
export const FEATURE_INDEX = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<FeatureName, number>;

export function pairFeatures(a: SentenceShape, b: SentenceShape): number[] {
  return withMeaningFeatures(lexicalFeatures(a, b), a, b);
}

/**
 * Every feature but the meaning features, which are left NaN: enough to rule most pairs out (the model's
 * best case over the missing ones, model.ts) before the word-by-word similarities are computed.
 */
export function lexicalFeatures(a: SentenceShape, b: SentenceShape): number[] {
  const [x, y] = [a.keys, b.keys];
  const lemma = coverage(x.lemmas, y.lemmas);
  const bigram = coverage(x.bigrams, y.bigrams);
  const content = coverage(x.content, y.content);
  const chars = coverage(x.charGrams, y.charGrams);
  const numbersA = new Set(a.numbers);
  const numbersB = new Set(b.numbers);
  const unmatchedNumbers = [...numbersA].filter((n) => !numbersB.has(n)).length + [...numbersB].filter((n) => !numbersA.has(n)).length;
  const namesA = new Set(a.names);
  const namesB = new Set(b.names);
  const allNames = new Set([...namesA, ...namesB]).size;
  const unmatchedNames = [...namesA].filter((n) => !namesB.has(n)).length + [...namesB].filter((n) => !namesA.has(n)).length;
  const longer = Math.max(a.lemmas.length, b.lemmas.length, 1);
  return [
    Math.min(lemma.ab, lemma.ba),
    Math.max(lemma.ab, lemma.ba),
    Math.min(bigram.ab, bigram.ba),
    Math.max(bigram.ab, bigram.ba),
    Math.min(content.ab, content.ba),
    Math.max(content.ab, content.ba),
    NaN,
    NaN,
    dot(a.meaning, b.meaning),
    commonSubsequence(x.inOrder, y.inOrder) / longer,
    Math.abs(a.lemmas.length - b.lemmas.length) / longer,
    numbersA.size > 0 && numbersB.size > 0 && unmatchedNumbers > 0 ? 1 : 0,
    Math.min(unmatchedNumbers, 4) / 4,
    allNames ? unmatchedNames / allNames : 0,
    a.negated !== b.negated ? 1 : 0,
    Math.min(chars.ab, chars.ba),
    Math.max(chars.ab, chars.ba),
    NaN,
    NaN,
    Math.min(a.lemmas.length, b.lemmas.length) / 40,
    numbersA.size > 0 && unmatchedNumbers === 0 ? 1 : 0,
    // Both quote the same words: two outlets reporting one statement.
    x.quoted.length > 0 && y.quoted.length > 0 ? commonCount(x.quoted, y.quoted) / Math.min(x.quoted.length, y.quoted.length) : 0,
  ];
}

/** The features with the meaning features filled in. */
export function withMeaningFeatures(features: number[], a: SentenceShape, b: SentenceShape): number[] {
  const meaning = meaningMatch(a, b);
  const out = [...features];
  out[FEATURE_INDEX.meaningCoverMin] = Math.min(meaning.ab, meaning.ba);
  out[FEATURE_INDEX.meaningCoverMax] = Math.max(meaning.ab, meaning.ba);
  out[FEATURE_INDEX.unmatchedContentMax] = Math.max(meaning.unmatchedAB, meaning.unmatchedBA);
  out[FEATURE_INDEX.unmatchedContentMin] = Math.min(meaning.unmatchedAB, meaning.unmatchedBA);
  return out;
}

/** Share of each side's items (as a multiset) found on the other side. */
function coverage(a: Uint32Array, b: Uint32Array): { ab: number; ba: number } {
  if (a.length === 0 || b.length === 0) return { ab: 0, ba: 0 };
  const common = commonCount(a, b);
  return { ab: common / a.length, ba: common / b.length };
}

/**
 * How much of each side's content the other expresses, by meaning: each content word is matched to its
 * closest word on the other side (itself, or a word of like meaning), weighted by how rare it is.
 * `unmatched` is the weight of the words nothing on the other side expresses, scaled to a few words' worth.
 * One table of word similarities serves both directions.
 */
function meaningMatch(a: SentenceShape, b: SentenceShape): { ab: number; ba: number; unmatchedAB: number; unmatchedBA: number } {
  const vectors = wordVectors();
  const bestA = new Float64Array(a.content.length);
  const bestB = new Float64Array(b.content.length);
  for (let i = 0; i < a.content.length; i++) {
    for (let j = 0; j < b.content.length; j++) {
      const va = a.contentVectors[i]!;
      const vb = b.contentVectors[j]!;
      // Capped at 1: byte-rounded vectors can put a near-synonym a hair above the word itself.
      const similarity = a.content[i] === b.content[j] ? 1 : va >= 0 && vb >= 0 ? Math.min(1, vectors.similarity(va, vb)) : 0;
      if (similarity > bestA[i]!) bestA[i] = similarity;
      if (similarity > bestB[j]!) bestB[j] = similarity;
    }
  }
  const ab = weighMatches(bestA, a.contentWeights);
  const ba = weighMatches(bestB, b.contentWeights);
  return { ab: ab.cover, ba: ba.cover, unmatchedAB: ab.unmatched, unmatchedBA: ba.unmatched };
}

function weighMatches(best: Float64Array, weights: number[]): { cover: number; unmatched: number } {
  let total = 0;
  let covered = 0;
  let missing = 0;
  best.forEach((similarity, i) => {
    const weight = weights[i]!;
    total += weight;
    if (similarity >= WORD_MATCH_FLOOR) covered += weight * similarity;
    else missing += weight;
  });
  return { cover: total > 0 ? covered / total : 0, unmatched: Math.min(missing, 30) / 30 };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
}

/** Length of the longest common subsequence of two word lists (short sentences: quadratic is cheap). */
function commonSubsequence(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
