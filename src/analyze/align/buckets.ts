/**
 * Locality-sensitive hashing of meaning vectors (random hyperplanes, fixed seed): sentences whose vectors
 * point the same way share a bucket in some table, so close pairs are found without comparing all pairs.
 */

const TABLES = 12;
const BITS = 10;
/** A bucket this full holds a common shape of sentence, not a fact: it yields no candidates. */
const MAX_BUCKET = 50;

/** Lists of indices that share a bucket (each list of two or more, at most MAX_BUCKET). */
export function meaningBuckets(vectors: Float64Array[]): number[][] {
  if (vectors.length === 0) return [];
  const dims = vectors[0]!.length;
  // Centred on the corpus's mean: averaged word vectors share a large common direction.
  const mean = new Float64Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) mean[d]! += v[d]! / vectors.length;
  const planes = hyperplanes(TABLES * BITS, dims);
  const out: number[][] = [];
  for (let t = 0; t < TABLES; t++) {
    const buckets = new Map<number, number[]>();
    vectors.forEach((v, i) => {
      let signature = 0;
      for (let b = 0; b < BITS; b++) {
        const plane = planes[t * BITS + b]!;
        let x = 0;
        for (let d = 0; d < dims; d++) x += (v[d]! - mean[d]!) * plane[d]!;
        if (x > 0) signature |= 1 << b;
      }
      const list = buckets.get(signature);
      if (list) list.push(i);
      else buckets.set(signature, [i]);
    });
    for (const list of buckets.values()) if (list.length >= 2 && list.length <= MAX_BUCKET) out.push(list);
  }
  return out;
}

/** Deterministic pseudo-random hyperplanes (a linear congruential generator: same planes every run). */
function hyperplanes(count: number, dims: number): Float64Array[] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  return Array.from({ length: count }, () => Float64Array.from({ length: dims }, next));
}
