/**
 * The parts of a sentence an event text is cut from: clauses (split at semicolons, "while", ", but",
 * ", and" before a new predicate, participle clauses), side remarks (", which opened in 1998,"),
 * quotations, and the subject a later clause shares with the first ("…, and ordered…").
 */
import { type Token } from './grammar.js';

/** A span of a sentence, [start, end) in characters. */
export interface Range {
  start: number;
  end: number;
}

/** ", which has 80 staff," — a non-restrictive relative clause, to its closing comma or the end. */
const RELATIVE_CLAUSE = /,\s+(?:which|who|whose|whom|where)\s[^,;]*(?:,|(?=[.!?]?$))/g;
/** ", closed since 2011," — a phrase between commas that may be a participle remark. */
const BETWEEN_COMMAS = /,\s+[a-z]+\s[^,;]*,/g;

/**
 * Clauses split at semicolons, a lone dash, "while"/"whereas", "but", "and" before a new predicate ("…, and
 * closed the road…", "and would reopen…"; not a list: "…, and her brother Tom"), and a comma before
 * a participle (", forcing a recount…").
 */
export function clauseRanges(sentence: string, tokensOf: () => Token[]): Range[] {
  const dashes = sentence.match(/\s[—–]\s|\s--\s/g)?.length ?? 0;
  const boundary = new RegExp(
    `;\\s+|,?\\s+(?:while|whereas)\\s+|,?\\s+but\\s+|,?\\s+(and)\\s+|,\\s+(?=[a-z]+ing\\s)${dashes === 1 ? '|\\s[—–]\\s|\\s--\\s' : ''}`,
    'g',
  );
  const quotes = quoteRanges(sentence);
  const ranges: Range[] = [];
  let start = 0;
  for (const b of sentence.matchAll(boundary)) {
    if (quotes.some((q) => b.index > q.start && b.index < q.end)) continue;
    // ", and the council said…", "and would reopen…": a new predicate; "X and Y" in a list is none.
    if (b[1] && !opensPredicate(tokensOf(), b.index + b[0].length, b[0].startsWith(','))) continue;
    // ", forcing a recount…" opens a participle clause; ", evening classes…" does not.
    if (/^,\s+$/.test(b[0]) && !isParticiple(tokensOf(), b.index + b[0].length)) continue;
    ranges.push({ start, end: b.index });
    start = b.index + b[0].length;
  }
  ranges.push({ start, end: sentence.length });
  return ranges.filter((r) => r.end > r.start);
}

/** Words in -ing that work as prepositions: ", according to the ministry", ", including…", ", following the vote". */
const PREPOSITION_LIKE = /^(?:according|including|following|regarding|concerning|excluding|during|notwithstanding)$/;

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

function isParticiple(tokens: Token[], offset: number): boolean {
  const t = tokens.find((x) => x.start >= offset);
  return !!t && t.pos === 'VERB' && t.lower.endsWith('ing') && !PREPOSITION_LIKE.test(t.lower);
}

/**
 * Whether the words from `offset` start a predicate: a verb, or (after a comma) a short subject and then a
 * verb. Without a comma only a verb group counts ("and would reopen", "and closed the road").
 */
function opensPredicate(tokens: Token[], offset: number, comma: boolean): boolean {
  const first = tokens.findIndex((t) => t.start >= offset);
  if (first < 0) return false;
  if (!comma) return isVerb(tokens[first]!) && !tokens[first]!.lower.endsWith('ing');
  for (let i = first; i < Math.min(tokens.length, first + 7); i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    // "then she resigned", "a new county poll shows", "the council's leader said".
    const partOfSubject = /^(?:PRON|DET|PROPN|NOUN|ADJ|NUM|ADV|PART)$/.test(t.pos) || /^[/'’-]$/.test(t.text);
    if (!partOfSubject) return false;
  }
  return false;
}

/** Spans inside quotation marks (curly, or straight paired by position). */
export function quoteRanges(sentence: string): Range[] {
  const ranges: Range[] = [];
  for (const m of sentence.matchAll(/“[^”]*”?|"[^"]*"?/g)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

/**
 * Side remarks the main clause reads on past: a non-restrictive relative clause or a participle phrase
 * between commas (", closed since 2011,"), when the main verb follows the closing comma. Remarks that
 * end the sentence count too.
 */
export function sideRemarks(sentence: string, tokensOf: () => Token[]): Range[] {
  const candidates = [
    ...[...sentence.matchAll(RELATIVE_CLAUSE)].map((m) => ({ start: m.index, end: m.index + m[0].length, participle: false })),
    ...[...sentence.matchAll(BETWEEN_COMMAS)].map((m) => ({ start: m.index, end: m.index + m[0].length, participle: true })),
  ];
  if (candidates.length === 0) return [];
  const tokens = tokensOf();
  const tokenAt = (offset: number): Token | undefined => tokens.find((t) => t.start >= offset);
  const finiteVerb = (t: Token | undefined): boolean => !!t && (t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing')));
  return candidates.filter((c) => {
    const atEnd = /^[.!?]?["”’)]*\s*$/.test(sentence.slice(c.end));
    if (!atEnd && !finiteVerb(tokenAt(c.end))) return false;
    if (!c.participle) return true;
    const first = tokenAt(c.start + 1);
    return !atEnd && !!first && first.pos === 'VERB' && /(?:ed|en)$/.test(first.lower);
  });
}

/** `range` without `cut`: the pieces before and after it that hold any text. */
export function subtract(range: Range, cut: Range, sentence: string): Range[] {
  if (cut.end <= range.start || cut.start >= range.end) return [range];
  const out: Range[] = [];
  if (cut.start > range.start) out.push({ start: range.start, end: cut.start });
  if (cut.end < range.end) out.push({ start: cut.end, end: range.end });
  return out.filter((r) => sentence.slice(r.start, r.end).trim().length > 0);
}

/** "The council met on Friday, and closed the road…" reads "The council closed the road…". */
export function withSubject(sentence: string, first: Range, clause: Range, text: string, tokensOf: () => Token[]): string {
  const tokens = tokensOf();
  const opening = tokens.find((t) => t.start >= clause.start && /\S/.test(t.text));
  // A finite verb takes the subject; a participle ("forcing…") stays as written.
  if (!opening || !isVerb(opening) || opening.lower.endsWith('ing') || !text.toLowerCase().startsWith(opening.lower)) return text;
  // The subject stands before the first verb of the last comma-separated part of the first clause that has
  // one: "In a vote that surprised many, the mayor backed the plan…" → "the mayor".
  const parts = [...sentence.slice(first.start, first.end).matchAll(/[^,]+/g)].map((m) => first.start + m.index);
  let verb: Token | undefined;
  let partStart = first.start;
  for (const at of parts) {
    const v = tokens.find((t) => t.start >= at && t.end <= first.end && isVerb(t) && !sentence.slice(at, t.start).includes(','));
    if (v) [verb, partStart] = [v, at];
  }
  const subject = verb ? sentence.slice(partStart, verb.start).trim() : '';
  const words = subject.split(/\s+/).length;
  const adverbial = /^(?:in|on|at|after|before|when|while|as|if|since|during|for|with|by|from|once)\b|\b(?:that|which|who)\b/i;
  if (!subject || words > 8 || /[,;:"“”]/.test(subject) || !/^[A-Z]/.test(subject) || adverbial.test(subject)) return text;
  return `${subject} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
