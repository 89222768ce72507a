/**
 * Attribution: who a quotation is given to by the words around it in its sentence. The tail after the closing
 * mark (`"…," said Varga` / `"…," Varga said` / `according to Varga`), the head before the opening mark
 * (`Varga said: "…"`, `In a statement, she wrote: "…"`), and for partial quotations the verb that frames them
 * (`Varga called the plan "reckless"`).
 */
import { FRAMING_VERBS, INVERTING, SPEECH_VERBS, VERB_ADVERBS } from './lexicon.js';
import { phraseAfter, verbFollows } from './phrase-after.js';
import { phraseBefore } from './phrase-before.js';
import type { Parsed } from './phrase-common.js';
import { endsSentence, type Token } from './tokens.js';
import type { SpeakerPhrase } from './types.js';

const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night
  week month year weekend earlier later recently`.split(/\s+/),
);
const TIME_LEADS = new Set('on last this earlier late early next'.split(' '));
const LEADING_PUNCT = /^[,;:—–\-”"’]+$/;
/** Words after a verb that open a clause of its own: `"…." Varga said the plan…` is a new sentence, not a tail. */
const CLAUSE_OPENERS = new Set('that he she it they we i there this these those the a an his her their its our no if whether'.split(' '));

const speechBase = (t: Token | undefined): string | undefined => (t?.word && !t.cap ? SPEECH_VERBS.get(t.key) : undefined);
const framingBase = (t: Token | undefined): string | undefined => (t?.word && !t.cap ? FRAMING_VERBS.get(t.key) : undefined);
const isParticiple = (t: Token): boolean => t.key.endsWith('ing');

/** Skip adverbs, auxiliaries and time phrases backwards from `i` ("Varga on Monday also said"). */
function skipAdjunctsBack(tokens: Token[], i: number): number {
  let j = i;
  while (j >= 0) {
    const t = tokens[j]!;
    if (t.word && !t.cap && (VERB_ADVERBS.has(t.key) || /^\w+ly$/.test(t.key) || /n['’]t$/.test(t.key))) j--;
    else if (t.word && TIME_WORDS.has(t.key)) {
      j--;
      if (j >= 0 && tokens[j]!.word && TIME_LEADS.has(tokens[j]!.key)) j--;
    } else break;
  }
  return j;
}

/**
 * The subject of the verb at `v`, read backwards: through a relative pronoun ("Ruiz, who said") to its
 * antecedent, and through a coordination ("Ruiz rose and said") to the subject of the clause.
 */
export function subjectOfVerb(tokens: Token[], v: number): Parsed | null {
  let j = skipAdjunctsBack(tokens, v - 1);
  if (j < 0) return null;
  const t = tokens[j]!;
  if (t.word && (t.key === 'who' || t.key === 'and' || t.key === 'but') && !t.cap) {
    if (t.key !== 'who') return clauseSubject(tokens, j);
    j--;
    if (tokens[j]?.text === ',') j--;
  }
  return j >= 0 ? phraseBefore(tokens, j) : null;
}

/**
 * The subject of the clause that ends before `limit` ("Varga rallied staff, saying: …"): the first phrase that opens
 * the sentence or follows a comma and stands before a verb ("In a statement, Varga told…", "Speaking in Tromsø, Varga
 * went on"). Names and pronouns are preferred to descriptions.
 */
export function clauseSubject(tokens: Token[], limit: number): Parsed | null {
  let description: Parsed | null = null;
  for (let s = 0; s < limit; s++) {
    if (s > 0 && !/^[,:;—–]$/.test(tokens[s - 1]!.text)) continue;
    const p = phraseAfter(tokens, s);
    if (!p || p.to >= limit || !verbFollows(tokens, p.to)) continue;
    if (p.phrase.kind !== 'description') return p;
    description ??= p;
  }
  return description;
}

/**
 * The attribution in the tail after a closing mark, up to the end of its sentence. `closedSentence` is true when
 * the quotation ended its own sentence (`."`): then a tail that opens a new clause is a new sentence, not a tail.
 */
export function tailSpeaker(tail: Token[], closedSentence: boolean): SpeakerPhrase | null {
  let i = 0;
  while (i < tail.length && !tail[i]!.word && LEADING_PUNCT.test(tail[i]!.text)) i++;
  const first = tail[i];
  if (!first || !first.word) return null;
  const verb = speechBase(first);
  if (verb !== undefined && INVERTING.has(verb) && !isParticiple(first)) {
    let j = i + 1;
    while (j < tail.length && tail[j]!.word && (TIME_WORDS.has(tail[j]!.key) || TIME_LEADS.has(tail[j]!.key) && TIME_WORDS.has(tail[j + 1]?.key ?? ''))) j++;
    return phraseAfter(tail, j)?.phrase ?? null;
  }
  if (first.key === 'according' && tail[i + 1]?.key === 'to') return phraseAfter(tail, i + 2)?.phrase ?? null;
  for (let v = i + 1; v < tail.length && v - i < 30; v++) {
    const t = tail[v]!;
    if (endsSentence(t)) break;
    if (speechBase(t) === undefined || isParticiple(t)) continue;
    if (closedSentence && CLAUSE_OPENERS.has(nextWord(tail, v)?.key ?? '') && speechBase(t) !== 'tell') return null;
    const subject = subjectOfVerb(tail, v);
    return subject && subject.from === i ? subject.phrase : null;
  }
  return null;
}

function nextWord(tokens: Token[], v: number): Token | undefined {
  let j = v + 1;
  while (tokens[j]?.word && VERB_ADVERBS.has(tokens[j]!.key)) j++;
  return tokens[j];
}

/**
 * The attribution in the head before an opening mark, when the head introduces the quotation: it ends in a colon,
 * a comma or a speech verb (`Varga said: "…"`, `According to Varga, "…"`, `Varga told staff, "…"`).
 */
export function headSpeaker(head: Token[]): SpeakerPhrase | null {
  const last = head[head.length - 1];
  if (!last) return null;
  const introduces = !last.word ? /^[:,—–]$/.test(last.text) : speechBase(last) !== undefined;
  if (!introduces) return null;
  const according = head.findIndex((t, n) => t.key === 'according' && head[n + 1]?.key === 'to');
  if (according >= 0) {
    const p = phraseAfter(head, according + 2);
    if (p) return p.phrase;
  }
  for (let v = head.length - 1; v >= 0 && head.length - v < 40; v--) {
    const t = head[v]!;
    if (speechBase(t) === undefined) continue;
    if (isParticiple(t)) return clauseSubject(head, v)?.phrase ?? null;
    const subject = subjectOfVerb(head, v);
    if (subject) return subject.phrase;
  }
  if (last.text !== ':' || head.length < 2) return null;
  // A name right before the colon ("…doesn’t surprise pollster Ana Ruiz:", "RUIZ:"), else the clause subject.
  const alone = phraseBefore(head, head.length - 2);
  if (alone && alone.phrase.kind === 'name' && !alone.phrase.organisation) return alone.phrase;
  return clauseSubject(head, head.length - 1)?.phrase ?? null;
}

/**
 * The speaker of a partial quotation: the subject of the nearest framing verb before it in its sentence
 * ("Varga called the plan “reckless”", "Varga said it would “fight on”"); a coordinated verb ("… and called for")
 * takes the subject of the verb before it.
 */
export function framingSpeaker(head: Token[]): SpeakerPhrase | null {
  // A description ("his campaign doesn’t want “…”") gives way to a named speaker of an outer verb ("…, saying").
  let described: SpeakerPhrase | null = null;
  for (let v = head.length - 1; v >= 0; v--) {
    const t = head[v]!;
    if (endsSentence(t)) break;
    if (framingBase(t) === undefined) continue;
    // A participle without a comma modifies the noun before it ("an op-ed hammering …"): not a speaker.
    if (isParticiple(t) && head[v - 1]?.text !== ',') continue;
    const subject = isParticiple(t) ? clauseSubject(head, v) : subjectOfVerb(head, v);
    if (!subject) continue;
    if (subject.phrase.kind !== 'description') return subject.phrase;
    described ??= subject.phrase;
  }
  // No framing verb: the words are the subject's ("Ruiz pushed her promise of “free care”").
  const subject = clauseSubject(head, head.length);
  return subject && subject.phrase.kind !== 'description' ? subject.phrase : described;
}

/** True when the head ends with words that run on into the quotation ("called it", "as a"): it is partial. */
export function headRunsOn(head: Token[]): boolean {
  const last = head[head.length - 1];
  if (!last) return false;
  if (!last.word) return !/^[:,—–(]$/.test(last.text);
  return speechBase(last) === undefined;
}

/** True when the head introduces a quotation with a comma or colon after a speech verb or "according to". */
export function headIntroduces(head: Token[]): boolean {
  const last = head[head.length - 1];
  if (!last) return false;
  if (last.text === ':') return true;
  return head.some((t) => speechBase(t) !== undefined || t.key === 'according');
}
