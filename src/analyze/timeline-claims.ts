/**
 * The timeline read against the claims: a row cites every source that states its fact, dated there or
 * not, and two rows of one day whose sentences say the same thing are one row. The dates come from
 * the timeline; which sentences state the same fact comes from the alignment layer, as for the summary.
 */
import type { Evidence, TimelineEntry } from '../model/briefing.js';
import { restates } from './align/index.js';
import { compareSourceIds, evidenceOf, type Corpus, type SentenceInfo } from './corpus.js';
import type { Claim } from './group.js';

const addressOf = (e: Evidence) => `${e.source}:${e.paragraph}:${e.sentence}`;

export function corroborateTimeline(entries: TimelineEntry[], claims: Claim[], corpus: Corpus): TimelineEntry[] {
  const sentenceAt = new Map(corpus.sentences.map((s) => [addressOf(evidenceOf(s.sentence)), s]));
  const claimOf = new Map<SentenceInfo, Claim>();
  for (const claim of claims) for (const m of claim.members) claimOf.set(m, claim);

  const rows: Array<{ entry: TimelineEntry; sentences: SentenceInfo[] }> = [];
  // Rows are compared only with rows of the same dates.
  const byDates = new Map<string, Array<{ entry: TimelineEntry; sentences: SentenceInfo[] }>>();
  for (const entry of entries) {
    const own = entry.evidence.map((e) => sentenceAt.get(addressOf(e))).filter((s): s is SentenceInfo => s !== undefined);
    // Other sources' sentences of the same claims carry the event too.
    const carriers = [...new Set(own.flatMap((s) => claimOf.get(s)?.members ?? [s]))];
    const same = entry.conflict
      ? undefined
      : byDates.get(`${entry.start}/${entry.end}`)?.find(
          (r) =>
            !r.entry.conflict &&
            r.sentences.some((a) => carriers.some((b) => a.sentence.source !== b.sentence.source && restates(a, b))),
        );
    if (same) {
      same.sentences = [...new Set([...same.sentences, ...carriers])];
      same.entry = withCarriers(same.entry, same.sentences);
    } else {
      const row = { entry: withCarriers(entry, carriers), sentences: carriers };
      rows.push(row);
      const key = `${entry.start}/${entry.end}`;
      byDates.set(key, [...(byDates.get(key) ?? []), row]);
    }
  }
  return rows.map((r) => r.entry);
}

/** The entry citing each source of `carriers` once: its own evidence first, then one sentence per other source. */
function withCarriers(entry: TimelineEntry, carriers: SentenceInfo[]): TimelineEntry {
  const cited = new Set(entry.evidence.map((e) => e.source));
  const extra: Evidence[] = [];
  for (const s of carriers) {
    if (cited.has(s.sentence.source)) continue;
    cited.add(s.sentence.source);
    extra.push(evidenceOf(s.sentence));
  }
  if (extra.length === 0) return entry;
  const evidence = [...entry.evidence, ...extra].sort(
    (a, b) => compareSourceIds(a.source, b.source) || a.paragraph - b.paragraph || a.sentence - b.sentence,
  );
  return { ...entry, sources: [...cited].sort(compareSourceIds), evidence };
}
