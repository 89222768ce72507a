/**
 * What alignment reads of a sentence: its words as lemmas, which of them carry content, the numbers,
 * names and negation in it, and a meaning vector. Computed once per sentence.
 */
import { posTokens } from '../nlp.js';
import { wordVectors } from '../../lexicon/word-vectors.js';
import { distinctKeys, keyOf, keysOf } from './keys.js';

export interface SentenceShape {
  /** Lower-case lemmas of every word and number, in order (punctuation left out). */
  lemmas: string[];
  /** Content lemmas (nouns, verbs, adjectives, adverbs, names, numbers), each once. */
  content: string[];
  /** Word-vector index of each content lemma (or of its surface form), -1 when the vectors lack it. */
  contentVectors: number[];
  /** Weight of each content lemma: rarer words in general English weigh more. */
  contentWeights: number[];
  /** Numbers as written without separators ("1,200" → "1200"), and number words as digits. */
  numbers: string[];
  /** Figures by what they count: "1,200 passengers" → passenger → {1200}; "40 per cent" → cent → {40}. */
  figures: Map<string, Set<string>>;
  /** Proper names, lower case. */
  names: string[];
  negated: boolean;
  /** Weighted mean of the content words' vectors, unit length (all zero when none has a vector). */
  meaning: Float64Array;
  /** The items pairs are compared on, as sorted keys (keys.ts). */
  keys: ShapeKeys;
}

export interface ShapeKeys {
  /** Lemmas as a multiset, and once each. */
  lemmas: Uint32Array;
  distinctLemmas: Uint32Array;
  /** Pairs of neighbouring lemmas. */
  bigrams: Uint32Array;
  content: Uint32Array;
  /** Character 4-grams of the lemmas, so that name variants and word forms ("Kremlin's", "kremlin") meet. */
  charGrams: Uint32Array;
  /** The lemmas' keys in reading order, for the longest common subsequence. */
  inOrder: Uint32Array;
  /** Lemmas inside double quotation marks, once each: the words of the speaker both outlets may quote. */
  quoted: Uint32Array;
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);
/** Verbs that carry tense or mood, not the event: "has said", "will be". */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'say', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must']);
/** Words that deny the verb they stand by ("no" and "without" more often deny a noun: left out). */
const NEGATIONS = new Set(['not', "n't", 'never']);
const QUOTATION_MARKS = /^["“”]$/;
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000',
};

/** Weight of a word of general-English frequency rank `rank` (0 = most frequent); unknown words weigh most. */
export function wordWeight(rank: number | undefined, size: number): number {
  return Math.log(2 + (rank ?? size) / 100);
}

export function shapeOf(text: string): SentenceShape {
  const vectors = wordVectors();
  const lemmas: string[] = [];
  const content: string[] = [];
  const contentVectors: number[] = [];
  const contentWeights: number[] = [];
  const numbers: string[] = [];
  const names: string[] = [];
  let negated = false;
  const figures = new Map<string, Set<string>>();
  let pendingNumber: { value: string; gap: number } | undefined;
  const meaning = new Float64Array(vectors.dimensions);
  const quoted: string[] = [];
  let inQuotation = false;
  for (const t of posTokens(text)) {
    if (QUOTATION_MARKS.test(t.text)) inQuotation = !inQuotation;
    if (t.type === 'punctuation' || t.type === 'symbol') continue;
    const lemma = t.type === 'number' ? t.lower.replace(/,/g, '') : t.lemma;
    lemmas.push(lemma);
    if (inQuotation) quoted.push(lemma);
    if (NEGATIONS.has(t.lower)) negated = true;
    const number = t.type === 'number' ? lemma : NUMBER_WORDS[t.lower];
    if (number !== undefined) {
      numbers.push(number);
      pendingNumber = { value: number, gap: 0 };
    } else if (pendingNumber) {
      // The noun a number counts follows it within a couple of words ("1,200 more passengers").
      if (t.pos === 'NOUN') {
        const values = figures.get(lemma) ?? new Set<string>();
        values.add(pendingNumber.value);
        figures.set(lemma, values);
        pendingNumber = undefined;
      } else if (++pendingNumber.gap > 2) pendingNumber = undefined;
    }
    if (t.pos === 'PROPN') names.push(t.lower);
    if (!CONTENT_POS.has(t.pos) || LIGHT_VERBS.has(lemma) || content.includes(lemma)) continue;
    const index = vectors.indexOf(lemma) ?? vectors.indexOf(t.lower) ?? -1;
    const weight = wordWeight(index >= 0 ? index : undefined, vectors.size);
    content.push(lemma);
    contentVectors.push(index);
    contentWeights.push(weight);
    if (index >= 0) vectors.addTo(meaning, index, weight);
  }
  let norm = 0;
  for (const x of meaning) norm += x * x;
  if (norm > 0) for (let d = 0; d < meaning.length; d++) meaning[d]! /= Math.sqrt(norm);
  const lemmaKeys = keysOf(lemmas);
  const keys: ShapeKeys = {
    lemmas: lemmaKeys,
    distinctLemmas: distinctKeys(lemmaKeys),
    bigrams: keysOf(bigrams(lemmas)),
    content: keysOf(content),
    charGrams: keysOf(charGrams(lemmas)),
    inOrder: Uint32Array.from(lemmas, keyOf),
    quoted: distinctKeys(keysOf(quoted)),
  };
  return {
    lemmas,
    content,
    contentVectors,
    contentWeights,
    numbers: [...new Set(numbers)],
    figures,
    names: [...new Set(names)],
    negated,
    meaning,
    keys,
  };
}

function bigrams(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

function charGrams(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const padded = ` ${w} `;
    if (padded.length <= 4) out.push(padded);
    else for (let i = 0; i + 4 <= padded.length; i++) out.push(padded.slice(i, i + 4));
  }
  return out;
}

/** A thing both sentences count, with counts that share no value: "1,200 passengers" against "1,000 passengers". */
export function figuresDisagree(a: SentenceShape, b: SentenceShape): boolean {
  for (const [unit, values] of a.figures) {
    const other = b.figures.get(unit);
    if (other && ![...values].some((v) => other.has(v))) return true;
  }
  return false;
}
