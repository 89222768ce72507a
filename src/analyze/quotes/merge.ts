/**
 * The same quotation in several places is one quote citing every source: identical words, words one source
 * quotes in part and another in full, or two excerpts of one statement that overlap by a whole passage
 * (stitched into one text). Speakers are voted; a short fragment joins only a quote of the same speaker.
 */
import type { Evidence } from '../../model/briefing.js';
import { compareSourceIds } from '../corpus.js';
import { foldName, isShortFormOf } from './names.js';
import type { FoundQuote, Speaker } from './types.js';

/** A quotation after merging: the text, who said it, and every place it was found. */
export interface MergedQuote {
  text: string;
  speaker: Speaker | null;
  partial: boolean;
  sources: string[];
  evidence: Evidence[];
  /** The found quotes it was merged from, in source order. */
  members: FoundQuote[];
}

/** Fewer words than this must agree on the speaker to merge ("a disgrace" said by two people is two quotes). */
const SHORT_QUOTE = 5;
/** Two excerpts overlapping by at least this many words are one statement. */
const MIN_OVERLAP = 6;

interface Cluster {
  text: string;
  words: string[];
  members: FoundQuote[];
}

/** Words of a quotation for comparison: accents and case folded, punctuation dropped, apostrophes joined. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([\p{L}\p{N}])['’‘`]+(?=[\p{L}\p{N}])/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Merge found quotations into distinct quotes, in order of first appearance. */
export function mergeQuotes(found: FoundQuote[]): MergedQuote[] {
  const wordsByQuote = new Map(found.map((q) => [q, wordsOf(q.text)]));
  // Longest first, so fragments find the full quotation they belong to.
  const order = [...found].sort((a, b) => wordsByQuote.get(b)!.length - wordsByQuote.get(a)!.length || compareFound(a, b));
  const clusters: Cluster[] = [];
  const index = new ClusterIndex();
  for (const q of order) {
    const words = wordsByQuote.get(q)!;
    const home = index.candidates(words).find((i) => {
      const before = clusters[i]!.words;
      if (!joins(clusters[i]!, q, words)) return false;
      // A stitched cluster has new words: file it under them too.
      if (clusters[i]!.words !== before) index.add(i, clusters[i]!.words);
      return true;
    });
    if (home !== undefined) {
      clusters[home]!.members.push(q);
      continue;
    }
    index.add(clusters.length, words);
    clusters.push({ text: q.text, words, members: [q] });
  }
  return clusters.map(toMerged).sort((a, b) => compareFound(a.members[0]!, b.members[0]!));
}

/**
 * Clusters by the word pairs they contain. A quotation can only join a cluster holding its first or its
 * last pair of words (it is contained in it, or overlaps its start or end by several words), so only
 * those are tried: merging stays near-linear on thousands of quotes.
 */
class ClusterIndex {
  private readonly byKey = new Map<string, Set<number>>();

  add(cluster: number, words: readonly string[]): void {
    for (const key of keysOf(words)) {
      const set = this.byKey.get(key);
      if (set) set.add(cluster);
      else this.byKey.set(key, new Set([cluster]));
    }
  }

  /** Clusters that may take a quotation with these words, oldest first (as a scan in order would meet them). */
  candidates(words: readonly string[]): number[] {
    if (words.length === 0) return [];
    const keys = words.length === 1 ? [words[0]!] : [`${words[0]} ${words[1]}`, `${words.at(-2)} ${words.at(-1)}`];
    const found = new Set<number>();
    for (const key of keys) for (const i of this.byKey.get(key) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b);
  }
}

/** Every word pair of a text, and every single word (for one-word quotations). */
function keysOf(words: readonly string[]): string[] {
  const keys: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) keys.push(`${words[i]} ${words[i + 1]}`);
  return keys;
}

/** True when `q` is the same quotation as the cluster's (stitching the cluster's text when they overlap). */
function joins(c: Cluster, q: FoundQuote, words: string[]): boolean {
  if (words.length === 0) return false;
  const agree = c.members.some((m) => sameSpeaker(m.speaker, q.speaker));
  if (words.length < SHORT_QUOTE && !agree) return false;
  // Within one source only a repetition is the same quotation; a fragment of a longer one is quoted again on purpose.
  const sameSource = c.members.some((m) => m.source === q.source);
  if (sameSource) return c.words.length === words.length && indexOfRun(c.words, words) === 0;
  if (indexOfRun(c.words, words) >= 0) return true;
  if (!agree && c.members.every((m) => m.speaker !== null) && q.speaker !== null) return false;
  const tailOverlap = overlapLength(c.words, words);
  if (tailOverlap >= MIN_OVERLAP) {
    c.text = stitch(c.text, q.text, tailOverlap);
    c.words = wordsOf(c.text);
    return true;
  }
  const headOverlap = overlapLength(words, c.words);
  if (headOverlap >= MIN_OVERLAP) {
    c.text = stitch(q.text, c.text, headOverlap);
    c.words = wordsOf(c.text);
    return true;
  }
  return false;
}

/** Same person: equal names, or one a short form of the other; an unknown speaker agrees with anyone. */
function sameSpeaker(a: Speaker | null, b: Speaker | null): boolean {
  if (!a || !b) return true;
  return foldName(a.name) === foldName(b.name) || isShortFormOf(a.name, b.name) || isShortFormOf(b.name, a.name);
}

function indexOfRun(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Length of the longest suffix of `a` that is a prefix of `b`. */
function overlapLength(a: string[], b: string[]): number {
  for (let n = Math.min(a.length, b.length) - 1; n > 0; n--) {
    let same = true;
    for (let k = 0; k < n && same; k++) same = a[a.length - n + k] === b[k];
    if (same) return n;
  }
  return 0;
}

/** `first` followed by what `second` says after its first `shared` words. */
function stitch(first: string, second: string, shared: number): string {
  let seen = 0;
  let cut = second.length;
  for (const m of second.matchAll(/[\p{L}\p{N}]+(?:['’‘`][\p{L}\p{N}]+)*/gu)) {
    if (++seen === shared) {
      cut = m.index + m[0].length;
      break;
    }
  }
  const rest = second.slice(cut).replace(/^[\s,;:.!?]+/, '');
  return rest === '' ? first : `${first.trimEnd()} ${rest}`;
}

function compareFound(a: FoundQuote, b: FoundQuote): number {
  return compareSourceIds(a.source, b.source) || a.paragraph - b.paragraph || a.offset - b.offset;
}

function toMerged(c: Cluster): MergedQuote {
  const members = [...c.members].sort(compareFound);
  const speaker = votedSpeaker(members);
  const evidence = members
    .flatMap((m) => m.evidence)
    .filter((e, i, all) => all.findIndex((f) => f.source === e.source && f.paragraph === e.paragraph && f.sentence === e.sentence) === i)
    .sort((a, b) => compareSourceIds(a.source, b.source) || a.paragraph - b.paragraph || a.sentence - b.sentence);
  return {
    text: c.text,
    speaker,
    partial: members.every((m) => m.partial),
    sources: [...new Set(members.map((m) => m.source))].sort(compareSourceIds),
    evidence,
    members,
  };
}

/** The speaker most members name (full quotations count double); the role from the first member that gives one. */
function votedSpeaker(members: FoundQuote[]): Speaker | null {
  const votes = new Map<string, number>();
  for (const m of members) if (m.speaker) votes.set(m.speaker.name, (votes.get(m.speaker.name) ?? 0) + (m.partial ? 1 : 2));
  if (votes.size === 0) return null;
  const name = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
  const role = members.find((m) => m.speaker?.name === name && m.speaker.role)?.speaker?.role ?? null;
  return { name, role };
}
