/**
 * Words as sorted 32-bit keys, so that how many items two sentences share is one merge of two short
 * arrays rather than a map built per pair: alignment compares hundreds of thousands of pairs on a large
 * cluster. Keys are FNV-1a hashes; two different words meeting on one key (about one pair in four billion)
 * would shift a coverage share by one item, the same way every run.
 */

/** The items' keys in ascending order, duplicates kept (a multiset). */
export function keysOf(items: readonly string[]): Uint32Array {
  const keys = new Uint32Array(items.length);
  items.forEach((item, i) => (keys[i] = keyOf(item)));
  return keys.sort();
}

/** The same keys once each, ascending. */
export function distinctKeys(sorted: Uint32Array): Uint32Array {
  let n = 0;
  const out = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out[n++] = sorted[i]!;
  return out.subarray(0, n);
}

/** How many items the two multisets have in common (each item matched once). */
export function commonCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common;
}

/** The key of one item. */
export function keyOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
