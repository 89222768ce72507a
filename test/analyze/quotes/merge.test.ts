import { describe, expect, it } from 'vitest';
import { extract, quoteWith, quotesOf } from './helpers.js';

describe('merging across sources', () => {
  it('the same quote in several sources is one quote citing every source', () => {
    const quotes = quotesOf(
      ['"The dam is stable," said engineer Ivo Brandt on Sunday.'],
      ['Engineer Ivo Brandt told residents: "The dam is stable."'],
      ['"The dam is stable," Brandt said.'],
    );
    const q = quoteWith(quotes, 'dam is stable');
    expect(q.sources).toEqual(['S1', 'S2', 'S3']);
    expect(q.evidence.map((e) => e.source)).toEqual(['S1', 'S2', 'S3']);
    expect(q.speaker).toBe('Ivo Brandt');
  });

  it('one source quoting part of what another quotes in full is one quote', () => {
    const quotes = quotesOf(
      ['"The dam is stable, and the spillway is working as designed," said engineer Ivo Brandt.'],
      ['Brandt said the spillway was "working as designed."'],
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ sources: ['S1', 'S2'], partial: false, speaker: 'Ivo Brandt' });
  });

  it('two excerpts of one statement overlapping by a sentence become one quote', () => {
    const quotes = quotesOf(
      ['"Crews worked all night. The spillway is now open to full flow," Ivo Brandt said in a statement.'],
      ['"The spillway is now open to full flow. Residents may return at noon," Brandt said.'],
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toBe('Crews worked all night. The spillway is now open to full flow. Residents may return at noon.');
    expect(quotes[0]!.sources).toEqual(['S1', 'S2']);
  });

  it('does not merge a short phrase said by two different people', () => {
    const quotes = quotesOf(['Mayor Ruth Abara called it "a disgrace."'], ['Councillor Ivo Brandt called the vote "a disgrace."']);
    expect(quotes).toHaveLength(2);
  });

  it('warns about a quotation nobody could be named for', () => {
    const { quotes, warnings } = extract([['The flood reached the square.', '"Water everywhere."']]);
    expect(quotes[0]!.speaker).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'quote-unattributed', stage: 'analyze', position: { paragraph: 2 } });
  });
});
