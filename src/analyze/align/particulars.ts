/**
 * The particulars two aligned sentences disagree on: figures, days (each placed from its own source's
 * publication date, so "on Thursday" and "on December 4" can differ), and negation. A stage that credits a
 * point to several sources asks this first: a source that gives another value does not carry the point.
 */
import type { Corpus, SentenceInfo } from '../corpus.js';
import { findDates, type DateMention } from '../dates/index.js';
import { shapeOf } from './shape.js';
import { shapeOfSentence } from './index.js';

export interface ParticularDifference {
  kind: 'figure' | 'date' | 'negation';
  /** The value as the first sentence gives it ("1,200", "on December 4"; for negation, "yes" or "no"). */
  a: string;
  /** The value as the second sentence gives it. */
  b: string;
}

/** The ISO date each source's relative dates count from: its publication date, else `fallback` (the briefing date). */
export function referenceDates(corpus: Corpus, fallback: string): (source: string) => string {
  const published = new Map(
    corpus.documents.map((d) => [d.source.id, d.source.meta.published && /^\d{4}-\d{2}-\d{2}$/.test(d.source.meta.published) ? d.source.meta.published : fallback]),
  );
  return (source) => published.get(source) ?? fallback;
}

/**
 * What `a` and `b` give differently: figures (numbers other than dates) that share nothing, exact days that
 * do not overlap, and one side negated. Empty when they agree on every particular both give; a particular only
 * one gives is a detail added, not a disagreement.
 */
export function conflictingParticulars(a: SentenceInfo, b: SentenceInfo, referenceOf: (source: string) => string): ParticularDifference[] {
  const out: ParticularDifference[] = [];
  const [x, y] = [readOf(a, referenceOf), readOf(b, referenceOf)];
  const unmatched = (p: string[], q: string[]) => p.filter((n) => !q.includes(n));
  if (x.figures.length > 0 && y.figures.length > 0 && unmatched(x.figures, y.figures).length === x.figures.length) {
    out.push({ kind: 'figure', a: x.written.get(x.figures[0]!) ?? x.figures[0]!, b: y.written.get(y.figures[0]!) ?? y.figures[0]! });
  }
  const [p, q] = [x.days, y.days];
  if (p.length > 0 && q.length > 0 && !p.some((m) => q.some((n) => m.start <= n.end && n.start <= m.end))) {
    out.push({ kind: 'date', a: p[0]!.text, b: q[0]!.text });
  }
  const [sa, sb] = [shapeOfSentence(a), shapeOfSentence(b)];
  if (sa.negated !== sb.negated) out.push({ kind: 'negation', a: sa.negated ? 'no' : 'yes', b: sb.negated ? 'no' : 'yes' });
  return out;
}

interface Read {
  /** Figures as digits ("1200"), dates left out. */
  figures: string[];
  /** Each figure as written ("1,200"). */
  written: Map<string, string>;
  /** Exact days the sentence gives. */
  days: DateMention[];
}

function readOf(s: SentenceInfo, referenceOf: (source: string) => string): Read {
  const text = s.sentence.text;
  const mentions = findDates(text, { reference: referenceOf(s.sentence.source) });
  // The date expressions are blanked (offsets kept), so "December 4" gives no figure 4.
  let blanked = text;
  for (const m of mentions) blanked = blanked.slice(0, m.index) + ' '.repeat(m.text.length) + blanked.slice(m.index + m.text.length);
  const figures = shapeOf(blanked).numbers;
  const written = new Map<string, string>();
  for (const match of blanked.matchAll(/\d[\d,]*(?:\.\d+)?/g)) written.set(match[0].replace(/,/g, ''), match[0]);
  const days = mentions.filter((m) => m.granularity === 'day' && !m.approximate);
  return { figures, written, days };
}
