/**
 * Pending and scheduled items: what someone will do, must do by a deadline, is expected to do, promised or
 * was asked to do ("has until June 24 to appeal", "will decide on Friday", "a hearing is set for May").
 */
import { clauseEnd, isFirstPerson, resolvedSubject, speechVerbBefore, subjectOfVerb, type Span } from './clause.js';
import { EVENT_QUESTION, outcomeWords } from './lexicon.js';
import { auxQuestion, finishQuestion } from './phrase.js';
import { findDates } from '../dates/index.js';
import { insideQuotes, spanText, wordSet, type Token } from './tokens.js';
import type { Candidate, SentenceView } from './view.js';

const FUTURE = wordSet("will shall 'll");
/** "is expected to", "are due to", "is set to" … */
const EXPECTATION = wordSet('expected due set scheduled poised likely going slated');
/** Verbs that announce an intention: "plans to", "vowed to". */
const INTENTION = wordSet(`plan plans planned intend intends intended aim aims aimed hope hopes hoped vow vows vowed pledge
  pledges pledged promise promises promised threaten threatens threatened prepare prepares prepared`);
const PROMISE = wordSet('promised promises pledged pledges vowed vows threatened threatens');
const DEMAND = new Map([['called', 'for'], ['calls', 'for'], ['call', 'for'], ['demanded', ''], ['demands', '']]);

/** Words without which no rule here can match: sentences without them are not tagged. */
const CUES = /\b(?:will|shall|would|until|expected|due|set|scheduled|poised|likely|going|slated|is to|are to|plan|intend|aim|hope|vow|pledge|promise|threaten|prepare|call|demand)|'ll\b/i;

/** Questions the sentence raises about what is still to happen after `briefingDate`. */
export function pendingQuestions(view: SentenceView, briefingDate: string): Candidate[] {
  if (!CUES.test(view.text)) return [];
  const { tokens } = view;
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (insideQuotes(tokens, i)) continue;
    const found = deadline(view, i) ?? future(view, i) ?? scheduledEvent(view, i) ?? promised(view, i);
    if (!found) continue;
    const { text, clause, weight } = found;
    i = clause.to;
    // A plan with no decision, finding, deadline or event in it ("the hall will be open") is logistics.
    const base = weight + outcomeWords(tokens, clause.from, clause.to);
    if (base < 1 || happenedBefore(view, clause, briefingDate)) continue;
    out.push({ kind: 'pending', text, view, weight: base + datedBonus(view, clause) });
  }
  return out;
}

interface Found {
  text: string;
  /** Tokens of the clause the question is about. */
  clause: Span;
  weight: number;
}

/** "<subject> has until <date> to <verb> …" → "Will <subject> <verb> … by <date>?" */
function deadline(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  if (tokens[i]!.lemma !== 'have' || tokens[i + 1]?.lower !== 'until') return null;
  let to = i + 2;
  while (to < tokens.length && to < i + 9 && tokens[to]!.lower !== 'to') to++;
  const verb = tokens[to + 1];
  if (tokens[to]?.lower !== 'to' || !verb || verb.pos !== 'VERB') return null;
  const subject = subjectText(view, subjectOfVerb(tokens, i));
  if (!subject) return null;
  const end = clauseEnd(tokens, to + 2);
  const when = spanText(text, tokens, i + 2, to);
  const question = auxQuestion('Will', subject, `${spanText(text, tokens, to + 1, end)} by ${when}`);
  return { text: question, clause: { from: i, to: end }, weight: 2 };
}

/** "<subject> will/is expected to/plans to <verb> …" (or "said <subject> would …") → "Will <subject> <verb> …?" */
function future(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  const t = tokens[i]!;
  let verb = -1;
  if (t.pos === 'AUX' && FUTURE.has(t.lower)) verb = i + 1;
  else if (t.lower === 'would' && t.pos === 'AUX') verb = reportedFuture(tokens, i) ? i + 1 : -1;
  else if (t.lemma === 'be' && EXPECTATION.has(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.lower === 'to') verb = i + 3;
  else if (t.lemma === 'be' && tokens[i + 1]?.lower === 'to') verb = i + 2;
  else if (INTENTION.has(t.lower) && t.pos === 'VERB' && tokens[i + 1]?.lower === 'to') verb = i + 2;
  // "did not plan to", "will not appeal": a plan denied is no open question.
  if (verb < 0 || /^(?:not|n't|never)$/.test(tokens[i - 1]?.lower ?? '') || /^(?:not|n't|never)$/.test(tokens[i + 1]?.lower ?? '')) return null;
  while (tokens[verb]?.pos === 'ADV' && !/^(?:not|never)$/.test(tokens[verb]!.lower)) verb++;
  const main = tokens[verb];
  if (!main || (main.pos !== 'VERB' && main.pos !== 'AUX')) return null;
  const subject = subjectText(view, subjectOfVerb(tokens, i));
  if (!subject) return null;
  const end = clauseEnd(tokens, verb + 1);
  if (end - verb < 2 && main.lemma === 'be') return null;
  return { text: auxQuestion('Will', subject, spanText(text, tokens, verb, end)), clause: { from: i, to: end }, weight: 0 };
}

/** "would" reports a plan when a speech verb introduces its clause ("said it would appeal"). */
function reportedFuture(tokens: Token[], i: number): boolean {
  const subject = subjectOfVerb(tokens, i);
  return subject !== null && speechVerbBefore(tokens, subject.from) >= 0;
}

/**
 * "<event> is set for <date>" → "What will the <date> <event> decide?"; "<people> are due at the depot on Monday"
 * → "Will <people> be on site on Monday?"
 */
function scheduledEvent(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  if (tokens[i]!.lemma !== 'be' || !EXPECTATION.has(tokens[i + 1]?.lower ?? '') || tokens[i + 2]?.lower === 'to') return null;
  const span = subjectOfVerb(tokens, i);
  const subject = subjectText(view, span);
  if (!span || !subject) return null;
  const end = clauseEnd(tokens, i + 2);
  if (end - (i + 2) < 1) return null;
  const clause = { from: span.from, to: end };
  const asked = eventVerb(tokens, span);
  if (!asked) return { text: auxQuestion('Will', subject, `be ${spanText(text, tokens, i + 2, end)}`), clause, weight: 0 };
  // "set for September": a short date goes before the event ("the September hearing"), a longer one after it.
  let at = i + 2;
  if (tokens[at]?.pos === 'ADP') at++;
  const when = spanText(text, tokens, at, end);
  const short = end - at <= 2 && tokens.slice(at, end).every((w) => w.pos === 'PROPN' || w.pos === 'NUM');
  const bare = subject.replace(/^(?:the|a|an)\s+/i, '');
  const event = short ? `the ${when} ${bare}` : `${subject.replace(/^(?:a|an)\s+/i, 'the ')} ${spanText(text, tokens, i + 2, end)}`;
  return { text: finishQuestion(`What will ${event} ${asked}`), clause, weight: 1 };
}

/** What a reader asks of an event subject ("hearing" → "decide"), or null for a subject that is no event. */
function eventVerb(tokens: Token[], span: Span): string | null {
  for (let k = span.from; k < span.to; k++) {
    const t = tokens[k]!;
    if (t.pos === 'ADP') break;
    const asked = EVENT_QUESTION[t.lower] ?? EVENT_QUESTION[t.lemma];
    if (asked && (t.pos === 'NOUN' || t.pos === 'PROPN')) return asked;
  }
  return null;
}

/** "promised a response" → "Will <subject> deliver the promised response?"; "called for an inquiry" → "Will there be an inquiry?" */
function promised(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  const t = tokens[i]!;
  const demandPreposition = DEMAND.get(t.lower);
  if ((!PROMISE.has(t.lower) && demandPreposition === undefined) || t.pos !== 'VERB') return null;
  let start = i + 1;
  if (demandPreposition) {
    if (tokens[start]?.lower !== demandPreposition) return null;
    start++;
  }
  const first = tokens[start];
  if (!first || !['DET', 'ADJ', 'NOUN'].includes(first.pos) || first.lower === 'to') return null;
  const end = objectEnd(tokens, start);
  // "calls for reform have fallen on deaf ears" (a noun, not a verb); "called for firms to report" (a request to others).
  if (end <= start || ['AUX', 'VERB'].includes(tokens[end]?.pos ?? '') || tokens[end]?.lower === 'to') return null;
  const object = spanText(text, tokens, start, end);
  const clause = { from: i, to: end };
  if (demandPreposition !== undefined) {
    if (/^(?:the|this|that|his|her|its|their)\b/i.test(object)) return { text: finishQuestion(`Will the call for ${object} be met`), clause, weight: 1 };
    return { text: finishQuestion(`Will there be ${object}`), clause, weight: 1 };
  }
  const subject = subjectText(view, subjectOfVerb(tokens, i));
  if (!subject) return null;
  const verb = /^threat/.test(t.lower) ? 'carry out the threatened' : 'deliver the promised';
  return { text: finishQuestion(`Will ${subject} ${verb} ${object.replace(/^(?:a|an|the)\s+/i, '')}`), clause, weight: 1 };
}

/** Where the object phrase starting at `from` ends: before a verb, a clause break or "to <verb>". */
function objectEnd(tokens: Token[], from: number): number {
  let end = clauseEnd(tokens, from);
  // "a swift, thorough and open review": commas between adjectives stay inside the phrase.
  while (tokens[end]?.text === ',' && tokens[end + 1]?.pos === 'ADJ') end = clauseEnd(tokens, end + 1);
  for (let k = from; k < end; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' && k > from && !/ing$|ed$/.test(t.lower)) return k;
    if (t.lower === 'to' && tokens[k + 1]?.pos === 'VERB') return k;
    if (t.pos === 'CCONJ' && tokens[k + 1]?.pos === 'VERB') return k;
  }
  return end;
}

/** The subject as the question shows it, or null for "we", "I" or a pronoun with nobody to stand for. */
function subjectText(view: SentenceView, span: Span | null): string | null {
  if (!span || isFirstPerson(view.tokens, span)) return null;
  return resolvedSubject(view, span);
}

/** True when every date in the clause lies before the briefing date: "said it would vote on Monday" of a past Monday. */
function happenedBefore(view: SentenceView, clause: Span, briefingDate: string): boolean {
  const dates = datesIn(view, clause);
  return dates.length > 0 && dates.every((d) => d.end < briefingDate);
}

function datedBonus(view: SentenceView, clause: Span): number {
  return datesIn(view, clause).length > 0 ? 1 : 0;
}

function datesIn(view: SentenceView, clause: Span): Array<{ end: string }> {
  const from = view.tokens[clause.from]?.start ?? 0;
  const to = view.tokens[clause.to - 1]?.end ?? view.text.length;
  return findDates(view.text, { reference: view.reference }).filter((d) => d.index >= from && d.index < to);
}
