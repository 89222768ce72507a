/**
 * Conflicts between sources: figures that measure the same thing (same unit, same counted noun or the same
 * thing happening to people, similar or aligned sentences) but disagree — "1.2 million (S1) vs 1.4 million (S2)".
 * The same figure written two ways ("1.2 million", "1,200,000") and hedged figures that fit ("at least
 * nine" vs "11") are no conflict.
 */
import type { Conflict, Evidence, Question } from '../../model/briefing.js';
import { compareSourceIds, evidenceOf } from '../corpus.js';
import { align } from '../align/index.js';
import { cosine } from '../terms.js';
import { figuresOf, type Figure } from './figures.js';
import { finishQuestion } from './phrase.js';
import type { SentenceView } from './view.js';

/** Two figures from different sources are about the same thing only when their sentences are at least this similar. */
export const SAME_CONTEXT_SIMILARITY = 0.15;
/** Counts of people to whom the same thing happened ("killed", "died") need less: the category already matches. */
const SAME_CATEGORY_SIMILARITY = 0.1;
/** Money and percentages are everywhere in a story; only near-identical sentences measure the same thing. */
const SAME_AMOUNT_SIMILARITY = 0.3;
/** More distinct values than this is many figures of one kind, not one figure reported differently. */
const MAX_VALUES = 3;
/**
 * More figures of one measure than this is a table or a list of many such things, not one quantity the
 * sources report differently (and comparing every pair of them would cost quadratic time).
 */
const MAX_FIGURES = 60;
/** Reports of one quantity rarely differ by more than this factor; "14 patients" and "1.4 million patients" are two things. */
const MAX_RATIO = 4;

const CATEGORY_QUESTION: Record<string, [string, string]> = {
  died: ['How many people died', 'deaths'],
  injured: ['How many people were injured', 'people injured'],
  hospital: ['How many people were taken to hospital', 'people in hospital'],
  missing: ['How many people are missing', 'people missing'],
  arrested: ['How many people were arrested', 'arrests'],
  evacuated: ['How many people were evacuated', 'people evacuated'],
  rescued: ['How many people were rescued', 'people rescued'],
};

export interface FoundConflict {
  conflict: Conflict;
  question: Question;
  /** Sentences of every figure involved, for ranking. */
  views: SentenceView[];
}

/** Conflicting figures across the sentences, one conflict per thing measured. */
export function findConflicts(views: SentenceView[]): FoundConflict[] {
  const byMeasure = new Map<string, Figure[]>();
  for (const view of views) {
    for (const figure of figuresOf(view)) {
      const key = measureOf(figure);
      if (!key) continue;
      const list = byMeasure.get(key);
      if (list) list.push(figure);
      else byMeasure.set(key, [figure]);
    }
  }
  const out: FoundConflict[] = [];
  for (const [key, figures] of byMeasure) {
    const found = conflictOf(key, figures);
    if (found) out.push(found);
  }
  return out;
}

/** What a figure measures, as a key two figures must share to be compared. */
function measureOf(f: Figure): string | null {
  if (f.category) return `people:${f.category}`;
  if (f.unit === 'count') return f.noun ? `count:${f.noun}` : null;
  // "7%" or "£2m" with nothing saying what it is of cannot be matched with another figure.
  return f.about ? `${f.unit}:${f.about}` : null;
}

function conflictOf(key: string, figures: Figure[]): FoundConflict | null {
  if (figures.length > MAX_FIGURES || new Set(figures.map(sourceOf)).size < 2) return null;
  // Pairs from different sources, in similar sentences, that cannot both be true.
  const involved = new Set<Figure>();
  for (let a = 0; a < figures.length; a++) {
    for (let b = a + 1; b < figures.length; b++) {
      const x = figures[a]!;
      const y = figures[b]!;
      if (sourceOf(x) === sourceOf(y) || !comparable(x, y) || compatible(x, y)) continue;
      // A source that gives both values ("rose from two to three") tells a change, not a disagreement.
      if (figures.some((z) => sourceOf(z) === sourceOf(x) && z !== x && compatible(z, y) && z.bound === 'exact')) continue;
      if (figures.some((z) => sourceOf(z) === sourceOf(y) && z !== y && compatible(z, x) && z.bound === 'exact')) continue;
      involved.add(x);
      involved.add(y);
    }
  }
  if (involved.size < 2) return null;
  // Figures that agree with one another are one value, citing every source that gives it.
  const values: Array<{ figures: Figure[] }> = [];
  for (const f of [...involved].sort((p, q) => compareSourceIds(sourceOf(p), sourceOf(q)))) {
    const same = values.find((v) => v.figures.every((g) => compatible(g, f)));
    if (same) same.figures.push(f);
    else values.push({ figures: [f] });
  }
  if (values.length < 2 || values.length > MAX_VALUES) return null;
  const first = figures.find((f) => involved.has(f))!;
  const shown = values.map((v) => ({
    value: shownValue(v.figures),
    sources: [...new Set(v.figures.map(sourceOf))].sort(compareSourceIds),
    evidence: uniqueEvidence(v.figures),
  }));
  const [asked, about] = questionOf(key, first);
  const options = shown.map((v) => `${v.value} (${v.sources.join(', ')})`);
  const listed = options.length === 2 ? options.join(' or ') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
  const question: Question = {
    text: finishQuestion(`${asked}: ${listed}`).replace(/^(.)/, (c) => c.toUpperCase()),
    kind: 'conflict',
    sources: [...new Set(shown.flatMap((v) => v.sources))].sort(compareSourceIds),
    evidence: shown.flatMap((v) => v.evidence),
  };
  return { conflict: { about, values: shown }, question, views: [...involved].map((f) => f.view) };
}

function sourceOf(f: Figure): string {
  return f.view.info.sentence.source;
}

/**
 * Same kind of thing, in sentences about the same event, of a size that could be the same quantity. The
 * sentences are about the same event when their words are similar enough, or when the alignment layer finds
 * them one fact but for their particulars (reworded: "would carry 1,200 passengers" / "expect 1,000 riders").
 */
function comparable(x: Figure, y: Figure): boolean {
  const low = Math.min(x.value, y.value);
  const high = Math.max(x.value, y.value);
  if (low <= 0 || high / low > MAX_RATIO) return false;
  const needed = x.category && x.category === y.category ? SAME_CATEGORY_SIMILARITY : x.unit === 'count' ? SAME_CONTEXT_SIMILARITY : SAME_AMOUNT_SIMILARITY;
  return cosine(x.view.info.vector, y.view.info.vector) >= needed || align(x.view.info, y.view.info).sameFrame;
}

/** Whether both figures can be true: equal at the coarser precision, or within each other's bounds. */
export function compatible(x: Figure, y: Figure): boolean {
  const precision = Math.max(x.precision, y.precision);
  const round = (v: number) => Math.round(v / precision);
  if (round(x.value) === round(y.value)) return true;
  const fits = (bound: Figure, other: Figure) =>
    (bound.bound === 'min' && round(other.value) >= round(bound.value)) || (bound.bound === 'max' && round(other.value) <= round(bound.value));
  if (x.bound === 'min' && y.bound === 'min') return true;
  if (x.bound === 'max' && y.bound === 'max') return true;
  return fits(x, y) || fits(y, x);
}

/** A value as the question shows it: the first source's writing; a hedge kept only when it is a bound. */
function shownValue(figures: Figure[]): string {
  const f = figures[0]!;
  const hedge = f.bound === 'min' ? 'at least ' : f.bound === 'max' ? 'up to ' : '';
  return `${hedge}${f.written}`;
}

function uniqueEvidence(figures: Figure[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const f of figures) {
    const e = evidenceOf(f.view.info.sentence);
    const id = `${e.source}:${e.paragraph}:${e.sentence}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out;
}

/** The question's lead and what the conflict is about: "How many people died" / "deaths". */
function questionOf(key: string, f: Figure): [string, string] {
  const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'people') return CATEGORY_QUESTION[rest] ?? ['How many people', 'people'];
  if (kind === 'count') {
    const noun = f.nounText?.toLowerCase() ?? rest;
    const rate = rateOf(f);
    // "1,200 passengers a day" measures a rate: asked as one, not as people "involved".
    return rate ? [`How many ${noun} ${rate}`, `${noun} ${rate}`] : [`How many ${noun} were involved`, noun];
  }
  if (kind === 'percent') return rest ? [`What is the right figure for ${rest}`, rest] : ['What is the right figure', 'percentage'];
  return rest ? [`How much was the ${rest}`, rest] : ['What is the right amount', 'amount'];
}

/** "a day", "per week", "each year" right after the counted noun, or null. */
function rateOf(f: Figure): string | null {
  const tokens = f.view.tokens;
  for (let k = f.index + 1; k < tokens.length && k <= f.index + 4; k++) {
    if (tokens[k]!.lemma !== f.noun) continue;
    const [by, unit] = [tokens[k + 1]?.lower, tokens[k + 2]?.lower];
    return by && unit && /^(?:a|an|per|each|every)$/.test(by) && /^(?:day|week|month|year|hour)$/.test(unit) ? `${by} ${unit}` : null;
  }
  return null;
}
