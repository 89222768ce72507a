/** Run the quote extractor on invented articles given as paragraph lists. */
import { buildCorpus } from '../../../src/analyze/corpus.js';
import { extractQuotes } from '../../../src/analyze/quotes/index.js';
import type { Quote } from '../../../src/model/briefing.js';
import { documentOf } from '../../helpers/documents.js';

/** Quotes of one or more articles (S1, S2, … in order), with the default options. */
export function quotesOf(...articles: string[][]): Quote[] {
  return extract(articles).quotes;
}

export function extract(articles: string[][], keyQuotes = 6, joinAcrossSentences?: boolean) {
  const docs = articles.map((paragraphs, i) => documentOf(`S${i + 1}`, {}, paragraphs));
  return extractQuotes(buildCorpus(docs), { keyQuotes, ...(joinAcrossSentences === undefined ? {} : { joinAcrossSentences }) });
}

/** The quote whose text contains `words`; fails the test when there is none or more than one. */
export function quoteWith(quotes: Quote[], words: string): Quote {
  const found = quotes.filter((q) => q.text.includes(words));
  if (found.length !== 1) throw new Error(`expected one quote with "${words}", found ${found.length}: ${JSON.stringify(quotes.map((q) => q.text))}`);
  return found[0]!;
}
