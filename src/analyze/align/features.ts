/**
 * The evidence that two sentences state the same fact, as numbers a fitted model weighs (see model.ts):
 * how much of each one's words and meaning the other covers, and which particulars differ.
 */
import { wordVectors } from '../../lexicon/word-vectors.js';
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
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Word similarity below which a word is not taken to stand for another. */
const WORD_MATCH_FLOOR = 0.5;

export function pairFeatures(a: SentenceShape, b: SentenceShape): number[] {
  const lemma = coverage(a.lemmas, b.lemmas);
  const bigram = coverage(bigrams(a.lemmas), bigrams(b.lemmas));
  const content = coverage(a.content, b.content);
  const { cover: ab, unmatched: unmatchedAB } = meaningMatch(a, b);
  const { cover: ba, unmatched: unmatchedBA } = meaningMatch(b, a);
  const numbersA = new Set(a.numbers);
  const numbersB = new Set(b.numbers);
  const unmatchedNumbers = [...numbersA].filter((n) => !numbersB.has(n)).length + [...numbersB].filter((n) => !numbersA.has(n)).length;
  const namesA = new Set(a.names);
  const namesB = new Set(b.names);
  const allNames = new Set([...namesA, ...namesB]).size;
  const unmatchedNames = [...namesA].filter((n) => !namesB.has(n)).length + [...namesB].filter((n) => !namesA.has(n)).length;
  const longer = Math.max(a.lemmas.length, b.lemmas.length, 1);
  const chars = coverage(charGrams(a.lemmas), charGrams(b.lemmas));
  return [
    Math.min(lemma.ab, lemma.ba),
    Math.max(lemma.ab, lemma.ba),
    Math.min(bigram.ab, bigram.ba),
    Math.max(bigram.ab, bigram.ba),
    Math.min(content.ab, content.ba),
    Math.max(content.ab, content.ba),
    Math.min(ab, ba),
    Math.max(ab, ba),
    dot(a.meaning, b.meaning),
    commonSubsequence(a.lemmas, b.lemmas) / longer,
    Math.abs(a.lemmas.length - b.lemmas.length) / longer,
    numbersA.size > 0 && numbersB.size > 0 && unmatchedNumbers > 0 ? 1 : 0,
    Math.min(unmatchedNumbers, 4) / 4,
    allNames ? unmatchedNames / allNames : 0,
    a.negated !== b.negated ? 1 : 0,
    Math.min(chars.ab, chars.ba),
    Math.max(chars.ab, chars.ba),
    Math.max(unmatchedAB, unmatchedBA),
    Math.min(unmatchedAB, unmatchedBA),
    Math.min(a.lemmas.length, b.lemmas.length) / 40,
    numbersA.size > 0 && unmatchedNumbers === 0 ? 1 : 0,
  ];
}

/** Character 4-grams of the words, so that name variants and word forms ("Kremlin's", "kremlin") meet. */
function charGrams(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const padded = ` ${w} `;
    if (padded.length <= 4) out.push(padded);
    else for (let i = 0; i + 4 <= padded.length; i++) out.push(padded.slice(i, i + 4));
  }
  return out;
}

/** Share of each side's items (as a multiset) found on the other side. */
function coverage(a: string[], b: string[]): { ab: number; ba: number } {
  if (a.length === 0 || b.length === 0) return { ab: 0, ba: 0 };
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const x of a) {
    const n = counts.get(x) ?? 0;
    if (n > 0) {
      common++;
      counts.set(x, n - 1);
    }
  }
  return { ab: common / a.length, ba: common / b.length };
}

function bigrams(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

/**
 * How much of `a`'s content `b` expresses, by meaning: each content word of `a` is matched to its closest
 * word in `b` (itself, or a word of like meaning), weighted by how rare it is. `unmatched` is the weight of
 * the words nothing in `b` expresses, scaled to a few words' worth. One pass serves both.
 */
function meaningMatch(a: SentenceShape, b: SentenceShape): { cover: number; unmatched: number } {
  const vectors = wordVectors();
  let total = 0;
  let covered = 0;
  let missing = 0;
  a.content.forEach((word, i) => {
    const weight = a.contentWeights[i]!;
    total += weight;
    let best = 0;
    for (let j = 0; j < b.content.length && best < 1; j++) {
      if (b.content[j] === word) best = 1;
      else if (a.contentVectors[i]! >= 0 && b.contentVectors[j]! >= 0) {
        best = Math.max(best, vectors.similarity(a.contentVectors[i]!, b.contentVectors[j]!));
      }
    }
    if (best >= WORD_MATCH_FLOOR) covered += weight * best;
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
function commonSubsequence(a: string[], b: string[]): number {
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
