/**
 * Key quotes: every quotation in the sources with its speaker, merged across sources, the key ones ranked first.
 * Pure: the same corpus gives the same quotes.
 */
import type { Quote } from '../../model/briefing.js';
import type { Sentence } from '../../model/source.js';
import { warning, type Warning } from '../../model/warning.js';
import type { Corpus } from '../corpus.js';
import { quotesOfDocument } from './extract.js';
import { mergeQuotes } from './merge.js';
import { unifySpeakers } from './people.js';
import { rankQuotes } from './select.js';

export interface QuoteOptions {
  /** How many quotes are marked `key`. */
  keyQuotes: number;
  /**
   * Join `"…," she said. "…"` into one quote. Default false: each sentence-level piece stays a quote of its own
   * with the same speaker, so every quote points at exactly one source sentence (and annotated corpora such as
   * PolNeAR count them that way: recall 98.8% split vs 91% joined on the quotes-train bench).
   */
  joinAcrossSentences?: boolean;
}

/** All quotations of the corpus: key quotes first by rank, then the rest in source order; a warning per unattributed one. */
export function extractQuotes(corpus: Corpus, options: QuoteOptions): { quotes: Quote[]; warnings: Warning[] } {
  const bySource = new Map<string, Sentence[]>();
  for (const info of corpus.sentences) {
    const list = bySource.get(info.sentence.source) ?? [];
    list.push(info.sentence);
    bySource.set(info.sentence.source, list);
  }
  const found = corpus.documents.flatMap((doc) => quotesOfDocument(doc, bySource.get(doc.source.id) ?? [], { joinAcrossSentences: options.joinAcrossSentences ?? false }));
  const merged = mergeQuotes(unifySpeakers(found));
  const ranked = rankQuotes(merged, options.keyQuotes);

  const paths = new Map(corpus.documents.map((d) => [d.source.id, d.source.path]));
  const warnings: Warning[] = merged
    .filter((q) => q.speaker === null && !q.partial)
    .map((q) => {
      const first = q.members[0]!;
      return warning('quote-unattributed', 'analyze', 'No speaker could be identified for this quotation; it is listed without one.', {
        source: paths.get(first.source) ?? first.source,
        position: { paragraph: first.paragraph },
        text: q.text,
      });
    });

  const quotes: Quote[] = ranked.map(({ quote, key }) => ({
    text: quote.text,
    speaker: quote.speaker?.name ?? null,
    role: quote.speaker?.role ?? null,
    partial: quote.partial,
    key,
    sources: quote.sources,
    evidence: quote.evidence,
  }));
  return { quotes, warnings };
}
