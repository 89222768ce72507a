/**
 * The event a date belongs to: the clause that carries it, without attribution ("…, police said"),
 * side remarks (", which has 80 staff,") and other clauses with dates of their own. Texts are
 * pieces of the source sentence, so every line stays traceable to it.
 */
import { attributionRanges } from './attribution.js';
import { clauseRanges, quoteRanges, sideRemarks, subtract, withSubject, type Range } from './clauses.js';
import { tokenize, type Token } from './grammar.js';
import type { DateMention } from './index.js';

export interface DatedEvent {
  mention: DateMention;
  /** The clause as a reader sees it: trimmed, capitalised, ending with punctuation. */
  text: string;
}

/** Deictic words in quoted speech refer to when the speaker spoke, not to an event worth a line. */
const DEICTIC = /^(?:(?:for|by|until|from)\s+)?(?:today|tonight|now|this\s+(?:morning|afternoon|evening))$/i;

/** A mention that ends on "after"/"before" dates the event named after it. */
const ANCHORED = /\b(?:after|before)$/i;

const inside = (m: DateMention, r: Range): boolean => m.index >= r.start && m.index < r.end;

/** The events a sentence dates: one per clause, and one per side remark that carries its own date. */
export function datedEvents(sentence: string, mentions: DateMention[]): DatedEvent[] {
  const quotes = quoteRanges(sentence);
  const attribution = attributionRanges(sentence, mentions);
  const usable = mentions.filter((m) => !(DEICTIC.test(m.text) && quotes.some((q) => inside(m, q))));
  const possessive = (m: DateMention): boolean => /^['’]s\b/.test(sentence.slice(m.index + m.text.length));
  const said = (m: DateMention): boolean => attribution.ranges.some((a) => inside(m, a));
  let tokens: Token[] | undefined;
  const tokensOf = (): Token[] => (tokens ??= tokenize(sentence));

  // A line without a verb ("Smoke over the town on Thursday.") is a caption or a label, not an event.
  if (usable.length === 0 || !tokensOf().some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return [];
  const remarks = sideRemarks(sentence, tokensOf);
  const clauses = joinUndated(clauseRanges(sentence, tokensOf), (c) => usable.some((m) => inside(m, c) && !possessive(m)));
  const events: DatedEvent[] = [];
  for (const [i, clause] of clauses.entries()) {
    const here = usable.filter((m) => inside(m, clause) && !possessive(m));
    // "The plant, which opened in 1998, …": the remark's date dates the remark.
    for (const remark of remarks.filter((r) => r.start >= clause.start && r.start < clause.end)) {
      const own = here.find((m) => inside(m, remark));
      if (own) events.push({ mention: own, text: finish(sentence.slice(headOf(remark, clause, tokensOf()), remark.end).replace(/,$/, '')) });
    }
    // "…, a week after the storm hit the coast": the named event is an event of its own.
    const anchored = here.filter((m) => ANCHORED.test(m.text) && !remarks.some((r) => inside(m, r)));
    for (const m of anchored) events.push({ mention: m, text: eventText(sentence, m, clause, quotes, []) });
    const main = here.filter((m) => !remarks.some((r) => inside(m, r)) && !anchored.includes(m));
    // "…approved the plan on March 3 and the works began on April 10": two dated events in one clause.
    for (const part of coordinatedParts(sentence, clause, main.filter((m) => !said(m)), tokensOf)) {
      // The event's own date; the date of the saying only when the part has no other.
      const own = main.filter((m) => inside(m, part));
      const mention = own.find((m) => !said(m)) ?? own[0];
      if (!mention) continue;
      const cuts = [...remarks, ...(said(mention) ? [] : attribution.removable)];
      const text = eventText(sentence, mention, part, quotes, cuts);
      events.push({ mention, text: i > 0 || part.start > clause.start ? withSubject(sentence, clauses[0]!, part, text, tokensOf) : text });
    }
  }
  // "Sunday's storm flooded the quay": a possessive date dates the sentence when nothing else does.
  const lone = usable[0];
  if (events.length === 0 && lone) events.push({ mention: lone, text: finish(sentence) });
  return events.sort((a, b) => a.mention.index - b.mention.index);
}

/** Words of the noun phrase a side remark describes: "the breakaway republics, which …". */
const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART', 'PRON']);

/**
 * Where the noun phrase a side remark is about starts: the remark dates that thing, not the clause around
 * it ("Russia's recognition of the breakaway republics, which form an enclave held since 2014" dates the
 * enclave, and the row reads "The breakaway republics, which form an enclave held since 2014").
 */
function headOf(remark: Range, clause: Range, tokens: Token[]): number {
  let start = remark.start;
  for (let k = tokens.findLastIndex((t) => t.end <= remark.start && /\w/.test(t.text)); k >= 0; k--) {
    const t = tokens[k]!;
    if (t.start < clause.start || !NOUN_PHRASE.has(t.pos) || (t.pos === 'PRON' && !/^(?:its|their|his|her)$/i.test(t.text))) break;
    start = t.start;
  }
  return start === remark.start ? clause.start : start;
}

/** Where a clause coordinates a second event: ", and", " and", "; ", ", while", ", but", ", then". */
const COORDINATION = /(?:,\s*|\s+)(?:and|but|while|then|before|after)\s+|;\s+/gi;

/**
 * A clause cut between its dated events: at the last coordination before each further date whose part
 * has a verb of its own. A clause with one date, or none to cut at, stays whole.
 */
function coordinatedParts(sentence: string, clause: Range, dated: DateMention[], tokensOf: () => Token[]): Range[] {
  if (dated.length < 2) return [clause];
  const parts: Range[] = [];
  let start = clause.start;
  for (let k = 1; k < dated.length; k++) {
    const from = dated[k - 1]!.index + dated[k - 1]!.text.length;
    const to = dated[k]!.index;
    let cut: { end: number; next: number } | undefined;
    for (const m of sentence.slice(from, to).matchAll(COORDINATION)) cut = { end: from + m.index!, next: from + m.index! + m[0].length };
    const verb = cut && tokensOf().some((t) => t.start >= cut.next && t.start < to && (t.pos === 'VERB' || t.pos === 'AUX'));
    if (!cut || !verb) continue;
    parts.push({ ...clause, start, end: cut.end });
    start = cut.next;
  }
  parts.push({ ...clause, start });
  return parts;
}

/**
 * Clauses are events of their own only when they carry a date: an undated clause joins the one before it
 * (or, at the start, the one after it), so the dated clause keeps all it says ("…on Friday and evacuated
 * 40 homes", "The mayor wrote to residents, calling it a scandal, on Friday").
 */
function joinUndated(clauses: Range[], dated: (c: Range) => boolean): Range[] {
  const joined: Range[] = [];
  let pending: Range | undefined;
  for (const c of clauses) {
    const head = joined.at(-1);
    if (pending) {
      joined.push({ ...c, start: pending.start });
      pending = undefined;
    } else if (!dated(c) && head) head.end = c.end;
    else if (!dated(c)) pending = c;
    else joined.push({ ...c });
  }
  if (pending) joined.push(pending);
  return joined;
}

function eventText(sentence: string, m: DateMention, clause: Range, quotes: Range[], cuts: Range[]): string {
  if (quotes.some((q) => inside(m, q))) return finish(sentence);
  // "a week after the ferry sank": the event is the one named after the duration.
  if (ANCHORED.test(m.text)) {
    const from = m.index + m.text.length;
    const to = sentence.slice(from).search(/[,;—–]|\s--?\s|[.!?]?$/);
    return finish(sentence.slice(from, from + to)) || finish(sentence);
  }
  let kept: Range[] = [clause];
  for (const cut of cuts) kept = kept.flatMap((k) => subtract(k, cut, sentence));
  const text = kept.map((k) => sentence.slice(k.start, k.end).trim()).join(' ');
  // Cutting quotes and attributions can leave nothing of the clause: the sentence then stands for the event.
  return finish(text || sentence.slice(clause.start, clause.end)) || finish(sentence);
}

/** Tidy a clause for display: single spaces, no dangling punctuation, a capital and a full stop. */
export function finish(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim().replace(/^[,;:—–-]+\s*/, '').replace(/[\s,;:—–-]+$/, '');
  if (t.length === 0) return t;
  t = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]["”’)]*$|[.!?]$/.test(t) ? t : `${t}.`;
}
