/**
 * What a clause asserts, for comparing sources: its verb, subject and object, and whether it says yes or no
 * ("the council did not approve the plan" → approve(council, plan) = no; "the ministry denied the report" →
 * confirm(ministry, report) = no). A clause that asserts nothing — under a denial or an allegation, in a
 * condition, after a modal, in quoted speech, "has not yet" — gives no predicate.
 */
import { clauseEnd, isFirstPerson, resolvedSubject, SPEECH, subjectOfVerb, type Span } from './clause.js';
import { DATE_WORDS, NON_ASSERTING_VERBS, POLAR_VERBS, TELLING_VERBS } from './lexicon.js';
import { contentTerms } from './overlap.js';
import { insideQuotes, spanText, wordSet, type Token } from './tokens.js';
import type { SentenceView } from './view.js';

/** The parts of a sentence view a predicate is read from. */
export type ClauseText = Pick<SentenceView, 'text' | 'tokens' | 'isCommonWord'>;

export interface Predicate {
  /** Token index of the verb. */
  verb: number;
  lemma: string;
  /** The verb's concept: its antonym group ("approve" for "rejected") or its own lemma. */
  concept: string;
  /** +1 when the clause asserts the concept, -1 when it says the opposite ("rejected", "did not approve"). */
  polarity: 1 | -1;
  /** True when the "no" comes from a negation word ("not", "never", "no", "failed to"), not a reversed verb. */
  negated: boolean;
  future: boolean;
  /** "has approved", "has not approved": a state at the time of writing. */
  perfect: boolean;
  passive: boolean;
  /** First token of the auxiliaries, negation and verb: "did not approve" starts at "did". */
  chainFrom: number;
  /** Auxiliaries as written, in order, without negation and adverbs: ["has"], ["will", "be"]. */
  auxiliaries: string[];
  subject: Span;
  /** The subject as a reader outside the sentence understands it (a pronoun becomes its speaker). */
  subjectText: string;
  subjectTerms: string[];
  /** Direct object or complement right after the verb (a passive's "by" agent, a "that" clause); may be empty. */
  object: Span;
  objectTerms: string[];
  /** Content words from the verb to the clause end ("nominated for best album"): what else the claim is about. */
  tailTerms: string[];
}

const NEGATION = wordSet("not n't never");
const MODALS = wordSet("would could might may should must can cannot ought wo 'd");
const FUTURE = wordSet("will shall 'll");
/** "failed to approve", "refused to sign": the refusal negates the verb it governs. */
const REFUSAL = wordSet('fail refuse decline');
/** "has not yet", "no longer", "not immediately", "still": a state at one moment, which later reports may change. */
const MOMENTARY = wordSet('yet still longer immediately');
/** Subjects that carry their own negation or a hedge: "No one approved", "Few members backed". */
const NEGATIVE_SUBJECT = wordSet('no none neither nobody nothing few not');
/** Words opening a clause that asserts nothing by itself: "if the council approves …", "whether it was …". */
const SUBORDINATORS = wordSet('if whether unless once until before after when though although lest');
/** Nouns that report hearsay: "reports that the council approved …" asserts nothing. */
const HEARSAY = wordSet('report reports claim claims allegation allegations rumour rumours rumor rumors suggestion suggestions speculation');
/** Main verbs too light to compare: "is", "has", "said". */
const LIGHT = wordSet('be do get');
/** Particles that change a verb's meaning: "ruled out", "stepped down". */
const PARTICLES = wordSet('up down out off back over away');
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'SYM']);
const UNIVERSAL = wordSet('all every both each always');

/** Every asserting predicate of a sentence, in text order. */
export function predicatesOf(clause: ClauseText): Predicate[] {
  if (/\?["”’]?\s*$/.test(clause.text)) return [];
  const out: Predicate[] = [];
  clause.tokens.forEach((_, i) => {
    if (!isVerb(clause.tokens, i)) return;
    const p = predicateAt(clause, i);
    if (p) out.push(p);
  });
  return out;
}

/** The predicate whose verb is token `i`, or null when the clause there asserts nothing comparable. */
export function predicateAt(clause: ClauseText, i: number): Predicate | null {
  const { tokens, text } = clause;
  const verb = tokens[i]!;
  if (!isVerb(tokens, i) || LIGHT.has(verb.lemma) || insideQuotes(tokens, i)) return null;
  if (SPEECH.has(verb.lower) && !POLAR_VERBS.has(verb.lemma)) return null;
  // "plans to approve": the infinitive carries the claim, and only a refusal makes it one.
  if (tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.pos === 'VERB') return null;
  const chain = chainBefore(tokens, i);
  if (!chain) return null;
  const { from, negations, auxiliaries } = chain;
  const be = auxiliaries.some((a) => tokens[a]!.lemma === 'be');
  if (/ing$/.test(verb.lower) && !be) return null;
  const subject = subjectOfVerb(tokens, from);
  if (!subject || isFirstPerson(tokens, subject) || !asserted(tokens, subject)) return null;
  for (let k = subject.from; k < subject.to; k++) if (NEGATIVE_SUBJECT.has(tokens[k]!.lower)) return null;
  const subjectText = resolvedSubject(clause, subject);
  if (!subjectText) return null;
  const passive = be && verb.lower !== verb.lemma && !/ing$/.test(verb.lower);
  const object = objectAfter(tokens, i, passive);
  // "did not fail to approve": double negatives are left unread.
  if (negations > 1) return null;
  let negated = negations === 1;
  for (let k = object.from; k < object.to; k++) {
    const t = tokens[k]!;
    // "found no evidence", "found him not guilty": the object carries the negation.
    if (t.lower === 'no' || (t.lower === 'not' && tokens[k + 1]?.pos === 'ADJ')) negated = !negated;
    // "has not cancelled all flights" still cancelled some: not the opposite of "cancelled flights".
    if (negated && UNIVERSAL.has(t.lower)) return null;
  }
  const polar = POLAR_VERBS.get(verb.lemma);
  // "did not confirm" is silence, not a denial.
  if (negated && TELLING_VERBS.has(verb.lemma)) return null;
  const sign = polar?.sign ?? 1;
  const terms: { subject?: string[]; object?: string[]; tail?: string[] } = {};
  return {
    verb: i,
    lemma: verb.lemma,
    concept: polar?.concept ?? verb.lemma,
    polarity: (negated ? -sign : sign) as 1 | -1,
    negated,
    future: auxiliaries.some((a) => FUTURE.has(tokens[a]!.lower)),
    perfect: auxiliaries.some((a) => tokens[a]!.lemma === 'have'),
    passive,
    chainFrom: from,
    auxiliaries: auxiliaries.map((a) => tokens[a]!.text),
    subject,
    subjectText,
    object,
    // Terms are read only for predicates that oppose another: most never need them.
    // "The plant's owner, Delmar Foods, denied …": the aside names the subject too.
    get subjectTerms() {
      const aside = tokens[subject.to]?.text === ',' && tokens[from - 1]?.text === ',' ? spanText(text, tokens, subject.to + 1, from - 1) : '';
      return (terms.subject ??= contentTerms(`${subjectText} ${aside}`));
    },
    get objectTerms() {
      return (terms.object ??= contentTerms(spanText(text, tokens, object.from, object.to)));
    },
    get tailTerms() {
      return (terms.tail ??= contentTerms(spanText(text, tokens, i + 1, clauseEnd(tokens, i + 1))));
    },
  };
}

/** A verb, or a reversible verb the tagger misread after an auxiliary ("will close" tagged as an adjective). */
function isVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos === 'VERB') return true;
  const before = tokens[i - 1];
  return POLAR_VERBS.has(t.lemma) && t.lower === t.lemma && !!before && (before.pos === 'AUX' || NEGATION.has(before.lower));
}

interface Chain {
  /** First token of the chain. */
  from: number;
  negations: number;
  /** Token indexes of the auxiliaries, in order. */
  auxiliaries: number[];
}

/** The auxiliaries, negation and adverbs before the verb at `i` (through "failed to"); null for a modal or a momentary state. */
function chainBefore(tokens: Token[], i: number): Chain | null {
  let k = i - 1;
  let negations = 0;
  const auxiliaries: number[] = [];
  if (tokens[k]?.lower === 'to') {
    const governor = tokens[k - 1];
    if (!governor || governor.pos !== 'VERB' || !REFUSAL.has(governor.lemma)) return null;
    negations++;
    k -= 2;
  }
  for (; k >= 0; k--) {
    const t = tokens[k]!;
    if (NEGATION.has(t.lower)) negations++;
    else if (MOMENTARY.has(t.lower) || MODALS.has(t.lower)) return null;
    else if (t.pos === 'AUX') auxiliaries.unshift(k);
    else if (t.pos !== 'ADV') break;
  }
  return { from: k + 1, negations, auxiliaries };
}

/** False when the clause is a condition, a question or what someone denies, alleges or hopes. */
function asserted(tokens: Token[], subject: Span): boolean {
  let b = subject.from - 1;
  if (tokens[b]?.lower === 'not') return false;
  if (tokens[b]?.lower === 'that') b--;
  const before = tokens[b];
  if (!before) return true;
  if (SUBORDINATORS.has(before.lower)) return false;
  if (before.pos === 'NOUN' && HEARSAY.has(before.lower)) return false;
  if (before.pos !== 'VERB') return true;
  // "denied that …", "did not say that …", "could confirm that …": the clause is not the writer's claim.
  const governing = chainBefore(tokens, b);
  return !NON_ASSERTING_VERBS.has(before.lemma) && !!governing && governing.negations === 0;
}

/** The object or complement right after the verb: a noun phrase (with "of …"), a particle, a passive's agent, a "that" clause. */
function objectAfter(tokens: Token[], verb: number, passive: boolean): Span {
  let k = verb + 1;
  if (PARTICLES.has(tokens[k]?.lower ?? '') && tokens[k]!.pos !== 'NOUN') k++;
  if (tokens[k]?.lower === 'that' && tokens[k]!.pos === 'SCONJ') return { from: verb + 1, to: clauseTail(tokens, k + 1) };
  const phrase = (at: number): number => {
    let j = at;
    while (j < tokens.length && (NOUN_PHRASE.has(tokens[j]!.pos) || tokens[j]!.lower === "'s" || (tokens[j]!.lower === 'not' && tokens[j + 1]?.pos === 'ADJ'))) j++;
    return j;
  };
  let end = phrase(k);
  while (end > k && tokens[end]?.lower === 'of' && NOUN_PHRASE.has(tokens[end + 1]?.pos ?? '')) end = phrase(end + 1);
  if (passive && tokens[end]?.lower === 'by') end = phrase(end + 1);
  // A date right after the verb ("signed on 3 May") is when, not what: dates are compared elsewhere.
  return { from: verb + 1, to: Math.max(verb + 1, trimDate(tokens, verb + 1, end)) };
}

/** A "that" clause runs to the next comma, semicolon or sentence end. */
function clauseTail(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && !/^[,;:.!?—–]$/.test(tokens[k]!.text)) k++;
  return k;
}

/** Drop date words and the numbers next to them from the end of a phrase. */
function trimDate(tokens: Token[], from: number, to: number): number {
  let end = to;
  for (let k = from; k < to; k++) {
    if (!DATE_WORDS.has(tokens[k]!.lower)) continue;
    end = k;
    while (end > from && /^\d{1,4}(?:st|nd|rd|th)?$/.test(tokens[end - 1]!.lower)) end--;
    break;
  }
  return end;
}

/**
 * The yes/no question a predicate answers, without negation and the date: "did not approve the plan on
 * Monday" → "Did the council approve the plan"; "was arrested" → "Was the man arrested".
 */
export function yesNoStem(clause: ClauseText, p: Predicate, withObject = true): string {
  const { tokens, text } = clause;
  const verb = tokens[p.verb]!;
  const object = withObject ? spanText(text, tokens, p.object.from, p.object.to) : '';
  const rest = [...p.auxiliaries.slice(1)];
  let lead: string;
  let form = verb.text;
  const first = p.auxiliaries[0]?.toLowerCase();
  if (first && first !== 'do' && first !== 'does' && first !== 'did') {
    lead = first === "'s" ? 'is' : first === "'ll" ? 'will' : first;
  } else {
    lead = first ?? doSupport(verb);
    form = verb.lemma;
  }
  const words = [lead, p.subjectText, ...rest, form, object].filter((w) => w.length > 0).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The clause as the source wrote it, without what follows the object: "the council did not approve the plan". */
export function writtenClause(clause: ClauseText, p: Predicate): string {
  const { tokens, text } = clause;
  const chain = spanText(text, tokens, p.chainFrom, Math.max(p.object.to, p.verb + 1));
  return `${p.subjectText} ${chain}`.replace(/\s+/g, ' ').trim();
}

/** "Did", "Does" or "Do" for a verb without an auxiliary, from its form ("knew" → Did, "knows" → Does). */
function doSupport(verb: Token): string {
  if (verb.lower === verb.lemma) return 'do';
  const third = [`${verb.lemma}s`, `${verb.lemma}es`, `${verb.lemma.replace(/y$/, 'ie')}s`];
  return third.includes(verb.lower) ? 'does' : 'did';
}
