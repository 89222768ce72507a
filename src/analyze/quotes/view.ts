/**
 * A document seen by the quote finder: per paragraph, its quoted spans, the narrative tokens between them
 * ("gaps"), and where its sentences start, so a quotation's head, tail and evidence can be read off.
 */
import type { Document, Sentence } from '../../model/source.js';
import { firstIndex, push } from '../lists.js';
import { continuesQuote, findQuoteSpans, type MarkSpan } from './marks.js';
import { endsSentence, tokenize, type Token } from './tokens.js';

/** Paragraph roles that never hold the story's quotations. */
const SKIPPED_ROLES = new Set(['heading', 'caption']);

export interface ParagraphView {
  /** 1-based paragraph index in the cleaned document (the citation address). */
  index: number;
  text: string;
  spans: MarkSpan[];
  /** gaps[k]: narrative tokens before spans[k]; the last gap follows the last span. */
  gaps: Token[][];
  /** True when this paragraph's first span continues the previous paragraph's open quotation. */
  continues: boolean;
  /** Start offsets of the paragraph's sentences, in order (sentence k+1 starts at sentenceStarts[k]). */
  sentenceStarts: number[];
  /** Ordinal of the paragraph's first sentence in the whole document. */
  firstSentence: number;
}

/** Paragraph views of a document, with sentences as the corpus split them. */
export function viewsOf(doc: Document, sentences: Sentence[]): ParagraphView[] {
  const views: ParagraphView[] = [];
  let ordinal = 0;
  let previous: ParagraphView | undefined;
  const byParagraph = new Map<number, Sentence[]>();
  for (const s of sentences) push(byParagraph, s.paragraph, s);
  for (const p of doc.paragraphs) {
    const own = (byParagraph.get(p.index) ?? []).sort((a, b) => a.index - b.index);
    const sentenceStarts = offsetsOf(p.text, own.map((s) => s.text));
    const firstSentence = ordinal;
    ordinal += Math.max(1, own.length);
    if (SKIPPED_ROLES.has(p.role)) {
      previous = undefined;
      continue;
    }
    const spans = findQuoteSpans(p.text);
    const gaps: Token[][] = [];
    let from = 0;
    for (const s of spans) {
      gaps.push(tokenize(p.text, from, s.open));
      from = s.close === null ? p.text.length : s.close + 1;
    }
    gaps.push(tokenize(p.text, from, p.text.length));
    const continues = continuesQuote(previous, p.text, spans);
    const view: ParagraphView = { index: p.index, text: p.text, spans, gaps, continues, sentenceStarts, firstSentence };
    views.push(view);
    previous = view;
  }
  return views;
}

function offsetsOf(text: string, sentences: string[]): number[] {
  const starts: number[] = [];
  let cursor = 0;
  for (const s of sentences) {
    const at = text.indexOf(s, cursor);
    starts.push(at < 0 ? cursor : at);
    if (at >= 0) cursor = at + s.length;
  }
  return starts.length > 0 ? starts : [0];
}

/** 1-based index of the sentence holding `offset` in the paragraph. */
export function sentenceAt(view: ParagraphView, offset: number): number {
  // The last start at or before `offset`, found by binary search: a paragraph may hold thousands of sentences.
  return Math.max(1, firstIndex(view.sentenceStarts, (start) => start > offset));
}

/** Ordinal in the whole document of the sentence holding `offset`. */
export function sentenceOrdinal(view: ParagraphView, offset: number): number {
  return view.firstSentence + sentenceAt(view, offset) - 1;
}

/** The words inside span k. */
export function spanText(view: ParagraphView, k: number): string {
  const s = view.spans[k]!;
  return view.text.slice(s.start, s.end);
}

/**
 * How many quotations back attribution is looked for (a head across earlier quotations of its sentence,
 * the last "X said" of a paragraph). Attribution sits within a few quotations of the words it frames;
 * looking further would make a paragraph of thousands of quoted phrases cost quadratic time.
 */
export const ATTRIBUTION_REACH = 8;

const endsWithStop = (text: string): boolean => /[.!?…]['’‘"”]*$/.test(text);

/**
 * Narrative tokens of the sentence before span k: back to a sentence end, or across earlier quotations in the same
 * sentence (`He called it “A” and said “B”` gives "He called it and said" for B).
 */
export function headOf(view: ParagraphView, k: number): Token[] {
  const head: Token[] = [];
  for (let g = k; g >= Math.max(0, k - ATTRIBUTION_REACH); g--) {
    const gap = view.gaps[g]!;
    let stop = -1;
    for (let i = gap.length - 1; i >= 0; i--) {
      if (endsSentence(gap[i])) {
        stop = i;
        break;
      }
    }
    head.unshift(...gap.slice(stop + 1));
    if (stop >= 0 || g === 0) break;
    const before = view.spans[g - 1]!;
    const words = view.text.slice(before.start, before.end);
    if (before.close === null || endsWithStop(words)) break;
    // The quotation's own closing comma still separates clauses: "of “values,” saying" reads "of , saying".
    const mark = /[,;:—–]$/.exec(words)?.[0];
    if (mark) head.unshift({ text: mark, start: before.end - 1, end: before.end, word: false, cap: false, key: mark, possessive: false });
  }
  return head;
}

/** Narrative tokens after span k up to the end of its sentence (the sentence-ending mark included). */
export function tailOf(view: ParagraphView, k: number): Token[] {
  const gap = view.gaps[k + 1] ?? [];
  const end = gap.findIndex((t) => endsSentence(t));
  return end < 0 ? gap : gap.slice(0, end + 1);
}

/** True when the frame between span k and span k+1 holds more than one sentence's attribution tail. */
export function frameHasNarrative(view: ParagraphView, k: number): boolean {
  const gap = view.gaps[k + 1] ?? [];
  const end = gap.findIndex((t) => endsSentence(t));
  return end >= 0 && end < gap.length - 1;
}
