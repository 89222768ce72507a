/**
 * The event a dated timeline clause tells, in a form two sources' clauses can be compared in: something that
 * happens once to its subject ("Alan Price died", "the court ruled") or a scheduled event a story has one of
 * ("the hearing is on …", "the vote will take place on …"). Recurring events (meetings, protests, attacks)
 * and events said to recur or to have moved ("again", "a second", "postponed") have no shape: their dates
 * may all be right.
 */
import { lowerArticle, SPEECH, type Span } from './clause.js';
import { LIGHT_VERBS, MOVED, ONCE_VERBS, REPEATED, SCHEDULED_NOUNS } from './lexicon.js';
import { contentTerms } from './overlap.js';
import { predicateAt, writtenClause, yesNoStem, type ClauseText } from './predicates.js';
import { insideQuotes, spanText, tokenize, type Token } from './tokens.js';

export interface EventShape {
  kind: 'once' | 'scheduled';
  /** The verb's lemma ("die") or the event noun's ("hearing"). */
  head: string;
  passive: boolean;
  /** Stemmed words of the subject (once) or of the event's noun phrase (scheduled). */
  terms: string[];
  objectTerms: string[];
  /** Content words of the clause without its date, for a similarity check. */
  clauseTerms: string[];
  /** "When did Alan Price die"; "When is the hearing on the appeal" (`upcoming`) or "When was …". */
  ask(upcoming: boolean): string;
  /** "date Alan Price died", "date of the hearing on the appeal". */
  about: string;
}

/** Determiners and numbers that make a subject one of several: "a man was arrested", "two people died". */
const INDEFINITE = /^(?:a|an|some|any|one|two|three|four|five|six|seven|eight|nine|ten|several|many|more|other|\d+)$/i;
const NEGATION = /\b(?:not|never|no)\b|n't\b/i;
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const PHRASE_PREPOSITIONS = /^(?:for|of|on|into|over|in)$/;

/** The shape of the event `text` dates with the expression `when`, or null when it has none to compare. */
export function eventShape(text: string, when: string, isCommonWord: (word: string) => boolean): EventShape | null {
  const stripped = withoutDate(text, when);
  if (NEGATION.test(stripped)) return null;
  if (MOVED.test(stripped) || stripped.toLowerCase().split(/[^a-z]+/).some((w) => REPEATED.has(w))) return null;
  const tokens = tokenize(stripped);
  const clause: ClauseText = { text: stripped, tokens, isCommonWord };
  // Words are read only for events that have a same-headed event to be compared with.
  let clauseTerms: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'VERB' || !ONCE_VERBS.has(tokens[i]!.lemma)) continue;
    const p = predicateAt(clause, i);
    if (!p || p.polarity < 0 || indefinite(tokens, p.subject)) return null;
    return {
      kind: 'once',
      head: p.lemma,
      passive: p.passive,
      get terms() {
        return p.subjectTerms;
      },
      get objectTerms() {
        return p.objectTerms;
      },
      get clauseTerms() {
        return (clauseTerms ??= contentTerms(stripped));
      },
      ask: () => `When ${lowerFirst(yesNoStem(clause, p))}`,
      about: `date ${writtenClause(clause, p)}`,
    };
  }
  return scheduled(clause);
}

/** The clause without its date expression: "The hearing is on 3 March." → "The hearing is." */
export function withoutDate(text: string, when: string): string {
  const at = when ? text.indexOf(when) : -1;
  const cut = at >= 0 ? text.slice(0, at) + text.slice(at + when.length) : text;
  return cut.replace(/\s+([,.;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** "The hearing on the appeal is on 3 March", "the vote will take place on Friday": an event noun and only light verbs. */
function scheduled(clause: ClauseText): EventShape | null {
  const { tokens, text } = clause;
  let light = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (LIGHT_VERBS.has(t.lemma)) light = true;
    else if (t.pos === 'VERB' && !SPEECH.has(t.lower) && !insideQuotes(tokens, i)) return null;
  }
  const noun = tokens.findIndex((t) => t.pos === 'NOUN' && SCHEDULED_NOUNS.has(t.lemma));
  if (!light || noun < 0) return null;
  const span = nounPhrase(tokens, noun);
  const written = lowerArticle(spanText(text, tokens, span.from, span.to), tokens, span, clause.isCommonWord).replace(/^(?:a|an)\s+/i, 'the ');
  const phrase = /^(?:the|this|that|[A-Z])/.test(written) || /['’]s\b/.test(written) ? written : `the ${written}`;
  // The clause's words without its light verbs: "is scheduled" and "will take place" say nothing of which event.
  const named = tokens.filter((t) => ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos) && t.lemma !== 'place').map((t) => t.text);
  let clauseTerms: string[] | undefined;
  return {
    kind: 'scheduled',
    head: tokens[noun]!.lemma,
    passive: false,
    get terms() {
      return contentTerms(phrase);
    },
    objectTerms: [],
    get clauseTerms() {
      return (clauseTerms ??= contentTerms(named.join(' ')));
    },
    ask: (upcoming) => `When ${upcoming ? 'is' : 'was'} ${phrase}`,
    about: `date of ${phrase}`,
  };
}

/** The noun phrase around the event noun: "the disciplinary hearing for the two officers". */
function nounPhrase(tokens: Token[], noun: number): Span {
  let from = noun;
  while (from > 0 && (NOUN_PHRASE.has(tokens[from - 1]!.pos) || tokens[from - 1]!.lower === "'s")) from--;
  let to = noun + 1;
  while (to < tokens.length && tokens[to]!.pos === 'NOUN') to++;
  // One "for/of/on …" phrase names which hearing it is.
  if (PHRASE_PREPOSITIONS.test(tokens[to]?.lower ?? '') && NOUN_PHRASE.has(tokens[to + 1]?.pos ?? '')) {
    to += 1;
    while (to < tokens.length && (NOUN_PHRASE.has(tokens[to]!.pos) || tokens[to]!.lower === "'s")) to++;
  }
  return { from, to };
}

/** Whether the subject is one of several ("a man", "two workers") rather than one known thing. */
function indefinite(tokens: Token[], span: Span): boolean {
  const first = tokens[span.from]!;
  return INDEFINITE.test(first.lower) || first.pos === 'NUM';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
