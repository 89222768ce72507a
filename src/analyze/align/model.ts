/**
 * The fitted alignment model: a logistic function of the pair features, with the decision threshold
 * chosen on cross-validated pairs (bench/fit-alignment.mjs writes model.json; refit when features change).
 */
import { FEATURE_NAMES, type FeatureName } from './features.js';
import fitted from './model.json' with { type: 'json' };

interface ModelFile {
  threshold: number;
  bias: number;
  weights: Record<FeatureName, number>;
}

const file = fitted as ModelFile;
const weights = FEATURE_NAMES.map((name) => {
  const w = file.weights[name];
  if (typeof w !== 'number') throw new Error(`align/model.json has no weight for ${name}: refit with bench/fit-alignment.mjs`);
  return w;
});

/** Probability at or above which two sentences are taken to state the same fact. */
export const SAME_FACT_PROBABILITY = file.threshold;

/** Features whose values are the particulars of a fact (numbers, negation), not its frame. */
export const PARTICULAR_FEATURES: ReadonlySet<FeatureName> = new Set(['numbersDiffer', 'numbersUnmatched', 'numbersAgree', 'negationDiffers']);

export function sameFactProbability(features: number[], ignore?: ReadonlySet<FeatureName>): number {
  let z = file.bias;
  features.forEach((x, j) => {
    if (!ignore?.has(FEATURE_NAMES[j]!)) z += x * weights[j]!;
  });
  return 1 / (1 + Math.exp(-z));
}

/**
 * The highest probability the model can give once the missing (NaN) features are known, each valued in
 * [0, 1]: a pair below the threshold here is not the same fact whatever they turn out to be.
 */
export function bestCaseProbability(features: number[]): number {
  let z = file.bias;
  features.forEach((x, j) => {
    z += Number.isNaN(x) ? Math.max(0, weights[j]!) : x * weights[j]!;
  });
  return 1 / (1 + Math.exp(-z));
}
