/**
 * Clause parts the question rules need: the noun phrase before a verb (its subject), who said a reported
 * clause, a pronoun subject replaced by that speaker, and where a clause ends.
 */
import { HONORIFICS, TITLES } from '../quotes/lexicon.js';
import { spanText, wordSet, type Token } from './tokens.js';
import type { SentenceView } from './view.js';

/** A token range [from, to) in a sentence. */
export interface Span {
  from: number;
  to: number;
}

const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
/** Prepositions that may sit inside a subject: "inspectors from the ministry", "a vote on the budget". */
const INNER_PREPOSITIONS = wordSet('of on from for at in into with over about');
const SUBJECT_PRONOUNS = wordSet('he she it they we i you');
const POSSESSIVE_PRONOUNS = wordSet('his her its their our my your');
const RELATIVE = wordSet('which who whose whom where');
/** Verbs that report speech; a clause after them is what someone said. */
export const SPEECH = wordSet(`said says say told tells added adds stated states confirmed confirms announced announces
  warned warns insisted insists claimed claims reported reports indicated indicates suggested suggests believed believes
  expected expects predicted predicts acknowledged acknowledges admitted admits wrote writes tweeted`);
/** Adverbs that may stand between a subject and its verb ("the company now has until…"). */
const VERB_ADVERBS = wordSet('also now still already then later previously reportedly again first formally finally');

/** The noun phrase that ends just before token `i`, or null (a pronoun counts; adverbs before `i` are skipped). */
export function subjectBefore(tokens: Token[], i: number): Span | null {
  let to = i;
  while (to > 0 && VERB_ADVERBS.has(tokens[to - 1]!.lower)) to--;
  const last = tokens[to - 1];
  if (!last) return null;
  if (last.pos === 'PRON') return SUBJECT_PRONOUNS.has(last.lower) || /^(?:no one|nobody|everyone)$/.test(last.lower) ? { from: to - 1, to } : null;
  let from = to;
  for (let k = to - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (t.text === ',' && from < to) {
      // "The plant, which employs 400 people, will close": step over a relative clause or apposition.
      const open = openingComma(tokens, k);
      if (open === null) break;
      k = open;
      continue;
    }
    const hyphen = t.text === '-' && k > 0 && t.start === tokens[k - 1]!.end;
    if (NOUN_PHRASE_POS.has(t.pos) || hyphen || t.text === '&') {
      // "Monday the council": a determiner opens its phrase, so a noun right before it is another phrase.
      if (next && next.pos === 'DET' && from === k + 1 && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ')) break;
      from = k;
      continue;
    }
    if (t.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(t.lower)) {
      from = k;
      break;
    }
    const inner = (t.pos === 'ADP' && INNER_PREPOSITIONS.has(t.lower)) || (t.pos === 'CCONJ' && t.lower === 'and');
    const before = tokens[k - 1];
    if (inner && from === k + 1 && before && (before.pos === 'NOUN' || before.pos === 'PROPN')) {
      from = k;
      continue;
    }
    break;
  }
  while (from < to && (tokens[from]!.pos === 'ADP' || tokens[from]!.pos === 'CCONJ' || tokens[from]!.pos === 'PART')) from++;
  if (from >= to) return null;
  // "Also in focus will be …", "flights which take off from the EU will …": a phrase after a preposition is no subject.
  if (tokens[from - 1]?.pos === 'ADP' && tokens[from - 1]!.lower !== 'that') return null;
  return hasNoun(tokens, from, to) ? { from, to } : null;
}

/**
 * The subject of the verb at `v`: steps back over auxiliaries and "not", follows "… and promised" back to
 * the first verb of the pair, and ", which opened" back to the phrase the relative clause describes.
 */
export function subjectOfVerb(tokens: Token[], v: number): Span | null {
  let k = v;
  while (k > 0 && (tokens[k - 1]!.pos === 'AUX' || /^(?:not|n't|never)$/.test(tokens[k - 1]!.lower) || VERB_ADVERBS.has(tokens[k - 1]!.lower))) k--;
  const prev = tokens[k - 1];
  if (!prev) return null;
  if (prev.lower === 'and' || prev.lower === 'but') {
    for (let j = k - 2; j >= 0 && k - j < 14; j--) {
      const t = tokens[j]!;
      if (/^[.;:]$/.test(t.text)) break;
      if (t.pos === 'VERB') return subjectOfVerb(tokens, j);
    }
    return null;
  }
  if (RELATIVE.has(prev.lower)) return subjectBefore(tokens, tokens[k - 2]?.text === ',' ? k - 2 : k - 1);
  // "Alan Price, the former mayor, died", "The plant, which employs 400 people, will close": the subject is before the aside.
  if (prev.text === ',') {
    const open = openingComma(tokens, k - 1);
    return open === null ? null : subjectBefore(tokens, open);
  }
  return subjectBefore(tokens, k);
}

/** The comma that opens a ", which …," or ", the chief executive," aside ending at comma `close`, or null. */
function openingComma(tokens: Token[], close: number): number | null {
  for (let k = close - 1; k > 0 && close - k <= 12; k--) {
    if (tokens[k]!.text !== ',') continue;
    const first = tokens[k + 1];
    if (first && (RELATIVE.has(first.lower) || first.pos === 'DET' || first.pos === 'PROPN')) return k;
    return null;
  }
  return null;
}

function hasNoun(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(tokens[k]!.pos)) return true;
  return false;
}

/** The speech verb that introduces the clause starting at `i` ("X said (that) <clause>"), or -1. */
export function speechVerbBefore(tokens: Token[], i: number): number {
  let k = i - 1;
  if (tokens[k]?.lower === 'that') k--;
  // "said on Monday that …", "said last month it …"
  for (let back = 0; back < 5 && k >= 0; back++, k--) {
    if (SPEECH.has(tokens[k]!.lower)) return k;
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX' || tokens[k]!.text === ',') return -1;
  }
  return -1;
}

/** Whether the span is a first- or second-person pronoun or possessive ("we", "our plans"): the speaker's own voice. */
export function isFirstPerson(tokens: Token[], span: Span): boolean {
  const first = tokens[span.from]!.lower;
  return /^(?:i|we|you|our|my|your|us)$/.test(first);
}

/**
 * The subject as a reader outside the sentence understands it: a pronoun ("she", "her government")
 * becomes the speaker of the reported clause; null when a pronoun has nobody to stand for.
 */
export function resolvedSubject(view: Pick<SentenceView, 'text' | 'tokens' | 'isCommonWord'>, span: Span): string | null {
  const { text, tokens, isCommonWord } = view;
  const head = tokens[span.from]!;
  const written = spanText(text, tokens, span.from, span.to);
  const pronoun = SUBJECT_PRONOUNS.has(head.lower) && span.to === span.from + 1;
  const possessive = POSSESSIVE_PRONOUNS.has(head.lower);
  if (!pronoun && !possessive) return lowerArticle(written, tokens, span, isCommonWord);
  if (isFirstPerson(tokens, span)) return null;
  const verb = speechVerbBefore(tokens, span.from);
  const speakerSpan = verb >= 0 ? subjectBefore(tokens, verb) : null;
  if (!speakerSpan || tokens[speakerSpan.from]!.pos === 'PRON') return null;
  const speaker = speakerName(text, tokens, speakerSpan, isCommonWord);
  if (pronoun) return speaker;
  const rest = spanText(text, tokens, span.from + 1, span.to);
  const plural = /s$/.test(speaker) && tokens[speakerSpan.to - 1]!.pos !== 'PROPN';
  return `${speaker}${plural ? '’' : '’s'} ${rest}`;
}

/** "Deputy Health Minister Jane Roe" → "Jane Roe"; "The company" → "the company". */
export function speakerName(text: string, tokens: Token[], span: Span, isCommonWord: (word: string) => boolean): string {
  let k = span.to;
  while (k > span.from && tokens[k - 1]!.pos === 'PROPN' && !TITLES.has(tokens[k - 1]!.lower) && !HONORIFICS.has(tokens[k - 1]!.lower)) k--;
  const name = span.to - k >= 2 && span.to - k <= 3 ? { from: k, to: span.to } : span;
  return lowerArticle(spanText(text, tokens, name.from, name.to), tokens, name, isCommonWord);
}

/**
 * A phrase moved from the start of a sentence into a question keeps its capitals only when they are a name's:
 * "The company" → "the company"; "Investigators" → "investigators" when the corpus uses the word in lower case.
 */
export function lowerArticle(phrase: string, tokens: Token[], span: Span, isCommonWord: (word: string) => boolean): string {
  const head = tokens[span.from];
  if (!head || /^[A-Z]{2,}/.test(head.text)) return phrase;
  if (head.pos === 'PROPN' && !(span.from === 0 && isCommonWord(head.lower))) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

const CLAUSE_BREAK = wordSet('but while whereas although though because since unless which who');

/** The token where the clause starting at `from` ends: a comma, semicolon, dash, "but", "while"… or the sentence end. */
export function clauseEnd(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (/^[,;:—–]$|^--$/.test(t.text) || (t.text === '-' && k > 0 && t.start !== tokens[k - 1]!.end)) return k;
    if (k > from && CLAUSE_BREAK.has(t.lower) && t.pos !== 'PROPN') return k;
    // "… on Friday and demanded a review": a second verb phrase is a second clause.
    if (k > from && t.pos === 'CCONJ' && (tokens[k + 1]?.pos === 'VERB' || tokens[k + 1]?.pos === 'AUX' || startsClause(tokens, k + 1))) return k;
    if (/^[.!?]$/.test(t.text)) return k;
    if (/^["”»]$/.test(t.text) && k > from) return k;
  }
  return tokens.length;
}

/** "… and the process may go on": a subject and its verb right after a conjunction start a new clause. */
function startsClause(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 5; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' || t.pos === 'VERB') return k > from && ['NOUN', 'PROPN', 'PRON'].includes(tokens[k - 1]!.pos);
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM'].includes(t.pos)) return false;
  }
  return false;
}
