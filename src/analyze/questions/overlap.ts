/**
 * Comparing two claims' words: the share of weight (IDF) their terms have in common, and whether two
 * predicates are about the same participants whatever the voice ("police arrested the suspect" / "the
 * suspect was arrested").
 */
import { termsOf } from '../terms.js';
import { DATE_WORDS } from './lexicon.js';

/** Terms that say who does what to whom, for comparing two predicates' participants. */
export interface Participants {
  passive: boolean;
  subjectTerms: string[];
  objectTerms: string[];
}

/**
 * Whether two predicates are about the same participants: same subject and object, or across voices the
 * active object is the passive subject ("police arrested the suspect" / "the suspect was arrested").
 * `min` is the share of the lighter side's weight the two must have in common.
 */
export function sameParticipants(p: Participants, q: Participants, idf: Map<string, number>, min: number): boolean {
  if (p.passive === q.passive) {
    if (!termOverlap(p.subjectTerms, q.subjectTerms, idf, min)) return false;
    const [a, b] = [p.objectTerms, q.objectTerms];
    return a.length === 0 || b.length === 0 ? a.length === b.length : termOverlap(a, b, idf, min);
  }
  const [active, passive] = p.passive ? [q, p] : [p, q];
  if (!termOverlap(active.objectTerms, passive.subjectTerms, idf, min)) return false;
  // The passive's "by" agent, when it names one, must be the active subject.
  return passive.objectTerms.length === 0 || termOverlap(active.subjectTerms, passive.objectTerms, idf, min);
}

/** Whether the weight (IDF) two term lists share is at least `min` of the lighter list's weight. */
export function termOverlap(a: string[], b: string[], idf: Map<string, number>, min: number): boolean {
  const weight = (terms: Set<string>) => [...terms].reduce((sum, t) => sum + (idf.get(t) ?? 1), 0);
  const [x, y] = [new Set(a), new Set(b)];
  const shared = new Set([...x].filter((t) => y.has(t)));
  return shared.size > 0 && weight(shared) >= min * Math.min(weight(x), weight(y));
}

let dateTerms: Set<string> | undefined;

/** Stemmed content words of a phrase, without date words. */
export function contentTerms(text: string): string[] {
  dateTerms ??= new Set(termsOf([...DATE_WORDS].join(' ')));
  return termsOf(text).filter((t) => !dateTerms!.has(t));
}

