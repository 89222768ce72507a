/**
 * A source that is one sentence of 100,000 words (no full stop anywhere) once spent minutes fitting the title:
 * every phrase cut counted the words before it from the start. The title depends only on the first words.
 */
import { describe, expect, it } from 'vitest';
import { fitHeadline, MAX_HEADLINE_WORDS } from '../../src/analyze/headline/fit.js';
import { wordCount } from '../../src/analyze/corpus.js';

describe('a headline fitted from an endless sentence', () => {
  const opening = 'Ferry crews on the harbour line walked out on Monday over pay and rosters, and';
  const endless = `${opening} ${Array.from({ length: 100_000 }, () => 'the ferry sailed and').join(' ')}`;

  it('is the one the sentence’s opening words give, within the budget', () => {
    const title = fitHeadline(endless);
    expect(title).toBe(fitHeadline(`${opening} the ferry sailed and the ferry sailed and the ferry sailed`));
    expect(wordCount(title)).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
    expect(title.startsWith('Ferry crews on the harbour line walked out')).toBe(true);
  });
});
