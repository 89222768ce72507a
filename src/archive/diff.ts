/**
 * What changed between two versions of a brief, as the reader sees them: summary points, timeline entries
 * ("<date label> — <text>"), key quotes ("“text” — speaker") and questions. Items match when their
 * normalised text is equal or near-identical, so re-spacing or re-punctuating a line is not a change,
 * but a changed number or an added negation always is. Pure: no I/O.
 */
import type { Briefing, ChangeSet, ListChange } from '../model/briefing.js';
import { spanLabel } from '../render/date-labels.js';

/** Token-set Jaccard at or above which two texts count as the same item. */
export const NEAR_IDENTICAL = 0.8;

/** An item as compared: `key` must match exactly (date label, speaker); `text` may differ slightly. */
interface Item {
  shown: string;
  key: string;
  text: string;
}

export function diffBriefings(previous: Briefing, current: Briefing, sinceVersion: number): ChangeSet {
  return {
    since: sinceVersion,
    summary: diffLists(summaryItems(previous), summaryItems(current)),
    timeline: diffLists(timelineItems(previous), timelineItems(current)),
    quotes: diffLists(quoteItems(previous), quoteItems(current)),
    questions: diffLists(questionItems(previous), questionItems(current)),
  };
}

/** True when nothing entered or left any section. */
export function isEmptyChangeSet(changes: ChangeSet): boolean {
  return [changes.summary, changes.timeline, changes.quotes, changes.questions].every(
    (c) => c.added.length === 0 && c.dropped.length === 0,
  );
}

const summaryItems = (b: Briefing): Item[] => b.summary.map((p) => ({ shown: p.text, key: '', text: p.text }));

const timelineItems = (b: Briefing): Item[] =>
  b.timeline.map((t) => {
    const label = spanLabel(t);
    return { shown: `${label} — ${t.text}`, key: normalise(label), text: t.text };
  });

/** Only the key quotes: the ones the brief shows. */
const quoteItems = (b: Briefing): Item[] =>
  b.quotes
    .filter((q) => q.key)
    .map((q) => ({
      shown: q.speaker ? `“${q.text}” — ${q.speaker}` : `“${q.text}”`,
      key: normalise(q.speaker ?? ''),
      text: q.text,
    }));

const questionItems = (b: Briefing): Item[] => b.questions.map((q) => ({ shown: q.text, key: '', text: q.text }));

/**
 * Pair items one-to-one: equal normalised text first, then the most similar near-identical pairs.
 * Unpaired previous items are dropped (in previous order), unpaired current items added (in current order).
 */
function diffLists(previous: Item[], current: Item[]): ListChange {
  const prev = previous.map((item) => ({ item, norm: normalise(item.text), tokens: tokenSet(item.text) }));
  const curr = current.map((item) => ({ item, norm: normalise(item.text), tokens: tokenSet(item.text) }));
  const pairedPrev = new Set<number>();
  const pairedCurr = new Set<number>();
  curr.forEach((c, j) => {
    const i = prev.findIndex((p, i) => !pairedPrev.has(i) && p.item.key === c.item.key && p.norm === c.norm);
    if (i >= 0) {
      pairedPrev.add(i);
      pairedCurr.add(j);
    }
  });
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  prev.forEach((p, i) => {
    if (pairedPrev.has(i)) return;
    curr.forEach((c, j) => {
      if (pairedCurr.has(j) || p.item.key !== c.item.key) return;
      const score = jaccard(p.tokens, c.tokens);
      if (score >= NEAR_IDENTICAL && !significantDifference(p.tokens, c.tokens)) candidates.push({ i, j, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.j - b.j || a.i - b.i);
  for (const { i, j } of candidates) {
    if (pairedPrev.has(i) || pairedCurr.has(j)) continue;
    pairedPrev.add(i);
    pairedCurr.add(j);
  }
  return {
    added: curr.filter((_, j) => !pairedCurr.has(j)).map((c) => c.item.shown),
    dropped: prev.filter((_, i) => !pairedPrev.has(i)).map((p) => p.item.shown),
  };
}

/** Lower case, compatibility forms folded, punctuation dropped, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{P}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokenSet(text: string): Set<string> {
  const norm = normalise(text);
  return new Set(norm === '' ? [] : norm.split(' '));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Words whose appearance or loss changes what a line says, however similar the rest is. */
const MEANING_WORDS = new Set([
  'not', 'no', 'never', 'nor', 'none', 'without', 't',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion', 'half', 'dozen',
]);

/** A token in one text but not the other that is a number or a negation. */
function significantDifference(a: Set<string>, b: Set<string>): boolean {
  const differs = (t: string, other: Set<string>) => !other.has(t) && (/\d/.test(t) || MEANING_WORDS.has(t));
  for (const t of a) if (differs(t, b)) return true;
  for (const t of b) if (differs(t, a)) return true;
  return false;
}
