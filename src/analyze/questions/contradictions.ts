/**
 * Contradicting claims: two sources say opposite things about the same subject and object — "the council
 * approved the plan" (S1) vs "the council did not approve the plan" (S2), "admitted" vs "denied". Conservative:
 * both clauses must assert (no condition, modal, "has not yet" or hearsay), name the same subject and object,
 * and not be dated on different days; a source that says both tells a change, not a disagreement.
 */
import type { Evidence, Question } from '../../model/briefing.js';
import { compareSourceIds, evidenceOf } from '../corpus.js';
import { findDates, type DateMention } from '../dates/index.js';
import { cosine } from '../terms.js';
import type { FoundConflict } from './conflicts.js';
import { mergeEvidence } from './dedupe.js';
import { CHANGING_CONCEPTS } from './lexicon.js';
import { shorten } from './phrase.js';
import { sameParticipants, termOverlap } from './overlap.js';
import { predicatesOf, writtenClause, yesNoStem, type Predicate } from './predicates.js';
import type { SentenceView } from './view.js';

/** Sentences about the same thing share words: below this similarity two sentences are not compared. */
export const SAME_STORY_SIMILARITY = 0.15;
/** Share of the subjects' (and objects') weight, by IDF, the two must have in common. */
const PARTICIPANT_OVERLAP = 0.7;
/** Share of the rest of the clauses ("nominated for best album") the two must have in common. */
const TAIL_OVERLAP = 0.5;
/** Candidates for a sentence come from its rarest shared terms only: two sentences about one claim share them. */
const RAREST_TERMS = 5;
/** Terms in more sentences than this share of them (at least MIN_POSTING, at most MAX_POSTING) are too common to find candidates by. */
const COMMON_TERM_SHARE = 0.2;
const MIN_POSTING = 20;
const MAX_POSTING = 50;
const MIN_SHARED_TERMS = 2;
/** A question stem longer than this many words is too long to ask. */
const MAX_STEM_WORDS = 15;

/** Only a sentence with a negation or a reversed verb can say "no"; the others are read only to be compared with one. */
const SAYS_NO =
  /\b(?:not|never|no|fail\w*|refus\w*|deni\w*|deny\w*|reject\w*|block\w*|veto\w*|fell|fall\w*|decreas\w*|drop\w*|declin\w*|shr[aiu]nk\w*|lost|los[eis]\w*|clos\w*|shut\w*|acquit\w*|bann?\w*|forb[ia]d\w*|prohibit\w*|oppos\w*)\b|n't\b/i;

interface Said {
  view: SentenceView;
  p: Predicate;
}

/** Claims one source asserts and another denies, one conflict per claim. */
export function findContradictions(views: SentenceView[], idf: Map<string, number>): FoundConflict[] {
  const candidates = comparedViews(views);
  if (candidates.length === 0) return [];
  const said = new Map<SentenceView, Said[]>();
  const predicates = (v: SentenceView): Said[] => {
    let list = said.get(v);
    if (!list) said.set(v, (list = predicatesOf(v).map((p) => ({ view: v, p }))));
    return list;
  };
  const dates = memo((v: SentenceView) => findDates(v.text, { reference: v.reference }));
  const items: Said[] = [];
  const parent = new Map<Said, Said>();
  const find = (s: Said): Said => {
    let r = s;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const [no, other] of candidates) {
    for (const x of predicates(no)) {
      for (const y of predicates(other)) {
        if (!opposed(x.p, y.p) || !sameClaim(x.p, y.p, idf) || !sameTime(x, y, dates)) continue;
        for (const s of [x, y]) {
          if (parent.has(s)) continue;
          parent.set(s, s);
          items.push(s);
        }
        const [a, b] = [find(x), find(y)];
        if (a !== b) parent.set(b, a);
      }
    }
  }
  const groups = new Map<Said, Said[]>();
  for (const s of items) {
    const root = find(s);
    const list = groups.get(root);
    if (list) list.push(s);
    else groups.set(root, [s]);
  }
  const bySource = new Map<string, SentenceView[]>();
  for (const v of views) {
    const list = bySource.get(v.info.sentence.source);
    if (list) list.push(v);
    else bySource.set(v.info.sentence.source, [v]);
  }
  // A source's other sentences about the claim, read only when a disagreement is found.
  const related = (sourceId: string, like: SentenceView): Said[] =>
    (bySource.get(sourceId) ?? []).filter((v) => v === like || cosine(v.info.vector, like.info.vector) >= SAME_STORY_SIMILARITY).flatMap(predicates);
  const out: FoundConflict[] = [];
  for (const group of groups.values()) {
    const found = conflictOf(group, related, idf);
    if (found) out.push(found);
  }
  return out;
}

/** Pairs (a sentence that may say "no", a similar sentence of another source), in reading order. */
function comparedViews(views: SentenceView[]): Array<[SentenceView, SentenceView]> {
  const postings = new Map<string, SentenceView[]>();
  for (const v of views) {
    for (const t of new Set(v.info.terms)) {
      const list = postings.get(t);
      if (list) list.push(v);
      else postings.set(t, [v]);
    }
  }
  const maxPosting = Math.max(MIN_POSTING, Math.min(MAX_POSTING, Math.floor(views.length * COMMON_TERM_SHARE)));
  const pairs: Array<[SentenceView, SentenceView]> = [];
  for (const v of views) {
    if (!SAYS_NO.test(v.text)) continue;
    const rarest = [...new Set(v.info.terms)]
      .map((t) => postings.get(t)!)
      .filter((list) => list.length > 1 && list.length <= maxPosting)
      .sort((a, b) => a.length - b.length)
      .slice(0, RAREST_TERMS);
    // A sentence about the same claim shares its subject's and its object's words: at least two rare terms.
    const shared = new Map<SentenceView, number>();
    for (const list of rarest) for (const other of list) shared.set(other, (shared.get(other) ?? 0) + 1);
    for (const [other, count] of shared) {
      if (count < MIN_SHARED_TERMS || other.info.sentence.source === v.info.sentence.source) continue;
      if (cosine(v.info.vector, other.info.vector) >= SAME_STORY_SIMILARITY) pairs.push([v, other]);
    }
  }
  return pairs;
}

/**
 * Whether two predicates say opposite things: the same verb with and without a negation ("approved" / "did not
 * approve"), or verbs of one pair ("confirmed" / "denied", "did not accept" / "approved").
 */
function opposed(p: Predicate, q: Predicate): boolean {
  if (p.lemma === q.lemma) return p.negated !== q.negated;
  return p.concept === q.concept && p.polarity !== q.polarity;
}

/** Same concept and tense, about the same participants and the same rest of the clause (polarity aside). */
function sameClaim(p: Predicate, q: Predicate, idf: Map<string, number>): boolean {
  if (p.concept !== q.concept || p.future !== q.future) return false;
  // A changing quantity is compared without its amount: "rose 4%" and "fell 2%" are about the same shares.
  const withoutAmount = (x: Predicate) => (CHANGING_CONCEPTS.has(x.concept) ? { ...x, objectTerms: x.objectTerms.filter((t) => !/^\d/.test(t)) } : x);
  if (!sameParticipants(withoutAmount(p), withoutAmount(q), idf, PARTICIPANT_OVERLAP)) return false;
  // "U2 were nominated twice for their single" and "U2 were not nominated for best band" are two claims.
  const [x, y] = [p.tailTerms, q.tailTerms];
  return x.length === 0 || y.length === 0 || termOverlap(x, y, idf, TAIL_OVERLAP);
}

/**
 * Both claims can be about the same moment: no dates on different days, and the "no" is not older than the
 * "yes" (a later report may tell what happened since); a "has not" only against a "yes" dated before it was
 * written; a change that happened only for one period named alike.
 */
function sameTime(x: Said, y: Said, dates: (v: SentenceView) => DateMention[]): boolean {
  const [yes, no] = x.p.polarity > 0 ? [x, y] : [y, x];
  if (no.view.reference < yes.view.reference) return false;
  // "Rescuers have not found the climber" was true when written; only a "yes" dated before then contradicts it.
  if (no.p.negated && no.p.perfect && !dates(yes.view).some((m) => m.end < no.view.reference)) return false;
  const [a, b] = [dates(x.view), dates(y.view)];
  // "Sales rose" and "sales dropped in December" may be two months: a change that happened is compared only for one
  // period, named alike (a plan, "will close", is one claim whenever it is told).
  if (CHANGING_CONCEPTS.has(x.p.concept) && !(x.p.future && y.p.future)) {
    const one = (list: DateMention[]) => (list.length === 1 ? list[0] : undefined);
    const [m, n] = [one(a), one(b)];
    return x.view.reference === y.view.reference && !!m && !!n && m.start === n.start && m.end === n.end && m.granularity === n.granularity;
  }
  if (a.length === 0 || b.length === 0) return true;
  return a.some((m) => b.some((n) => m.start <= n.end && n.start <= m.end));
}

function conflictOf(group: Said[], related: (source: string, like: SentenceView) => Said[], idf: Map<string, number>): FoundConflict | null {
  const ordered = [...group].sort((a, b) => compareSaid(a, b));
  // The question is asked with a clause that says its verb plainly: "Did the council approve the plan", not "did not".
  const first = ordered.find((s) => s.p.polarity > 0 && !s.p.negated) ?? ordered.find((s) => !s.p.negated);
  if (!first) return null;
  const yes = ordered.filter((s) => s.p.polarity === first.p.polarity);
  const no = ordered.filter((s) => s.p.polarity !== first.p.polarity);
  const counter = no.find((s) => opposed(s.p, first.p)) ?? no[0];
  if (!counter) return null;
  const yesSources = sourcesOf(yes);
  const noSources = sourcesOf(no);
  if (yesSources.some((s) => noSources.includes(s))) return null;
  // A source that also says the other thing elsewhere tells a change or a correction, not a disagreement.
  const saysBoth = (sources: string[], polarity: number) =>
    sources.some((id) => related(id, first.view).some((s) => s.p.polarity === polarity && sameClaim(s.p, first.p, idf)));
  if (saysBoth(yesSources, -first.p.polarity) || saysBoth(noSources, first.p.polarity)) return null;
  // "Did sales rise 4%" would put one source's amount in the question: a change is asked without it.
  const amountOnly = CHANGING_CONCEPTS.has(first.p.concept) && first.p.objectTerms.every((t) => /^\d/.test(t));
  const stem = shorten(yesNoStem(first.view, first.p, !amountOnly), MAX_STEM_WORDS);
  if (stem.split(' ').length > MAX_STEM_WORDS) return null;
  // "yes/no" for a negation; the verbs as written for a reversed verb ("admitted" or "denied").
  const reversed = !counter.p.negated && counter.p.lemma !== first.p.lemma;
  const answer = (s: Said, fallback: string) => (reversed ? s.view.tokens[s.p.verb]!.lower : fallback);
  const text = `${stem}: ${answer(first, 'yes')} (${yesSources.join(', ')}) or ${answer(counter, 'no')} (${noSources.join(', ')})?`;
  const values = [
    { value: writtenClause(first.view, first.p), sources: yesSources, evidence: evidenceOfAll(yes) },
    { value: writtenClause(counter.view, counter.p), sources: noSources, evidence: evidenceOfAll(no) },
  ];
  const question: Question = {
    text,
    kind: 'conflict',
    sources: [...yesSources, ...noSources].sort(compareSourceIds),
    evidence: mergeEvidence(values[0]!.evidence, values[1]!.evidence),
  };
  return { conflict: { about: values[0]!.value, values }, question, views: ordered.map((s) => s.view) };
}

function source(s: Said): string {
  return s.view.info.sentence.source;
}

function sourcesOf(list: Said[]): string[] {
  return [...new Set(list.map(source))].sort(compareSourceIds);
}

function compareSaid(a: Said, b: Said): number {
  const x = a.view.info.sentence;
  const y = b.view.info.sentence;
  return compareSourceIds(x.source, y.source) || x.paragraph - y.paragraph || x.index - y.index || a.p.verb - b.p.verb;
}

function evidenceOfAll(list: Said[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const s of list) {
    const e = evidenceOf(s.view.info.sentence);
    seen.set(`${e.source}:${e.paragraph}:${e.sentence}`, e);
  }
  return [...seen.values()];
}

function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, f(k));
    return cache.get(k)!;
  };
}
