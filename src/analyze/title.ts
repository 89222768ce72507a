/**
 * The brief's title: the source headline closest to the story's centre, or, when no source has a
 * headline, the main clause of the bottom line.
 */
import type { Document } from '../model/source.js';
import type { SummaryPoint } from '../model/briefing.js';
import type { Corpus } from './corpus.js';
import { centroid, cosine, termsOf, vectorOf } from './terms.js';

/** Longest headline we derive from a sentence, in words. */
const MAX_DERIVED_WORDS = 20;

export function chooseTitle(documents: Document[], corpus: Corpus, summary: SummaryPoint[]): string {
  const center = centroid(corpus.sentences.map((s) => s.vector));
  let best: { title: string; score: number } | undefined;
  for (const doc of documents) {
    const title = doc.source.meta.title?.trim();
    if (!title) continue;
    const score = cosine(vectorOf(termsOf(title), corpus.idf), center);
    if (!best || score > best.score) best = { title, score };
  }
  if (best) return best.title;
  const lead = summary[0]?.text;
  return lead ? headlineFrom(lead) : 'Briefing';
}

/** Shorten a sentence to a headline: its first clause when that is long enough, without the final stop. */
export function headlineFrom(sentence: string): string {
  const text = sentence.trim().replace(/[.!]+["”’]?$/, '');
  const words = text.split(/\s+/);
  if (words.length <= MAX_DERIVED_WORDS) return text;
  const clause = /^(.{30,}?)(?:,\s| — | -- |;\s)/.exec(text)?.[1];
  if (clause && clause.split(/\s+/).length <= MAX_DERIVED_WORDS) return clause;
  return `${words.slice(0, MAX_DERIVED_WORDS - 2).join(' ')}…`;
}
