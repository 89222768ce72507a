/**
 * Turning clauses into short questions a person would ask: "X will Y" → "Will X Y?", "has not said what
 * caused the outage" → "What caused the outage?". When a rewrite is not safe, a faithful short form is used.
 */
import { spanText, wordSet, type Token } from './tokens.js';

/** A question longer than this many words is cut at a phrase boundary. */
export const MAX_QUESTION_WORDS = 20;

const AUXILIARIES = wordSet('will would can could should may might must shall is are was were has have had do does did');
const WH_WORDS = wordSet('what why how when where who whom which whose');
/** Words a cut question must not end on: "Will the council vote on?" */
const DANGLING = wordSet(`a an the of on in at to for from by with and or but as that this its their his her our your
  into over about than after before while whether if under through against within without between among via per`);

/** Capitalise, drop trailing punctuation and unpaired quotation marks, shorten, and end with "?". */
export function finishQuestion(text: string): string {
  let q = text.replace(/\s+/g, ' ').trim();
  q = dropUnpairedQuotes(q);
  q = shorten(q.replace(/[\s.,;:!?'"“”‘’–—-]+$/u, ''));
  return `${q.charAt(0).toUpperCase()}${q.slice(1)}?`;
}

/** Cut to MAX_QUESTION_WORDS words, backing off so the question does not end on "of", "the", "and"… */
export function shorten(text: string, max = MAX_QUESTION_WORDS): string {
  const words = text.split(' ');
  if (words.length <= max) return text;
  // Cut only where a clause or an aside begins, so no phrase is cut in half; a question with no such place stays whole.
  let n = max;
  while (n > max / 2 && !(BOUNDARY.has(bare(words[n])) || /,$/.test(words[n - 1] ?? ''))) n--;
  if (n <= max / 2) return text;
  while (n > max / 2 && DANGLING.has(bare(words[n - 1]))) n--;
  return words.slice(0, n).join(' ').replace(/[,;:]$/, '');
}

const BOUNDARY = wordSet('after before while because which who although though whereas including despite');
const bare = (word: string | undefined): string => (word ?? '').toLowerCase().replace(/[^a-z]/g, '');

function dropUnpairedQuotes(q: string): string {
  const doubles = (q.match(/["“”]/g) ?? []).length;
  return doubles % 2 === 1 || /^[^“"]*”/.test(q) ? q.replace(/["“”]/g, '') : q;
}

/** "Will <subject> <predicate>?" — the yes/no question of a future or modal clause. */
export function auxQuestion(aux: string, subject: string, predicate: string): string {
  return finishQuestion(`${aux} ${subject} ${predicate}`);
}

/**
 * An embedded question made direct: "whether the plant will reopen" → "Will the plant reopen?",
 * "why the company shared the data" → "Why did the company share the data?", "what caused the outage" → same.
 * `from` is the wh-word (or whether/if), `to` the end of the clause. Null when the clause cannot be read.
 */
export function directQuestion(text: string, tokens: Token[], from: number, to: number): string | null {
  const wh = tokens[from];
  if (!wh || to - from < 2) return null;
  if (wh.lower === 'whether' || wh.lower === 'if') {
    const body = from + 1;
    const inverted = invert(text, tokens, body, to);
    return inverted && finishQuestion(inverted);
  }
  if (!WH_WORDS.has(wh.lower)) return null;
  // The wh-phrase: "what", "how many people", "which company", "how long".
  let k = from + 1;
  // "how many people": a noun belongs to "how" only after "many"/"much"; "which company" takes it directly.
  if (wh.lower === 'how') while (k < to && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'ADV') && k - from <= 2) k++;
  if (wh.lower !== 'how' || k > from + 1) {
    while (k < to && ['ADJ', 'NOUN'].includes(tokens[k]!.pos) && k - from <= 3 && wh.lower !== 'why' && wh.lower !== 'when' && wh.lower !== 'where') k++;
  }
  const next = tokens[k];
  if (!next) return finishQuestion(spanText(text, tokens, from, to));
  // "what caused the outage", "how many people were inside": the wh-phrase is the subject; word order stays.
  if (next.pos === 'VERB' || next.pos === 'AUX') return finishQuestion(spanText(text, tokens, from, to));
  const rest = invert(text, tokens, k, to);
  if (!rest) return null;
  return finishQuestion(`${spanText(text, tokens, from, k)} ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`);
}

/**
 * "the plant will reopen" → "Will the plant reopen", "the company knew about it" → "Did the company know about it";
 * null when no subject followed by a verb is found.
 */
export function invert(text: string, tokens: Token[], from: number, to: number): string | null {
  let v = from;
  while (v < to && tokens[v]!.pos !== 'AUX' && tokens[v]!.pos !== 'VERB') v++;
  if (v === from || v >= to) return null;
  const subject = subjectText(text, tokens, from, v);
  const verb = tokens[v]!;
  const after = spanText(text, tokens, v + 1, to);
  if (verb.pos === 'AUX' && AUXILIARIES.has(verb.lower)) {
    const aux = verb.lower === "'s" ? 'is' : verb.lower;
    return `${capital(aux)} ${subject} ${after}`.trim();
  }
  const support = doSupport(verb);
  return `${support} ${subject} ${verb.lemma} ${after}`.trim();
}

/** "Did", "Does" or "Do" for a verb without an auxiliary, from its form ("knew" → Did, "knows" → Does). */
function doSupport(verb: Token): string {
  if (verb.lower === verb.lemma) return 'Do';
  const third = [`${verb.lemma}s`, `${verb.lemma}es`, `${verb.lemma.replace(/y$/, 'ie')}s`];
  return third.includes(verb.lower) ? 'Does' : 'Did';
}

function subjectText(text: string, tokens: Token[], from: number, to: number): string {
  const s = spanText(text, tokens, from, to);
  const head = tokens[from]!;
  return head.pos === 'PROPN' || /^[A-Z]{2,}/.test(head.text) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "What happens if <condition>?" — the plain form when the consequence cannot be turned into a question. */
export function whatHappens(connective: string, condition: string): string {
  return finishQuestion(`What happens ${connective} ${condition}`);
}
