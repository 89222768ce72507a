/**
 * Sources that print the same copy: paragraphs near-identical across sources, compared by word 5-gram
 * shingles. Independent reporters never write the same fifteen words in a row; reprints of one agency's
 * story do, even after an outlet trims or re-edits a few words. Pure; near-linear in the number of words.
 */
import type { Document } from '../model/source.js';

/** Words in a shingle. */
export const SHINGLE_WORDS = 5;
/** Only paragraphs with this many words of their own (outside quotations) are compared. */
export const MIN_PARAGRAPH_WORDS = 15;
/** Share of the smaller paragraph's shingles the other must hold for the two to be the same copy. */
export const SHARED_SHINGLES = 0.5;
/**
 * Paragraphs a shingle is remembered for. Reprints link to the first copies, and the grouping is
 * transitive, so later copies need not be compared with every earlier one: this bounds the work.
 */
const MAX_POSTINGS = 32;

/**
 * A quotation shared by two outlets is the speaker's words, not shared copy: it is left out of the comparison.
 * Its length is bounded so that a paragraph of unclosed quotation marks costs linear time, not a scan to the
 * paragraph's end from every mark (hostile open-quotes: 465 s).
 */
const QUOTATION = /“[^”]{0,2000}”|"[^"]{0,2000}"|‘[^’]{0,2000}’(?!\p{L})/gu;

/** The words of a paragraph outside quotations, folded for comparison. */
export function ownWords(text: string): string[] {
  return (
    text
      .replace(QUOTATION, ' ')
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  );
}

/** The distinct word 5-grams of a paragraph's own words. */
export function shinglesOf(text: string): Set<string> {
  const words = ownWords(text);
  const shingles = new Set<string>();
  if (words.length < MIN_PARAGRAPH_WORDS) return shingles;
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return shingles;
}

/** Two sources (indexes into the documents) that print at least one paragraph of the same copy. */
export interface SharedTextLink {
  a: number;
  b: number;
}

/** Every pair of documents, by index, that share a near-identical paragraph; each pair once, a < b. */
export function sharedTextLinks(documents: readonly Document[]): SharedTextLink[] {
  const owner: number[] = [];
  const sets: Array<Set<string>> = [];
  const postings = new Map<string, number[]>();
  const links = new Map<string, SharedTextLink>();
  documents.forEach((doc, d) => {
    for (const paragraph of doc.paragraphs) {
      if (paragraph.role === 'heading' || paragraph.role === 'caption') continue;
      const shingles = shinglesOf(paragraph.text);
      if (shingles.size === 0) continue;
      const p = sets.length;
      owner.push(d);
      sets.push(shingles);
      const counts = new Map<number, number>();
      for (const s of shingles) {
        const list = postings.get(s);
        if (list === undefined) {
          postings.set(s, [p]);
          continue;
        }
        for (const q of list) if (owner[q] !== d) counts.set(q, (counts.get(q) ?? 0) + 1);
        if (list.length < MAX_POSTINGS) list.push(p);
      }
      for (const [q, shared] of counts) {
        if (shared < SHARED_SHINGLES * Math.min(shingles.size, sets[q]!.size)) continue;
        const [a, b] = [owner[q]!, d].sort((x, y) => x - y) as [number, number];
        links.set(`${a} ${b}`, { a, b });
      }
    }
  });
  return [...links.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}
