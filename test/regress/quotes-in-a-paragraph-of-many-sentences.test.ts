/**
 * One paragraph of thousands of sentences once made the quote finder quadratic: its sentences were gathered by
 * copying the list for each one, and a quote's sentence was found by walking every start before it.
 */
import { describe, expect, it } from 'vitest';
import { extract, quoteWith } from '../analyze/quotes/helpers.js';

describe('quotes in a paragraph of many sentences', () => {
  it('cites the sentence that holds the quote, however far into the paragraph', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `The ferry sailed on route ${i}.`);
    const paragraph = [...filler.slice(0, 2500), '"We will keep the harbour open all winter," said Ann Lee.', ...filler.slice(2500)].join(' ');
    const { quotes } = extract([['Harbour story', paragraph]]);
    const quote = quoteWith(quotes, 'keep the harbour open');
    expect(quote.speaker).toBe('Ann Lee');
    expect(quote.evidence[0]).toMatchObject({ source: 'S1', paragraph: 2, sentence: 2501 });
  });
});
