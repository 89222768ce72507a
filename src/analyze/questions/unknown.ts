/**
 * Stated unknowns: what officials have not said, what remains unclear, what nobody knows, what is under
 * investigation ("has not said what caused the outage" → "What caused the outage?").
 */
import { clauseEnd, isFirstPerson, resolvedSubject, subjectBefore, subjectOfVerb, type Span } from './clause.js';
import { CAUSE_NOUNS, INVESTIGATION_NOUNS, outcomeWords } from './lexicon.js';
import { auxQuestion, directQuestion, finishQuestion } from './phrase.js';
import { insideQuotes, spanText, wordSet, type Token } from './tokens.js';
import type { Candidate, SentenceView } from './view.js';

/** Verbs of telling that, negated, leave something unknown: "has not said", "declined to disclose". */
const DISCLOSE = wordSet(`say said says disclose disclosed reveal revealed explain explained confirm confirmed specify
  specified identify identified release released announce announced indicate indicated determine determined establish
  established clarify clarified detail detailed name named comment commented elaborate elaborated know knew`);
/** Heads of a thing left undisclosed that make a question: "has not disclosed the value of the deal" → "What is the value…?" */
const ASKABLE = wordSet(`value amount cost price size number cause reason identity identities name names location details
  terms date timing figure figures extent scale source outcome nature whereabouts motive`);
const REFUSE = wordSet('declined declines refused refuses');
const UNCLEAR = wordSet('unclear unknown uncertain undetermined undisclosed');
const KNOWN = wordSet('clear known certain');
const WH = wordSet('what why how when where who whom which whose whether if');
const NOBODY = wordSet('nobody');

/** Words without which no rule here can match: sentences without them are not tagged. */
const CUES = /\b(?:not|never|declin|refus|nobody|no one|unclear|unknown|uncertain|undetermined|undisclosed|yet|under|inquir|investigation|inquest|probe|review|audit)|n't\b/i;

/** Questions the sentence raises about what is not known. */
export function unknownQuestions(view: SentenceView): Candidate[] {
  if (!CUES.test(view.text)) return [];
  const out: Candidate[] = [];
  const { tokens } = view;
  for (let i = 0; i < tokens.length; i++) {
    if (insideQuotes(tokens, i)) continue;
    const found = notDisclosed(view, i) ?? unclear(view, i) ?? yetTo(view, i) ?? underInvestigation(view, i) ?? inquiryOpened(view, i);
    if (!found) continue;
    out.push({ kind: 'unknown', text: found.text, view, weight: 1 + outcomeWords(tokens, found.clause.from, found.clause.to) });
    i = found.clause.to;
  }
  return out;
}

interface Found {
  text: string;
  clause: Span;
}

/** "has not said / did not say / declined to say <wh-clause or thing>" */
function notDisclosed(view: SentenceView, i: number): Found | null {
  const { tokens } = view;
  const t = tokens[i]!;
  let verb = -1;
  const negated = /^(?:not|n't|never)$/.test(t.lower) && /^(?:have|do|will|can|be)$/.test(tokens[i - 1]?.lemma ?? '');
  if (negated) verb = tokens[i + 1]?.lower === 'yet' ? i + 2 : i + 1;
  else if (REFUSE.has(t.lower) && tokens[i + 1]?.lower === 'to') verb = i + 2;
  else if (NOBODY.has(t.lower) || (t.lower === 'no' && /^(?:one|official)$/.test(tokens[i + 1]?.lower ?? ''))) verb = t.lower === 'no' ? i + 2 : i + 1;
  const v = tokens[verb];
  if (verb < 0 || !v || !DISCLOSE.has(v.lower)) return null;
  let object = verb + 1;
  if (tokens[object]?.lower === 'on' || tokens[object]?.lower === 'publicly') object++;
  return askAbout(view, object, { from: i, to: clauseEnd(tokens, object) });
}

/** "it remains unclear whether …", "it is not known how …", "the cause of the fire is not yet known" */
function unclear(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  const t = tokens[i]!;
  let word = -1;
  if (UNCLEAR.has(t.lower)) word = i;
  else if (KNOWN.has(t.lower) && /^(?:not|n't)$/.test(tokens[i - 1]?.lower ?? '') ) word = i;
  else if (KNOWN.has(t.lower) && tokens[i - 1]?.lower === 'immediately' && /^(?:not|n't)$/.test(tokens[i - 2]?.lower ?? '')) word = i;
  else if (KNOWN.has(t.lower) && tokens[i - 1]?.lower === 'yet' && /^(?:not|n't)$/.test(tokens[i - 2]?.lower ?? '')) word = i;
  if (word < 0) return null;
  // The verb before: "is", "remains", "was", "it's".
  let be = word - 1;
  while (be >= 0 && /^(?:not|n't|yet|still|immediately|also|now|as)$/.test(tokens[be]!.lower)) be--;
  const verb = tokens[be];
  if (!verb || !(verb.lemma === 'be' || verb.lemma === 'remain' || verb.lower === "'s")) return null;
  const next = tokens[word + 1];
  if (next && WH.has(next.lower)) return askAbout(view, word + 1, { from: be, to: clauseEnd(tokens, word + 1) });
  if (next && next.lower === 'as' && tokens[word + 2]?.lower === 'to') return askAbout(view, word + 3, { from: be, to: clauseEnd(tokens, word + 3) });
  // "<thing> is unknown": ask for the thing.
  const span = subjectOfVerb(tokens, be);
  if (!span || tokens[span.from]!.pos === 'PRON') return null;
  const subject = resolvedSubject(view, span);
  if (!subject) return null;
  const tense = /^(?:was|were)$/.test(verb.lower) ? 'was' : 'is';
  const plural = tokens[span.to - 1]?.lower.endsWith('s') && tokens[span.to - 1]?.pos === 'NOUN' && !headIsOfPhrase(tokens, span);
  const be2 = plural ? (tense === 'was' ? 'were' : 'are') : tense;
  return { text: finishQuestion(`What ${be2} ${subject}`), clause: { from: span.from, to: word + 1 } };
}

/** "the number of victims": the head is "number", not "victims". */
function headIsOfPhrase(tokens: Token[], span: Span): boolean {
  for (let k = span.from; k < span.to; k++) if (tokens[k]!.lower === 'of') return true;
  return false;
}

/** "<subject> has yet to <verb> …" → "Will <subject> <verb> …?" (a wh-clause after "decide"/"say" is asked directly). */
function yetTo(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  if (tokens[i]!.lower !== 'yet' || tokens[i + 1]?.lower !== 'to' || tokens[i - 1]?.lemma !== 'have') return null;
  const verb = tokens[i + 2];
  if (!verb || verb.pos !== 'VERB') return null;
  const end = clauseEnd(tokens, i + 3);
  const clause = { from: i - 1, to: end };
  if (WH.has(tokens[i + 3]?.lower ?? '')) {
    const asked = askAbout(view, i + 3, clause);
    if (asked) return asked;
  }
  const span = subjectOfVerb(tokens, i - 1);
  if (!span || isFirstPerson(tokens, span)) return null;
  const subject = resolvedSubject(view, span);
  if (!subject) return null;
  return { text: auxQuestion('Will', subject, spanText(text, tokens, i + 2, end)), clause };
}

/** "<thing> is under investigation" → "What will the investigation into <thing> find?" */
function underInvestigation(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  if (tokens[i]!.lower !== 'under' || !/^(?:investigation|review|inquiry)$/.test(tokens[i + 1]?.lower ?? '')) return null;
  let be = i - 1;
  while (be >= 0 && /^(?:still|now|also|being)$/.test(tokens[be]!.lower)) be--;
  if (!/^(?:be|remain)$/.test(tokens[be]?.lemma ?? '')) return null;
  const span = subjectOfVerb(tokens, be);
  if (!span || tokens[span.from]!.pos === 'PRON') return null;
  const subject = resolvedSubject(view, span);
  if (!subject) return null;
  const clause = { from: span.from, to: i + 2 };
  if (CAUSE_NOUNS.has(tokens[span.from + 1]?.lower ?? '') || CAUSE_NOUNS.has(tokens[span.from]!.lower)) return { text: finishQuestion(`What was ${subject}`), clause };
  return { text: finishQuestion(`What will the ${tokens[i + 1]!.lower} into ${subject} find`), clause };
}

/** "<body> opened an inquiry (into X)" → "What will the inquiry into X find?" */
function inquiryOpened(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  const t = tokens[i]!;
  if (!/^(?:open|launch|begin|start|order|announce|set)$/.test(t.lemma) || t.pos !== 'VERB') return null;
  let k = i + 1;
  if (t.lemma === 'set' && tokens[k]?.lower === 'up') k++;
  while (k < tokens.length && k < i + 6 && ['DET', 'ADJ', 'PRON'].includes(tokens[k]!.pos)) k++;
  const noun = tokens[k];
  if (!noun || !INVESTIGATION_NOUNS.has(noun.lower)) return null;
  if (tokens[k + 1]?.lower === 'into' || tokens[k + 1]?.lower === 'of') {
    const end = clauseEnd(tokens, k + 2);
    return { text: finishQuestion(`What will the ${noun.lower} ${spanText(text, tokens, k + 1, end)} find`), clause: { from: i, to: end } };
  }
  const span = subjectOfVerb(tokens, i);
  const body = span && !isFirstPerson(tokens, span) ? resolvedSubject(view, span) : null;
  const by = body ? ` by ${body}` : '';
  return { text: finishQuestion(`What will the ${noun.lower}${by} find`), clause: { from: span?.from ?? i, to: k + 1 } };
}

/** The question for what follows a "not said"/"unclear": a wh-clause made direct, or "What is <thing>?". */
function askAbout(view: SentenceView, at: number, clause: Span): Found | null {
  const { tokens, text } = view;
  const first = tokens[at];
  if (!first) return null;
  if (WH.has(first.lower)) {
    const question = directQuestion(text, tokens, at, clause.to);
    return question ? { text: question, clause } : null;
  }
  if (!['DET', 'ADJ', 'NOUN'].includes(first.pos)) return null;
  const span = subjectBefore(tokens, clause.to);
  if (!span || span.from > at) return null;
  // The head is the first noun ("the value of the deal"); only some heads make a question ("the reports" does not).
  let head = at;
  while (head < clause.to && tokens[head]!.pos !== 'NOUN') head++;
  const noun = tokens[head];
  if (!noun || !ASKABLE.has(noun.lower)) return null;
  const thing = spanText(text, tokens, at, clause.to);
  const be = /s$/.test(noun.lower) && noun.lower !== 'whereabouts' ? 'are' : 'is';
  return { text: finishQuestion(`What ${be} ${thing.charAt(0).toLowerCase()}${thing.slice(1)}`), clause };
}
