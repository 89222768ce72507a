/**
 * Term vectors for comparing sentences: stemmed content words weighted by TF-IDF, and cosine similarity.
 * Used to group sentences that say the same thing across sources and to score centrality.
 */
import { nlp, winkText } from './nlp.js';

/** Sparse vector: term → weight. */
export type TermVector = Map<string, number>;

/** Longer tokens are left out of term vectors (no real word is this long). */
const MAX_TERM_LENGTH = 48;

/** Stemmed content words of a text, in order (stop words, punctuation and symbols removed). */
export function termsOf(text: string): string[] {
  const { its } = nlp();
  // A "word" of thousands of letters (markup debris) is no term, and the stemmer's patterns backtrack on it.
  const tokens = nlp()
    .readDoc(winkText(text))
    .tokens()
    .filter((t) => (t.out() as string).length <= MAX_TERM_LENGTH);
  const types = tokens.out(its.type) as string[];
  // wink's typings declare `its.stem` with an addons parameter `out()` does not accept; it works at run time.
  const stems = tokens.out(its.stem as unknown as typeof its.value) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  const terms: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const type = types[i];
    const stem = stems[i];
    if (stem === undefined) continue;
    if (type === 'number') terms.push(stem.replace(/,/g, ''));
    else if (type === 'word' && !stops[i] && stem.length > 1) terms.push(stem.toLowerCase());
  }
  return terms;
}

/** Inverse document frequency over a collection of term lists (each list one "document"). */
export function inverseDocumentFrequency(collection: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of collection) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = collection.length;
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log(1 + n / f));
  return idf;
}

/** TF-IDF vector of a term list, normalised to unit length. */
export function vectorOf(terms: string[], idf: Map<string, number>): TermVector {
  const v: TermVector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + (idf.get(t) ?? 1));
  return normalise(v);
}

/** Scale a vector to unit length (an empty vector stays empty). */
export function normalise(v: TermVector): TermVector {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  const norm = Math.sqrt(sum);
  if (norm === 0) return v;
  const out: TermVector = new Map();
  for (const [t, w] of v) out.set(t, w / norm);
  return out;
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}

/** Sum of vectors, normalised: the centre of a set of sentences. */
export function centroid(vectors: TermVector[]): TermVector {
  const sum: TermVector = new Map();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  return normalise(sum);
}
