/**
 * Repeated paragraphs. Within one source a repeated sentence is a copy (a page that prints its body twice, a
 * pull quote repeated from the text) and the later one is dropped; a repeated label or list line ("Eat every
 * 2–3 hours", "Buy it: Example Store") is the page's structure and stays. Across sources a repeat is wire copy reused by two
 * outlets: that is corroboration, so both stay and `findCrossSourceRepeats` reports them to the analyzer.
 */
import type { Document } from '../model/source.js';
import { endsLikeSentence } from './shape.js';

/** Share of the longer paragraph's distinct words that must be shared for two paragraphs to be the same. */
export const NEAR_DUPLICATE_OVERLAP = 0.9;
/** Shorter texts must match exactly: one changed word in a short line can be a different fact. */
export const NEAR_DUPLICATE_MIN_WORDS = 8;
/** Below this, even identical texts are not reported as repeats ("Yes.", "He declined."). */
export const REPEAT_MIN_WORDS = 3;

/** Case, quote style, punctuation and spacing folded away: the form two copies of one paragraph share. */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]|'(?!\p{L})|(?<!\p{L})'/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A paragraph prepared for comparison. */
interface Prepared {
  key: string;
  tokens: Set<string>;
}

function prepare(text: string): Prepared {
  const key = comparisonKey(text);
  return { key, tokens: new Set(key.length > 0 ? key.split(' ') : []) };
}

/** Identical after folding, or (for texts of NEAR_DUPLICATE_MIN_WORDS or more) sharing ≥ 90 % of their words. */
function sameParagraph(a: Prepared, b: Prepared): boolean {
  if (a.key === b.key) return a.tokens.size >= REPEAT_MIN_WORDS;
  const larger = Math.max(a.tokens.size, b.tokens.size);
  if (Math.min(a.tokens.size, b.tokens.size) < NEAR_DUPLICATE_MIN_WORDS) return false;
  if (Math.min(a.tokens.size, b.tokens.size) < larger * NEAR_DUPLICATE_OVERLAP) return false;
  let shared = 0;
  const [small, big] = a.tokens.size <= b.tokens.size ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  for (const t of small) if (big.has(t)) shared++;
  return shared >= larger * NEAR_DUPLICATE_OVERLAP;
}

/**
 * For each item j, the earlier items that may repeat it, ascending. Prefix filtering: two token sets sharing
 * ≥ 90 % of the larger one must share one of the rarest few tokens of each, so only paragraphs sharing such a
 * token are compared, which keeps the work near-linear.
 */
function candidatesByItem(items: readonly Prepared[]): number[][] {
  const frequency = new Map<string, number>();
  for (const it of items) for (const t of it.tokens) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const firstWithKey = new Map<string, number>();
  const byToken = new Map<string, number[]>();
  return items.map((it, j) => {
    const found = new Set<number>();
    // Identical texts: pairing with the first copy is enough, for both dropping and grouping.
    const first = firstWithKey.get(it.key);
    if (first === undefined) firstWithKey.set(it.key, j);
    else found.add(first);
    if (it.tokens.size >= NEAR_DUPLICATE_MIN_WORDS) {
      const rarestFirst = [...it.tokens].sort(
        (x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0),
      );
      const prefix = rarestFirst.slice(0, it.tokens.size - Math.ceil(it.tokens.size * NEAR_DUPLICATE_OVERLAP) + 1);
      for (const t of prefix) {
        const list = byToken.get(t);
        if (list) {
          for (const i of list) found.add(i);
          list.push(j);
        } else byToken.set(t, [j]);
      }
    }
    return [...found].sort((a, b) => a - b);
  });
}

/** A dropped repeat and the earlier item it copies. */
export interface Repeat<T> {
  item: T;
  copyOf: T;
}

/** Keep the first of every set of repeated sentences (either copy ends like one); later copies are returned as dropped. */
export function dedupeWithinSource<T extends { text: string }>(items: readonly T[]): { kept: T[]; dropped: Array<Repeat<T>> } {
  const prepared = items.map((it) => prepare(it.text));
  const copyOf = new Map<number, number>();
  candidatesByItem(prepared).forEach((earlier, j) => {
    const prose = endsLikeSentence(items[j]!.text);
    const i = earlier.find((e) => (prose || endsLikeSentence(items[e]!.text)) && sameParagraph(prepared[e]!, prepared[j]!));
    if (i !== undefined) copyOf.set(j, copyOf.get(i) ?? i);
  });
  const kept: T[] = [];
  const dropped: Array<Repeat<T>> = [];
  items.forEach((it, j) => {
    const original = copyOf.get(j);
    if (original === undefined) kept.push(it);
    else dropped.push({ item: it, copyOf: items[original]! });
  });
  return { kept, dropped };
}

/** One paragraph of one source. */
export interface ParagraphRef {
  /** Source id ("S1"). */
  source: string;
  /** 1-based paragraph index in the cleaned document. */
  paragraph: number;
}

/**
 * Groups of paragraphs, from two or more sources, that say the same thing word for word (or nearly): wire
 * copy reused by several outlets. Groups and members come in document and paragraph order.
 */
export function findCrossSourceRepeats(documents: readonly Document[]): ParagraphRef[][] {
  const refs: ParagraphRef[] = [];
  const prepared: Prepared[] = [];
  for (const doc of documents) {
    for (const p of doc.paragraphs) {
      refs.push({ source: doc.source.id, paragraph: p.index });
      prepared.push(prepare(p.text));
    }
  }
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  candidatesByItem(prepared).forEach((earlier, j) => {
    for (const i of earlier) {
      if (refs[i]!.source === refs[j]!.source || !sameParagraph(prepared[i]!, prepared[j]!)) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const groups = new Map<number, ParagraphRef[]>();
  refs.forEach((ref, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(ref);
    else groups.set(root, [ref]);
  });
  return [...groups.values()].filter((g) => new Set(g.map((r) => r.source)).size >= 2);
}
