/**
 * Quotations of one document: quoted spans read as pieces, pieces joined into quotations (broken by their
 * attribution, or running on across paragraphs wire-style), each given the speaker its sentence names — or,
 * failing that, the speaker its paragraph or the paragraph before it introduced.
 */
import type { Evidence } from '../../model/briefing.js';
import type { Document, Sentence } from '../../model/source.js';
import { clauseSubject, framingSpeaker, headIntroduces, headRunsOn, headSpeaker, subjectOfVerb, tailSpeaker } from './attribution.js';
import { DocumentContext, type Place } from './context.js';
import { SPEECH_VERBS } from './lexicon.js';
import { endsSentence, type Token } from './tokens.js';
import type { FoundQuote, Speaker, SpeakerPhrase } from './types.js';
import { ATTRIBUTION_REACH, frameHasNarrative, headOf, sentenceAt, sentenceOrdinal, spanText, tailOf, viewsOf, type ParagraphView } from './view.js';

interface Piece {
  view: ParagraphView;
  /** Position of the view in the document's view list. */
  v: number;
  k: number;
  text: string;
  partial: boolean;
  head: Token[];
  phrase: SpeakerPhrase | null;
}

interface Unit {
  pieces: Piece[];
  speaker: Speaker | null;
}

export interface ExtractOptions {
  /**
   * Join a quotation's pieces when its attribution ends a sentence between them (`"…," she said. "…"`); when false,
   * only pieces within one sentence are joined (`"…," she said, "…"`) and the others keep the same speaker.
   */
  joinAcrossSentences: boolean;
}

/** Quotations found in one document, in source order, each with its speaker (or null) and evidence. */
export function quotesOfDocument(doc: Document, sentences: Sentence[], options: ExtractOptions): FoundQuote[] {
  const views = viewsOf(doc, sentences);
  const pieces = views.flatMap((view, v) => view.spans.map((_, k) => readPiece(view, v, k))).filter((p): p is Piece => p !== null);
  const speakers = pieces.flatMap((p) => (p.phrase?.kind === 'name' && !p.phrase.organisation ? [p.phrase.name] : []));
  const context = new DocumentContext(views, speakers);
  const units = groupPieces(pieces, options.joinAcrossSentences);
  const resolver = new Resolver(views, context);
  units.forEach((unit, u) => {
    unit.speaker = resolver.speakerOf(units, u);
  });
  return units.map((unit) => toFound(doc.source.id, unit));
}

/**
 * Span k of a paragraph as a piece: partial when the words before it run on into it ("called it “…”") or it starts
 * in lower case without an introducing colon; then its own speaker phrase, from the tail first, then the head.
 */
function readPiece(view: ParagraphView, v: number, k: number): Piece | null {
  const text = spanText(view, k);
  const head = headOf(view, k);
  const tail = tailOf(view, k);
  const continued = k === 0 && view.continues;
  const opensSentence = /^[\p{Lu}\p{N}¿¡'"‘“]/u.test(text);
  const embedded = headRunsOn(head) || (head.length > 0 && !headIntroduces(head));
  const partial = !continued && (embedded || (!opensSentence && head[head.length - 1]?.text !== ':'));
  if (partial && isTitle(text)) return null;
  const closedSentence = /[.!?…]$/.test(text);
  const phrase = partial ? tailSpeaker(tail, false) ?? framingSpeaker(head) : tailSpeaker(tail, closedSentence) ?? headSpeaker(head);
  return { view, v, k, text, partial, head, phrase };
}

/** A quoted title or name ("Morning Harbour Show", "The Art of Winning"): every word capitalised, no sentence in it. */
function isTitle(text: string): boolean {
  const words = text.replace(/[,.;:!?]+$/, '').split(/\s+/);
  if (words.length < 2 || words.length > 8) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && /^(?:of|the|a|an|and|in|on|for|to|at|by|with|or)$/.test(w)));
}

/**
 * Pieces that make one quotation: a wire continuation, or full pieces in one paragraph separated by no more than
 * an attribution (`"…," she said. "…"`) when at most one of them names its own speaker.
 */
function groupPieces(pieces: Piece[], acrossSentences: boolean): Unit[] {
  const units: Unit[] = [];
  let last: Piece | null = null;
  for (const p of pieces) {
    const unit = units[units.length - 1];
    const prev = last;
    last = p;
    if (unit && prev) {
      const wire = p.k === 0 && p.view.continues && prev.v === p.v - 1 && prev.k === prev.view.spans.length - 1;
      const broken =
        prev.v === p.v &&
        prev.k === p.k - 1 &&
        !prev.partial &&
        !p.partial &&
        !frameHasNarrative(p.view, prev.k) &&
        (acrossSentences || !sentenceEndsBetween(p.view, prev.k)) &&
        (p.phrase === null || unit.pieces.every((q) => q.phrase === null));
      if (wire || broken) {
        unit.pieces.push(p);
        continue;
      }
    }
    units.push({ pieces: [p], speaker: null });
  }
  return units;
}

/** Turns speaker phrases into speakers, with the document context and the quotations already attributed. */
class Resolver {
  constructor(
    private readonly views: ParagraphView[],
    private readonly context: DocumentContext,
  ) {}

  /** The speaker of units[u], given the speakers of the units before it. */
  speakerOf(units: readonly Unit[], u: number): Speaker | null {
    const unit = units[u]!;
    const named = unit.pieces.find((p) => p.phrase !== null);
    if (named) return this.resolve(named.phrase!, named.view);
    const first = unit.pieces[0]!;
    if (first.partial) return null;
    const previous = units[u - 1];
    // Continued in the same paragraph without a new attribution: same speaker.
    if (previous && previous.pieces[0]!.v === first.v && !previous.pieces[0]!.partial && previous.speaker) return previous.speaker;
    if (first.head.length > 0) return null;
    return this.fromParagraph(first) ?? this.fromPreviousParagraph(first, units, u);
  }

  resolve(phrase: SpeakerPhrase, view: ParagraphView): Speaker | null {
    const at: Place = { sentence: sentenceOrdinal(view, phrase.at), offset: phrase.at };
    if (phrase.kind === 'name') {
      if (phrase.organisation) return { name: phrase.name, role: phrase.role };
      const name = this.context.fullName(phrase.name, at);
      return { name, role: phrase.role ?? this.context.roleOf(name) };
    }
    const mention =
      phrase.kind === 'pronoun' ? this.context.resolvePronoun(phrase.pronoun, at) : this.context.resolveDescription(phrase, at);
    if (!mention) return null;
    if ('sentence' in mention) {
      if (mention.organisation) return { name: mention.name, role: null };
      const name = this.context.fullName(mention.name, mention);
      return { name, role: this.context.roleOf(name) };
    }
    return mention;
  }

  /** A quotation opening a sentence after narrative in its paragraph: whoever the last "X said" there names. */
  private fromParagraph(piece: Piece): Speaker | null {
    const gap = piece.view.gaps[piece.k]!;
    return this.lastSpeech(piece.view, gap.length > 0 ? gap[gap.length - 1]!.end : 0, piece.k);
  }

  /** A paragraph that is only a quotation: whoever the paragraph before introduced (colon) or last quoted. */
  private fromPreviousParagraph(piece: Piece, units: readonly Unit[], u: number): Speaker | null {
    if (piece.k !== 0 || piece.view.gaps[0]!.length > 0) return null;
    const prevView = this.views[piece.v - 1];
    if (!prevView || prevView.index !== piece.view.index - 1) return null;
    const lastGap = prevView.gaps[prevView.gaps.length - 1]!;
    if (lastGap[lastGap.length - 1]?.text === ':') {
      const head = lastGap.slice(lastSentenceStart(lastGap));
      const phrase = headSpeaker(head);
      if (phrase) return this.resolve(phrase, prevView);
    }
    const quoted = lastQuotedIn(units, u, piece.v - 1);
    const said = this.lastSpeech(prevView, prevView.text.length, prevView.spans.length);
    const quotedAt = quoted ? Math.max(...quoted.pieces.filter((p) => p.v === piece.v - 1).map((p) => p.view.spans[p.k]!.open)) : -1;
    if (said && (!quoted?.speaker || said.at > quotedAt)) return said;
    if (quoted?.speaker) return quoted.speaker;
    // "Ruiz praised the plan." then a bare quotation: the person the sentence before was about.
    const last = lastGap.slice(lastSentenceStart(lastGap));
    const subject = prevView.spans.length === 0 ? clauseSubject(last, last.length) : null;
    return subject && subject.phrase.kind !== 'description' ? this.resolve(subject.phrase, prevView) : null;
  }

  /** The last "X said …" in narrative before `limit` (offset) in a paragraph, within gaps up to `lastGap`. */
  private lastSpeech(view: ParagraphView, limit: number, lastGap: number): (Speaker & { at: number }) | null {
    const last = Math.min(lastGap, view.gaps.length - 1);
    for (let g = last; g >= Math.max(0, last - ATTRIBUTION_REACH); g--) {
      const gap = view.gaps[g]!;
      for (let i = gap.length - 1; i >= 0; i--) {
        const t = gap[i]!;
        if (t.start >= limit || !t.word || t.cap || SPEECH_VERBS.get(t.key) === undefined || t.key.endsWith('ing')) continue;
        const subject = subjectOfVerb(gap, i);
        if (!subject || subject.phrase.kind === 'description') continue;
        const speaker = this.resolve(subject.phrase, view);
        if (speaker) return { ...speaker, at: t.start };
      }
    }
    return null;
  }
}

/** The last full (not partial) unit before units[u] with a piece in view v; units are in source order. */
function lastQuotedIn(units: readonly Unit[], u: number, v: number): Unit | undefined {
  for (let i = u - 1; i >= 0; i--) {
    const unit = units[i]!;
    if (unit.pieces.every((p) => p.v < v)) return undefined;
    if (unit.pieces.some((p) => p.v === v) && !unit.pieces[0]!.partial) return unit;
  }
  return undefined;
}

/** True when a sentence ends between span k and span k+1 (in the quotation or in its attribution). */
function sentenceEndsBetween(view: ParagraphView, k: number): boolean {
  return /[.!?…]$/.test(spanText(view, k)) || (view.gaps[k + 1] ?? []).some((t) => endsSentence(t));
}

function lastSentenceStart(gap: Token[]): number {
  for (let i = gap.length - 2; i >= 0; i--) if (endsSentence(gap[i])) return i + 1;
  return 0;
}

function toFound(source: string, unit: Unit): FoundQuote {
  const first = unit.pieces[0]!;
  const partial = unit.pieces.every((p) => p.partial);
  return {
    text: joinPieces(unit.pieces.map((p) => p.text), partial),
    speaker: unit.speaker ? { name: unit.speaker.name, role: unit.speaker.role } : null,
    partial,
    source,
    paragraph: first.view.index,
    offset: first.view.spans[first.k]!.open,
    evidence: unit.pieces.flatMap((p) => evidenceOf(source, p)).filter((e, i, all) => all.findIndex((f) => f.paragraph === e.paragraph && f.sentence === e.sentence) === i),
  };
}

function evidenceOf(source: string, piece: Piece): Evidence[] {
  const span = piece.view.spans[piece.k]!;
  const from = sentenceAt(piece.view, span.open);
  const to = sentenceAt(piece.view, Math.max(span.open, span.end - 1));
  const out: Evidence[] = [];
  for (let s = from; s <= to; s++) out.push({ source, paragraph: piece.view.index, sentence: s });
  return out;
}

/**
 * The words of a quotation's pieces as one text: a comma that ended a piece before the attribution becomes a
 * period when the next piece starts a new sentence, and at the very end of a full quotation.
 */
export function joinPieces(texts: string[], partial: boolean): string {
  const parts = texts.map((t, i) => {
    const next = texts[i + 1];
    let s = t.replace(/\s+/g, ' ').trim();
    if (next !== undefined) return /^[\p{Lu}\p{N}]/u.test(next) ? s.replace(/[,;:]$/, '.') : s;
    s = partial ? s.replace(/[,;:]$/, '') : s.replace(/[,;:]$/, '.');
    return s;
  });
  return parts.join(' ');
}
