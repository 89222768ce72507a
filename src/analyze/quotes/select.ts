/**
 * Key quotes: the few the brief shows. A quote ranks by its speaker's prominence (how much the sources quote
 * them, a stated role), corroboration (how many sources carry it), novelty (not saying again what a chosen quote
 * says, not the same speaker over and over), and by being a full sentence with a known speaker.
 */
import { compareSourceIds } from '../corpus.js';
import { foldName } from './names.js';
import { wordsOf, type MergedQuote } from './merge.js';

/** A chosen quote's speaker loses this much rank for each quote of theirs already chosen. */
const REPEAT_SPEAKER_PENALTY = 1.5;
/** Two quotes sharing more than this share of words say the same thing. */
const SAME_THING = 0.5;

/** The quotes in brief order — key quotes first by rank, then the rest in source order — and which are key. */
export function rankQuotes(quotes: MergedQuote[], keyCount: number): Array<{ quote: MergedQuote; key: boolean }> {
  const quotesBySpeaker = new Map<string, number>();
  for (const q of quotes) if (q.speaker) quotesBySpeaker.set(foldName(q.speaker.name), (quotesBySpeaker.get(foldName(q.speaker.name)) ?? 0) + 1);
  const base = new Map(quotes.map((q) => [q, baseScore(q, quotesBySpeaker)]));
  const chosen: MergedQuote[] = [];
  const perSpeaker = new Map<string, number>();
  // Full-sentence quotes first; partial ones only fill places left over. A quote without a speaker is never key.
  for (const partial of [false, true]) {
    const candidates = quotes.filter((q) => q.speaker !== null && q.partial === partial);
    while (chosen.length < keyCount && candidates.length > 0) {
      let best = 0;
      let bestScore = -Infinity;
      candidates.forEach((q, i) => {
        const repeats = perSpeaker.get(foldName(q.speaker!.name)) ?? 0;
        const redundant = chosen.some((c) => similarity(c, q) > SAME_THING);
        const score = base.get(q)! - repeats * REPEAT_SPEAKER_PENALTY - (redundant ? 3 : 0);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      const q = candidates.splice(best, 1)[0]!;
      chosen.push(q);
      const name = foldName(q.speaker!.name);
      perSpeaker.set(name, (perSpeaker.get(name) ?? 0) + 1);
    }
  }
  const rest = quotes.filter((q) => !chosen.includes(q)).sort(bySourceOrder);
  return [...chosen.map((quote) => ({ quote, key: true })), ...rest.map((quote) => ({ quote, key: false }))];
}

function baseScore(q: MergedQuote, quotesBySpeaker: Map<string, number>): number {
  const words = wordsOf(q.text).length;
  const prominence = q.speaker ? Math.log2(1 + (quotesBySpeaker.get(foldName(q.speaker.name)) ?? 0)) + (q.speaker.role ? 0.5 : 0) : 0;
  const corroboration = 1.5 * (q.sources.length - 1);
  const length = words < 6 ? -1 : words <= 60 ? 1 : 0;
  // Quotes high in their article are the ones its writer thought mattered most.
  const first = q.members[0]!;
  const position = 1 / (1 + first.paragraph / 4);
  return prominence + corroboration + length + position;
}

function similarity(a: MergedQuote, b: MergedQuote): number {
  const wa = new Set(wordsOf(a.text));
  const wb = new Set(wordsOf(b.text));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.max(1, Math.min(wa.size, wb.size));
}

function bySourceOrder(a: MergedQuote, b: MergedQuote): number {
  const x = a.members[0]!;
  const y = b.members[0]!;
  return compareSourceIds(x.source, y.source) || x.paragraph - y.paragraph || x.offset - y.offset;
}
