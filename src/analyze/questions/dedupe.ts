/**
 * One question per thing asked: questions whose words are nearly the same ("Will the company appeal by
 * June 24?" from two sources) become one, keeping the better-weighted wording and citing every source.
 */
import type { Evidence, Question } from '../../model/briefing.js';
import { compareSourceIds } from '../corpus.js';
import { cosine, termsOf, vectorOf } from '../terms.js';

/** Two questions whose term vectors are at least this similar ask the same thing. */
export const SAME_QUESTION_SIMILARITY = 0.55;

export interface Ranked {
  question: Question;
  /** Higher is more worth asking. */
  weight: number;
}

/** Merge questions that ask the same thing, best first. */
export function dedupeQuestions(ranked: Ranked[], idf: Map<string, number>): Ranked[] {
  const sorted = [...ranked].sort((a, b) => b.weight - a.weight || a.question.text.localeCompare(b.question.text));
  const kept: Array<Ranked & { vector: Map<string, number> }> = [];
  // Only questions sharing a word can ask the same thing: compare through a term index, not every pair.
  const postings = new Map<string, number[]>();
  for (const r of sorted) {
    const vector = vectorOf(termsOf(r.question.text), idf);
    const near = new Set<number>();
    for (const t of vector.keys()) for (const k of postings.get(t) ?? []) near.add(k);
    const at = [...near].sort((x, y) => x - y).find((k) => cosine(kept[k]!.vector, vector) >= SAME_QUESTION_SIMILARITY);
    const same = at === undefined ? undefined : kept[at];
    if (!same) {
      for (const t of vector.keys()) {
        const list = postings.get(t);
        if (list) list.push(kept.length);
        else postings.set(t, [kept.length]);
      }
      kept.push({ ...r, question: { ...r.question }, vector });
      continue;
    }
    same.question.sources = [...new Set([...same.question.sources, ...r.question.sources])].sort(compareSourceIds);
    same.question.evidence = mergeEvidence(same.question.evidence, r.question.evidence);
    same.weight = Math.max(same.weight, r.weight);
  }
  return kept.map(({ question, weight }) => ({ question, weight }));
}

/** Union of evidence lists, in source, paragraph and sentence order. */
export function mergeEvidence(a: Evidence[], b: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of [...a, ...b]) seen.set(`${e.source}:${e.paragraph}:${e.sentence}`, e);
  return [...seen.values()].sort((p, q) => compareSourceIds(p.source, q.source) || p.paragraph - q.paragraph || p.sentence - q.sentence);
}
