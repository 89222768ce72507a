/**
 * The alignment layer: which sentences of a cluster state the same fact, across sources and wordings.
 * Candidates come from shared rare terms and from close meaning vectors (near-linear), then each candidate
 * pair is weighed by the fitted model. Summary, timeline, quotes and questions all read this one answer.
 */
import type { Corpus, SentenceInfo } from '../corpus.js';
import { FEATURE_INDEX, lexicalFeatures, pairFeatures, withMeaningFeatures } from './features.js';
import { bestCaseProbability, PARTICULAR_FEATURES, SAME_FACT_PROBABILITY, sameFactProbability } from './model.js';
import { commonCount } from './keys.js';
import { figuresDisagree, shapeOf, type SentenceShape } from './shape.js';

export { SAME_FACT_PROBABILITY } from './model.js';

/** How two sentences relate. */
export interface Alignment {
  /** Probability that they state the same fact. */
  probability: number;
  /** They share the event and its frame (what would be the same fact) but numbers or negation differ. */
  sameFrame: boolean;
}

const shapes = new WeakMap<SentenceInfo, SentenceShape>();

/** The shape of a corpus sentence, computed once. */
export function shapeOfSentence(s: SentenceInfo): SentenceShape {
  let shape = shapes.get(s);
  if (!shape) {
    shape = shapeOf(s.sentence.text);
    shapes.set(s, shape);
  }
  return shape;
}

export function align(a: SentenceInfo, b: SentenceInfo): Alignment {
  const [x, y] = [shapeOfSentence(a), shapeOfSentence(b)];
  const features = pairFeatures(x, y);
  // Other particulars in one frame are two accounts to weigh against each other, never one fact.
  if (particularsDiffer(x, y)) {
    return { probability: 0, sameFrame: sameFactProbability(features, PARTICULAR_FEATURES) >= SAME_FACT_PROBABILITY };
  }
  return { probability: sameFactProbability(features), sameFrame: false };
}

/** A figure of the same thing, or the verb's negation, differs between the two. */
function particularsDiffer(a: SentenceShape, b: SentenceShape): boolean {
  return a.negated !== b.negated || figuresDisagree(a, b);
}

/** True when the two sentences state the same fact. */
export function sameFact(a: SentenceInfo, b: SentenceInfo): boolean {
  const [x, y] = [shapeOfSentence(a), shapeOfSentence(b)];
  if (!mayStateTheSame(x, y) || particularsDiffer(x, y)) return false;
  // The word-by-word meaning features are computed only for pairs the rest leaves in doubt.
  const lexical = lexicalFeatures(x, y);
  if (bestCaseProbability(lexical) < SAME_FACT_PROBABILITY) return false;
  return sameFactProbability(withMeaningFeatures(lexical, x, y)) >= SAME_FACT_PROBABILITY;
}

/**
 * A cheap test that fails only pairs the model would never take as one fact (on the annotated pairs, under
 * one in a hundred of those it takes fall below either floor): most candidate pairs of a large cluster
 * stop here, before the features are computed.
 */
function mayStateTheSame(a: SentenceShape, b: SentenceShape): boolean {
  const [mine, theirs] = [a.keys.distinctLemmas, b.keys.distinctLemmas];
  if (commonCount(mine, theirs) / Math.max(1, Math.min(mine.length, theirs.length)) < SHARED_WORDS_FLOOR) return false;
  return meaningCosine(a, b) >= MEANING_FLOOR;
}

const MEANING_FLOOR = 0.65;
const SHARED_WORDS_FLOOR = 0.35;

function meaningCosine(a: SentenceShape, b: SentenceShape): number {
  let cosine = 0;
  for (let d = 0; d < a.meaning.length; d++) cosine += a.meaning[d]! * b.meaning[d]!;
  return cosine;
}

/**
 * A sentence restates another for a reader when it states the same fact, or when nearly all it says is
 * said by the other (most of its meaning covered, the two close overall) with no number or negation
 * against it: a brief shows such a sentence once, citing both sources.
 */
export function restates(a: SentenceInfo, b: SentenceInfo): boolean {
  const [x, y] = [shapeOfSentence(a), shapeOfSentence(b)];
  // Both ways of restating need close meaning vectors: most pairs stop here, before the features.
  if (meaningCosine(x, y) < MEANING_FLOOR || particularsDiffer(x, y)) return false;
  const lexical = lexicalFeatures(x, y);
  const mayBeContained = lexical[FEATURE_INDEX.meaningCosine]! >= CONTAINED_COSINE && lexical[FEATURE_INDEX.numbersDiffer] === 0;
  if (!mayBeContained && bestCaseProbability(lexical) < SAME_FACT_PROBABILITY) return false;
  const features = withMeaningFeatures(lexical, x, y);
  if (sameFactProbability(features) >= SAME_FACT_PROBABILITY) return true;
  return mayBeContained && features[FEATURE_INDEX.meaningCoverMax]! >= CONTAINED_COVER;
}

/**
 * Thresholds of `restates` beyond the fitted model: chosen so that the annotated paraphrase pairs lose under
 * a point of accuracy while rewordings that add a clause ("…, hours after …") are still recognised.
 */
const CONTAINED_COVER = 0.65;
const CONTAINED_COSINE = 0.84;

export type { Corpus };
