/**
 * Fit a headline into its word budget: cut at the last phrase boundary that keeps it within the budget (before a
 * preposition, conjunction, clause punctuation or an infinitive "to"), never inside a word, and never leaving a
 * dangling "of", "the" or "and" at the end. Trailing punctuation goes too.
 */
import { posTokens, type PosToken } from '../nlp.js';
import { wordCount } from '../corpus.js';

/** Most words a brief's title may have. */
export const MAX_HEADLINE_WORDS = 12;
/** Words after the budget kept for tagging the last words in their context. */
const CONTEXT_WORDS = 8;

/** Parts of speech a headline never ends on: they announce words that were cut. */
const DANGLING = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'AUX', 'PUNCT', 'SYM']);
/** Pronouns that need their noun after them ("its", "their", "whose"). */
const DANGLING_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose', 'which', 'who', 'that', 'whom']);
/** Punctuation that closes a phrase when followed by a space. */
const PHRASE_PUNCT = /^(?:[,;:]|[-–—]{1,2})$/;

/** `text` within `maxWords` words, cut at a phrase boundary, with no trailing punctuation. */
export function fitHeadline(text: string, maxWords = MAX_HEADLINE_WORDS): string {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (wordCount(whole) <= maxWords) return trimEnd(whole);
  // No cut past the budget can fit, so only its first words (and a few after, for the tagger) are read:
  // a sentence of 100,000 words costs what a short one does.
  const clean = whole.split(' ').slice(0, maxWords + CONTEXT_WORDS).join(' ');
  const tokens = posTokens(clean);
  const words = (at: number): number => wordCount(clean.slice(0, at));
  const hasVerb = (at: number): boolean => tokens.some((t) => t.end <= at && (t.pos === 'VERB' || t.pos === 'AUX'));
  const fits = phraseCuts(clean, tokens).filter((c) => words(c.at) <= maxWords && words(c.at) >= 3);
  // A cut that keeps a verb keeps what happened; without any, the longest verbless phrase is the next best.
  const withVerb = fits.filter((c) => hasVerb(c.at));
  const usable = withVerb.length > 0 ? withVerb : fits;
  // Cutting where a subordinate clause starts keeps whole clauses ("… two hurt | when a rockfall blocked …"),
  // unless that leaves too little of the budget; then the last phrase boundary that fits.
  const clause = usable.filter((c) => c.clause && words(c.at) * 2 >= maxWords).at(-1);
  const at = (clause ?? usable.at(-1))?.at;
  if (at !== undefined) return trimEnd(clean.slice(0, at));
  return trimEnd(clean.split(' ').slice(0, maxWords).join(' '));
}

/** A place to cut: a character offset where a phrase starts, and whether a clause starts there. */
interface Cut {
  at: number;
  clause: boolean;
}

/** Words that open a subordinate clause. */
const CLAUSE_WORDS = new Set(['which', 'who', 'whose', 'whom', 'where', 'while', 'when', 'because', 'although', 'though', 'whereas', 'unless']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM', 'PRON']);

/** Prepositions that open a clause when a verb follows ("after it ran aground", "as crews rescue"). */
const CLAUSE_PREPOSITIONS = new Set(['after', 'before', 'since', 'until', 'as', 'once']);

/** Whether token `i` is such a preposition with a verb before the next punctuation, a few words on. */
function opensClauseAt(tokens: PosToken[], i: number): boolean {
  if (!CLAUSE_PREPOSITIONS.has(tokens[i]!.lower)) return false;
  for (const t of tokens.slice(i + 1, i + 7)) {
    if (t.pos === 'PUNCT') return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  }
  return false;
}

/** Where phrases start, in order; cutting there never splits a word. */
function phraseCuts(text: string, tokens: PosToken[]): Cut[] {
  const cuts: Cut[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!prev) return;
    if (t.pos === 'PUNCT') {
      if (PHRASE_PUNCT.test(t.text) && /\s/.test(text[t.end] ?? '')) cuts.push({ at: t.start, clause: true });
      return;
    }
    if (!/\s/.test(text[t.start - 1] ?? '')) return;
    if (CLAUSE_WORDS.has(t.lower) || t.pos === 'SCONJ' || opensClauseAt(tokens, i)) cuts.push({ at: t.start, clause: true });
    // "of" binds a noun to the word before it: "all | of its ships" leaves half a phrase, "the end | of" does not.
    else if ((t.pos === 'ADP' || t.pos === 'CCONJ') && (t.lower !== 'of' || NOMINAL.has(prev.pos))) cuts.push({ at: t.start, clause: false });
    else if (t.lower === 'to' && next?.pos === 'VERB') cuts.push({ at: t.start, clause: false });
    // The end of a noun phrase ("forty homes | with", "the old pier | about").
    // Not between a subject and its verb ("rescued after it | ran aground"): that leaves a clause with no verb.
    else if (NOMINAL.has(prev.pos) && !NOMINAL.has(t.pos) && !['PART', 'ADJ', 'VERB', 'AUX'].includes(t.pos)) cuts.push({ at: t.start, clause: false });
  });
  return cuts;
}

/** Drop trailing punctuation and words that cannot end a headline; an unmatched quote or bracket goes too. */
export function trimEnd(text: string): string {
  let out = text.trim();
  for (;;) {
    const before = out;
    out = out.replace(/[\s.,;:!?…\-–—'"“”‘’(\[]+$/u, '');
    const tokens = posTokens(out);
    const last = tokens.at(-1);
    if (last && tokens.length > 1 && (DANGLING.has(last.pos) || DANGLING_PRONOUNS.has(last.lower))) out = out.slice(0, last.start);
    out = out.trim();
    if (out === before) break;
  }
  return balance(out);
}

/** Remove a quote mark or bracket left open (or closed) when the words around it were cut. */
function balance(text: string): string {
  let out = text;
  for (const [open, close] of [['“', '”'], ['(', ')'], ['[', ']']] as const) {
    if (out.split(open).length !== out.split(close).length) out = out.replaceAll(open, '').replaceAll(close, '');
  }
  if ((out.match(/"/g) ?? []).length % 2 === 1) out = out.replace(/"/g, '');
  return out.replace(/\s+/g, ' ').trim();
}
