/**
 * The analysable view of a set of cleaned documents: every sentence with its address, role, terms and
 * TF-IDF vector, computed once and shared by the summary, timeline, quote and question analyzers.
 */
import type { BlockRole, Document, Sentence } from '../model/source.js';
import type { Evidence } from '../model/briefing.js';
import { sentencesOf } from './sentences.js';
import { inverseDocumentFrequency, termsOf, vectorOf, type TermVector } from './terms.js';

export interface SentenceInfo {
  sentence: Sentence;
  role: BlockRole;
  /** Number of sentences in the paragraph, for "first sentence of the paragraph" tests. */
  paragraphSize: number;
  /** How many story paragraphs the source has, for position weighting. */
  sourceParagraphs: number;
  terms: string[];
  vector: TermVector;
  words: number;
}

export interface Corpus {
  documents: Document[];
  sentences: SentenceInfo[];
  idf: Map<string, number>;
}

/** Split every document into sentences and vectorise them. */
export function buildCorpus(documents: Document[]): Corpus {
  const raw: Array<Omit<SentenceInfo, 'vector'>> = [];
  for (const doc of documents) {
    const sentences = sentencesOf(doc);
    const perParagraph = new Map<number, number>();
    for (const s of sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
    for (const sentence of sentences) {
      const paragraph = doc.paragraphs[sentence.paragraph - 1];
      raw.push({
        sentence,
        role: paragraph?.role ?? 'paragraph',
        paragraphSize: perParagraph.get(sentence.paragraph) ?? 1,
        sourceParagraphs: doc.paragraphs.length,
        terms: termsOf(sentence.text),
        words: wordCount(sentence.text),
      });
    }
  }
  const idf = inverseDocumentFrequency(raw.map((r) => r.terms));
  return { documents, sentences: raw.map((r) => ({ ...r, vector: vectorOf(r.terms, idf) })), idf };
}

/** Words as a reader counts them: whitespace-separated (a dash standing alone counts too). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The citation address of a sentence. */
export function evidenceOf(s: Sentence): Evidence {
  return { source: s.source, paragraph: s.paragraph, sentence: s.index };
}

/** "S2" < "S10": source ids in numeric order. */
export function compareSourceIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}

/** Distinct source ids, in numeric order. */
export function sourceIdsOf(items: Array<{ source: string }>): string[] {
  return [...new Set(items.map((i) => i.source))].sort(compareSourceIds);
}
