/**
 * Just enough grammar to tell which way a date points: part-of-speech tokens with character offsets
 * (wink-nlp), and the tense of the verb group that governs a position in a sentence.
 */
import { posTokens, type PosToken } from '../nlp.js';
import type { Tense } from './calendar.js';

export type Token = PosToken;

/** Tag a sentence; offsets point into the text as given. */
export const tokenize = posTokens;

const FUTURE_AUX = new Set(['will', 'would', 'shall', "'ll", 'wo', '’ll']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
/** Verbs whose object or complement lies ahead of them: "expected on Monday", "plans to meet on Friday". */
const LOOKS_AHEAD = new Set(
  ('expect schedule slate plan intend aim agree promise vow pledge threaten prepare hope want seek decide propose ' +
    'due set poise reschedule postpone delay adjourn').split(' '),
);
/** Verbs that send someone to do something later: their infinitive lies ahead of the order. */
const DIRECTIVES = new Set('order tell ask urge advise instruct allow force require direct permit invite encourage warn remind'.split(' '));
/** Where the search for a governing verb stops: the date belongs to another clause beyond these. */
const CLAUSE_BREAK = /^[;:—–()"“”]$/;

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** A participle or gerund standing without an auxiliary modifies a noun ("crews clearing the road"). */
function isBareParticiple(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.pos === 'VERB' && t.lower.endsWith('ing') && !(i > 0 && isVerb(tokens[i - 1]!));
}

/** Index of the first token of the verb group ending at `head` (auxiliaries, adverbs and "to" before it). */
function groupStart(tokens: Token[], head: number): number {
  let i = head;
  while (i > 0) {
    const p = tokens[i - 1]!;
    if (isVerb(p) || p.pos === 'PART' || p.pos === 'ADV' || (p.pos === 'ADJ' && isVerb(tokens[i - 2] ?? p))) i--;
    else break;
  }
  return i;
}

function isPastForm(t: Token): boolean {
  if (PAST_AUX.has(t.lower)) return true;
  if (t.pos !== 'VERB') return false;
  if (t.lower.endsWith('ing') || t.lower === t.lemma) return false;
  // Third person present ("requires") differs from its lemma too; past forms do not end in -s.
  return !(t.lower.endsWith('s') && t.lower.slice(0, -1).startsWith(t.lemma.slice(0, -1)));
}

/** Tense of a finite verb group (no infinitive in it). */
function finiteTense(tokens: Token[], from: number, head: number): Tense {
  const group = tokens.slice(from, head + 1);
  const words = group.map((t) => t.lower);
  if (words.some((w) => FUTURE_AUX.has(w))) return 'future';
  if (words.join(' ').includes('going to')) return 'future';
  // "is set for", "are expected", "is due": the head, or the word after a copula, looks ahead.
  const after = tokens[head + 1];
  const candidates = after && (after.pos === 'ADJ' || after.pos === 'VERB') ? [...group, after] : group;
  if (candidates.some((t, i) => looksAhead(t, tokens[from + i + 1]))) return 'future';
  // The finite word decides: "was opened" is past, "is based" present. A present perfect takes no definite
  // past date ("have asked for a vote in May"), so a date near one belongs to something else: neutral.
  const finite = group.find(isVerb);
  if (!finite || (finite.pos === 'AUX' && !PAST_AUX.has(finite.lower))) return 'neutral';
  return isPastForm(finite) ? 'past' : 'neutral';
}

function looksAhead(t: Token, next: Token | undefined): boolean {
  // "set" looks ahead only as "set for" / "set to" ("was set on fire" does not).
  return LOOKS_AHEAD.has(t.lemma) && (t.lemma !== 'set' || /^(?:for|to)$/.test(next?.lower ?? ''));
}

/**
 * An infinitive's tense comes from the verb that governs it: "tried to flee" is past; "plans to march"
 * future; after a directive in the past ("were told to stay", "ordered schools to close") the infinitive lies
 * ahead of the order but not necessarily of the reference, so it is neutral.
 */
function governed(governor: Token, tense: Tense): Tense {
  if (looksAhead(governor, undefined) || governor.lemma === 'set') return 'future';
  // "is to be held", "are to meet".
  if (governor.lemma === 'be' && tense !== 'past') return 'future';
  return DIRECTIVES.has(governor.lemma) && tense === 'past' ? 'neutral' : tense;
}

/**
 * The tense that governs a date at [start, end) in tokenized text: the nearest verb group before it in the
 * same clause (through an infinitive to its governing verb), else the first verb group after it
 * ("On Monday, the council voted…"); neutral when there is none.
 */
export function tenseAt(tokens: Token[], start: number, end: number): Tense {
  const first = tokens.findIndex((t) => t.end > start);
  const before = first < 0 ? tokens.length : first;
  let infinitive = false;
  let pendingPast = false;
  for (let i = before - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (CLAUSE_BREAK.test(t.text)) break;
    // ", setting up the May runoff": a participle clause does not take the main verb's tense.
    if (isBareParticiple(tokens, i) && tokens[i - 1]?.text === ',') break;
    if (!isVerb(t) || isBareParticiple(tokens, i)) continue;
    const from = groupStart(tokens, i);
    const to = tokens.slice(from, i + 1).findIndex((g) => g.lower === 'to' && g.pos === 'PART');
    if (to < 0) {
      const tense = finiteTense(tokens, from, i);
      // "the permit needed for…": a lone past form after a noun may be a participle; a future verb further
      // left in the clause ("will get the permit needed for Tuesday") then governs the date.
      if (tense === 'past' && from === i && /^(?:NOUN|PROPN)$/.test(tokens[i - 1]?.pos ?? '') && !infinitive) {
        pendingPast = true;
        continue;
      }
      if (pendingPast) return tense === 'future' ? 'future' : 'past';
      return infinitive ? governed(t, tense) : tense;
    }
    // "were told to keep": the part before "to" governs; with nothing before it, look further left.
    infinitive = true;
    if (pendingPast) return 'past';
    if (to > 0) return governed(tokens[from + to - 1]!, finiteTense(tokens, from, from + to - 1));
    const noun = tokens[from - 1];
    if (noun && LOOKS_AHEAD.has(noun.lemma)) return 'future';
    i = from;
  }
  if (pendingPast) return 'past';
  for (let i = tokens.findIndex((t) => t.start >= end); i >= 0 && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLAUSE_BREAK.test(t.text)) break;
    if (!isVerb(t) || isBareParticiple(tokens, i)) continue;
    let head = i;
    while (head + 1 < tokens.length && isVerb(tokens[head + 1]!)) head++;
    return finiteTense(tokens, i, head);
  }
  return 'neutral';
}
