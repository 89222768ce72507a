/**
 * Whether two dated clauses may report one event, as evidence for the timeline to weigh: the alignment
 * model's probability on the clauses without their dates, and whether their actions (verbs) mean alike.
 * The model is tuned on whole sentences that paraphrase each other, so two short clauses worded apart
 * ("the board will meet", "directors gather") score low; the caller adds what the clauses share.
 */
import { posTokens } from '../nlp.js';
import { wordVectors } from '../../lexicon/word-vectors.js';
import { pairFeatures } from './features.js';
import { sameFactProbability } from './model.js';
import { shapeOf, type SentenceShape } from './shape.js';

/** A clause of a timeline row and the date expression in it. */
export interface ReportedEvent {
  text: string;
  /** The date expression as written, left out of the comparison: the dates are compared apart. */
  when: string;
}

export interface EventEvidence {
  /** Probability, by the alignment model, that the two clauses (dates left out) state the same fact. */
  probability: number;
  /** Each side's actions have a counterpart of like meaning on the other ("meet" / "gather"); true when one side has none. */
  actionsMatch: boolean;
  /** The subjects (words before the first verb) share a word or one of like meaning ("board" / "directors"); true when one is unknown. */
  actorsMatch: boolean;
}

/** Word similarity at which one word is taken to stand for another (the alignment model's own floor). */
const ACTION_SIMILARITY = 0.5;
/** Verbs that carry tense, mood or attribution rather than the event. */
const NOT_ACTIONS = new Set(['be', 'have', 'do', 'say', 'tell', 'report', 'add', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must']);

interface Word {
  lemma: string;
  name: boolean;
  /** Word-vector index, -1 when the vectors lack the word. */
  vector: number;
}

interface Read {
  shape: SentenceShape;
  actions: Word[];
  /** Nouns, names and adjectives before the first verb: who acts (or, passive, what is acted on). */
  actors: Word[];
}

/** A comparer of reported events; it reads each clause once (the cache lives as long as the comparer). */
export function eventComparer(): (a: ReportedEvent, b: ReportedEvent) => EventEvidence {
  const cache = new Map<string, Read>();
  const read = (e: ReportedEvent): Read => {
    const text = withoutWhen(e);
    let r = cache.get(text);
    if (!r) cache.set(text, (r = readEvent(text)));
    return r;
  };
  return (a, b) => {
    const [x, y] = [read(a), read(b)];
    const probability = sameFactProbability(pairFeatures(x.shape, y.shape));
    return { probability, actionsMatch: meets(x.actions, y.actions), actorsMatch: sameActors(x.actors, y.actors) };
  };
}

function readEvent(text: string): Read {
  const vectors = wordVectors();
  const tokens = posTokens(text);
  const word = (t: { lemma: string; lower: string; pos: string }): Word => ({
    lemma: t.lemma,
    name: t.pos === 'PROPN',
    vector: vectors.indexOf(t.lemma) ?? vectors.indexOf(t.lower) ?? -1,
  });
  const actions = tokens.filter((t) => t.pos === 'VERB' && !NOT_ACTIONS.has(t.lemma)).map(word);
  const firstVerb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const actors = tokens.slice(0, Math.max(0, firstVerb)).filter((t) => ACTOR_POS.has(t.pos)).map(word);
  return { shape: shapeOf(text), actions, actors };
}

const ACTOR_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * Whether two subjects may name the same actor. Names are matched as written, since word vectors put any
 * two countries or two leaders close ("Russia" / "United States"): when both subjects name someone they must
 * share a name; otherwise a word of like meaning will do ("the board" / "directors").
 */
function sameActors(a: Word[], b: Word[]): boolean {
  const names = (w: Word[]) => new Set(w.filter((x) => x.name).map((x) => x.lemma));
  const [x, y] = [names(a), names(b)];
  if (x.size > 0 && y.size > 0) return [...x].some((n) => y.has(n));
  return meets(a.filter((w) => !w.name), b.filter((w) => !w.name)) || meets(a, b);
}

/** Whether some word of `a` has a counterpart in `b`, itself or of like meaning (an empty side constrains nothing). */
function meets(a: Word[], b: Word[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const vectors = wordVectors();
  return a.some((x) => b.some((y) => x.lemma === y.lemma || (x.vector >= 0 && y.vector >= 0 && vectors.similarity(x.vector, y.vector) >= ACTION_SIMILARITY)));
}

/** The clause without its date expression: "The board meets on Thursday." → "The board meets." */
export function withoutWhen(e: ReportedEvent): string {
  const at = e.when ? e.text.indexOf(e.when) : -1;
  const cut = at >= 0 ? e.text.slice(0, at) + e.text.slice(at + e.when.length) : e.text;
  return cut.replace(/\s+([,.;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
}
