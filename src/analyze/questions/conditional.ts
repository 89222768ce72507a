/**
 * Conditionals: what the sources say would follow if something happened ("if the ceasefire collapses",
 * "in the event of invasion", "should the court rule against it"). An "if" that asks ("asked if"), concedes
 * ("even if") or compares ("as if"), or has no modal consequence, is no conditional event.
 */
import { clauseEnd, isFirstPerson, resolvedSubject, subjectBefore, subjectOfVerb, type Span } from './clause.js';
import { outcomeWords } from './lexicon.js';
import { auxQuestion, whatHappens } from './phrase.js';
import { insideQuotes, spanText, wordSet, type Token } from './tokens.js';
import type { Candidate, SentenceView } from './view.js';

const MODALS = wordSet("will would could may might can should must 'll");
/** Words before "if" that make it "whether": "asked if", "unclear if", "see if". */
const WHETHER_BEFORE = wordSet(`ask asked asks asking wonder wondered wonders know knew knows see saw decide decided check
  checked unclear clear sure determine determined tell told doubt doubtful question even as only what`);
/** Words after "if" that make it an idiom: "if any", "if so", "if not". */
const IDIOM_AFTER = wordSet('any so not ever anything only necessary needed possible at');

/** Words without which no rule here can match: sentences without them are not tagged. */
const CUES = /\b(?:if|unless|in the event|in case of|should)\b/i;

/** Questions the sentence raises about what would happen under a condition. */
export function conditionalQuestions(view: SentenceView): Candidate[] {
  if (!CUES.test(view.text)) return [];
  const { tokens } = view;
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (insideQuotes(tokens, i)) continue;
    const found = ifClause(view, i) ?? inTheEvent(view, i) ?? shouldInversion(view, i);
    if (!found) continue;
    const weight = outcomeWords(tokens, found.condition.from, found.condition.to) + (view.quoted ? -1 : 0);
    out.push({ kind: 'conditional', text: found.text, view, weight });
    i = found.condition.to;
  }
  return out;
}

interface Found {
  text: string;
  condition: Span;
}

/** "If X, Y will Z" / "Y could Z if X" → "Could Y Z if X?"; "What happens if X?" when Y cannot be asked. */
function ifClause(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  const t = tokens[i]!;
  if (t.lower !== 'if' && t.lower !== 'unless') return null;
  for (let k = Math.max(0, i - 3); k < i; k++) if (WHETHER_BEFORE.has(tokens[k]!.lemma) || WHETHER_BEFORE.has(tokens[k]!.lower)) return null;
  if (IDIOM_AFTER.has(tokens[i + 1]?.lower ?? '')) return null;
  const end = clauseEnd(tokens, i + 1);
  const condition = { from: i, to: end };
  if (!hasVerb(tokens, i + 1, end) || !readsAsEvent(tokens, i + 1, end)) return null;
  const conditionText = spanText(text, tokens, i, end).replace(/^./, (c) => c.toLowerCase());
  const consequence = opensClause(tokens, i) ? consequenceAfter(view, end) : consequenceBefore(view, i);
  if (consequence === undefined) return null;
  if (consequence === null) return t.lower === 'if' && !isPronoun(tokens[i + 1]) ? { text: whatHappens('if', spanText(text, tokens, i + 1, end)), condition } : null;
  return { text: auxQuestion(consequence.modal, consequence.subject, `${consequence.predicate} ${conditionText}`), condition };
}

/** "in the event of invasion", "in case of war" */
function inTheEvent(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  const words = tokens.slice(i, i + 4).map((t) => t.lower).join(' ');
  const lead = /^in the event (?:of|that)/.test(words) ? 4 : /^in case of/.test(words) ? 3 : 0;
  if (!lead) return null;
  const end = clauseEnd(tokens, i + lead);
  if (end <= i + lead) return null;
  const condition = { from: i, to: end };
  const connective = spanText(text, tokens, i, i + lead);
  const consequence = i === 0 || (tokens[i - 1]?.text === ',' && i < 3) ? consequenceAfter(view, end) : consequenceBefore(view, i);
  if (consequence) return { text: auxQuestion(consequence.modal, consequence.subject, `${consequence.predicate} ${spanText(text, tokens, i, end)}`), condition };
  return { text: whatHappens(connective.toLowerCase(), spanText(text, tokens, i + lead, end)), condition };
}

/** "Should the court rule against it, the firm will appeal" → "Will the firm appeal should the court rule against it?" */
function shouldInversion(view: SentenceView, i: number): Found | null {
  const { tokens, text } = view;
  if (tokens[i]!.lower !== 'should' || !(i === 0 || tokens[i - 1]!.text === ',') || view.text.trimEnd().endsWith('?')) return null;
  const end = clauseEnd(tokens, i + 1);
  if (tokens[end]?.text !== ',' || !hasVerb(tokens, i + 2, end, true)) return null;
  const condition = { from: i, to: end };
  const consequence = consequenceAfter(view, end);
  const conditionText = spanText(text, tokens, i, end);
  if (!consequence) return { text: whatHappens('', `${conditionText.charAt(0).toLowerCase()}${conditionText.slice(1)}`), condition };
  return { text: auxQuestion(consequence.modal, consequence.subject, `${consequence.predicate} ${conditionText.charAt(0).toLowerCase()}${conditionText.slice(1)}`), condition };
}

interface Consequence {
  modal: string;
  subject: string;
  predicate: string;
}

/**
 * The main clause after a leading condition ("…, fighting could resume"): undefined when it has no modal
 * (no conditional event), null when it has one but cannot be turned into a question.
 */
function consequenceAfter(view: SentenceView, comma: number): Consequence | null | undefined {
  const { tokens } = view;
  if (tokens[comma]?.text !== ',') return undefined;
  for (let k = comma + 1; k < tokens.length && k < comma + 10; k++) {
    if (MODALS.has(tokens[k]!.lower) && tokens[k]!.pos === 'AUX') return consequenceAt(view, k);
    if (/^[.;]$/.test(tokens[k]!.text)) break;
  }
  return undefined;
}

/** The main clause before a trailing condition ("fighting could resume if …"). */
function consequenceBefore(view: SentenceView, at: number): Consequence | null | undefined {
  const { tokens } = view;
  for (let k = at - 1; k >= 0 && at - k < 16; k--) {
    if (MODALS.has(tokens[k]!.lower) && tokens[k]!.pos === 'AUX') return consequenceAt(view, k, at);
    if (/^[.;]$/.test(tokens[k]!.text)) break;
  }
  return undefined;
}

function consequenceAt(view: SentenceView, modal: number, until?: number): Consequence | null {
  const { tokens, text } = view;
  const span = subjectOfVerb(tokens, modal) ?? subjectBefore(tokens, modal);
  if (!span || isFirstPerson(tokens, span)) return null;
  const subject = resolvedSubject(view, span);
  if (!subject) return null;
  const end = Math.min(until ?? tokens.length, clauseEnd(tokens, modal + 1));
  if (end <= modal + 1) return null;
  const m = tokens[modal]!.lower === "'ll" ? 'will' : tokens[modal]!.lower;
  return { modal: m.charAt(0).toUpperCase() + m.slice(1), subject, predicate: spanText(text, tokens, modal + 1, end) };
}

/** "If, as expected, …" aside, the condition opens its clause when nothing but a comma or "that" is before it. */
function opensClause(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  return !before || before.text === ',' || before.lower === 'that' || before.lower === 'but' || before.lower === 'and';
}

function hasVerb(tokens: Token[], from: number, to: number, allowNoun = false): boolean {
  for (let k = from; k < to; k++) {
    const pos = tokens[k]!.pos;
    if (pos === 'VERB' || pos === 'AUX' || (allowNoun && pos === 'NOUN' && k > from)) return true;
  }
  return false;
}

/**
 * A condition worth asking about has a subject of its own, not "I"/"we"/"you" ("if confirmed" has none),
 * and looks ahead: "if they had been stopped" tells what used to happen or might have happened.
 */
function readsAsEvent(tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (!first || /^(?:i|we|you)$/.test(first.lower) || first.pos === 'VERB' || first.pos === 'ADJ' && tokens[from + 1]?.pos === 'PUNCT') return false;
  for (let k = from; k < to - 1; k++) if (tokens[k]!.lower === 'had' && (tokens[k + 1]!.pos === 'VERB' || tokens[k + 1]!.lower === 'been')) return false;
  return true;
}

function isPronoun(t: Token | undefined): boolean {
  return !!t && t.pos === 'PRON';
}
