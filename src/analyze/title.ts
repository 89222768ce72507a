/**
 * The brief's title, a headline of at most twelve words. The sources' own headlines come first, cleaned of outlet
 * names and kickers and ranked by how central they are to the story: how closely every other source says the
 * same thing, how close they are to the bottom line and to the corpus as a whole. When no source has a usable
 * headline, one is written from the bottom line (see headline/derive.ts).
 */
import type { Document } from '../model/source.js';
import type { SummaryPoint } from '../model/briefing.js';
import { wordCount, type Corpus } from './corpus.js';
import { cleanHeadline } from './headline/clean.js';
import { headlineFrom } from './headline/derive.js';
import { fitHeadline, MAX_HEADLINE_WORDS } from './headline/fit.js';
import { posTokens } from './nlp.js';
import { centroid, cosine, termsOf, vectorOf, type TermVector } from './terms.js';

/** Fewer words than this say too little to title a brief ("Harbour fire"). */
const MIN_HEADLINE_WORDS = 3;
/** A headline this far from the story (a site's "Home", a stray page title) is not about it. */
const MIN_CENTRALITY = 0.1;
/** Weights of the three signs of centrality: other sources, the bottom line, the whole corpus. */
const WEIGHTS = { sources: 0.5, bottomLine: 0.25, corpus: 0.25 };

/** Share of its centrality a headline keeps when it is a question, or a phrase without a verb. */
const FORM = { question: 0.75, verbless: 0.85 };

/** A source headline ready to be the title, with how central it is. */
export interface Candidate {
  title: string;
  score: number;
}

/** The title: the most central usable source headline, else a headline from the bottom line; never empty. */
export function chooseTitle(documents: Document[], corpus: Corpus, summary: SummaryPoint[]): string {
  const bottomLine = summary[0]?.text;
  const best = rankHeadlines(documents, corpus, bottomLine)[0];
  if (best) return best.title;
  const derived = bottomLine ? headlineFrom(bottomLine) : '';
  if (derived) return derived;
  // Nothing central and no bottom line: any headline at all, then the first sentence, then a plain word.
  for (const doc of documents) {
    const raw = doc.source.meta.title?.trim();
    const title = raw ? fitHeadline(cleanHeadline(raw, outletNames(documents))) || fitHeadline(raw) : '';
    if (title) return title;
  }
  const first = corpus.sentences[0]?.sentence.text;
  return (first && headlineFrom(first)) || 'Briefing';
}

/** Usable source headlines, most central first (ties keep source order). */
export function rankHeadlines(documents: Document[], corpus: Corpus, bottomLine: string | undefined): Candidate[] {
  const outlets = outletNames(documents);
  const center = centroid(corpus.sentences.map((s) => s.vector));
  const bottom = bottomLine ? vectorOf(termsOf(bottomLine), corpus.idf) : undefined;
  const closest = closestBySource(corpus);
  // Sources with sentences, in reading order.
  const sources = [...new Set(corpus.sentences.map((s) => s.sentence.source))];
  const candidates: Candidate[] = [];
  for (const doc of documents) {
    const title = usableHeadline(doc.source.meta.title, outlets);
    if (!title) continue;
    const vector = vectorOf(termsOf(title), corpus.idf);
    const centrality =
      WEIGHTS.sources * coverage(closest(vector), doc.source.id, sources) +
      WEIGHTS.bottomLine * (bottom ? cosine(vector, bottom) : 0) +
      WEIGHTS.corpus * cosine(vector, center);
    if (centrality < MIN_CENTRALITY) continue;
    candidates.push({ title, score: centrality * headlineForm(title) });
  }
  // Stable sort: among equals, the earlier source wins, so the same inputs always give the same title.
  return candidates.sort((a, b) => b.score - a.score);
}

/** The headline cleaned and fitted to the budget, or undefined when too little of it is left. */
function usableHeadline(raw: string | undefined, outlets: string[]): string | undefined {
  if (!raw?.trim()) return undefined;
  let title = cleanHeadline(raw, outlets);
  if (wordCount(title) > MAX_HEADLINE_WORDS) title = fitHeadline(title);
  return wordCount(title) >= MIN_HEADLINE_WORDS ? title : undefined;
}

/**
 * How well the other sources carry what the headline says: for each, its sentence closest to the headline,
 * averaged. A headline only its own article supports (one outlet's angle) scores low; with one source, its own.
 */
function coverage(closest: Map<string, number>, own: string, sources: string[]): number {
  const others = sources.filter((id) => id !== own);
  const pool = others.length > 0 ? others : sources;
  if (pool.length === 0) return 0;
  let sum = 0;
  for (const id of pool) sum += closest.get(id) ?? 0;
  return sum / pool.length;
}

/**
 * For a headline, each source's highest cosine with it over the source's sentences (sources whose
 * sentences share no term with it are left out: 0). Read through an index of the sentences' terms, so a
 * headline meets only the sentences it shares a term with: a cluster of thousands of articles stays cheap.
 */
function closestBySource(corpus: Corpus): (headline: TermVector) => Map<string, number> {
  const postings = new Map<string, Array<{ sentence: number; weight: number }>>();
  corpus.sentences.forEach((s, sentence) => {
    for (const [term, weight] of s.vector) {
      const list = postings.get(term);
      if (list) list.push({ sentence, weight });
      else postings.set(term, [{ sentence, weight }]);
    }
  });
  return (headline) => {
    const dots = new Map<number, number>();
    for (const [term, weight] of headline) {
      for (const p of postings.get(term) ?? []) dots.set(p.sentence, (dots.get(p.sentence) ?? 0) + weight * p.weight);
    }
    const best = new Map<string, number>();
    for (const [sentence, dot] of dots) {
      const source = corpus.sentences[sentence]!.sentence.source;
      if (dot > (best.get(source) ?? 0)) best.set(source, dot);
    }
    return best;
  };
}

/**
 * How much of a headline's centrality counts: a question ("Is the harbour safe?") or a phrase with no verb
 * ("Harbour fire and its aftermath") tells a reader less of what happened than a statement does.
 */
function headlineForm(title: string): number {
  if (/\?\s*$/.test(title)) return FORM.question;
  return posTokens(title).some((t) => t.pos === 'VERB') ? 1 : FORM.verbless;
}

/** Names the sources go by, and their sites' host names, for recognising them around a headline. */
function outletNames(documents: Document[]): string[] {
  const names = new Set<string>();
  for (const { source } of documents) {
    if (source.meta.outlet) names.add(source.meta.outlet);
    if (source.meta.url && URL.canParse(source.meta.url)) names.add(new URL(source.meta.url).hostname);
  }
  return [...names];
}
