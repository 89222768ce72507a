import { describe, expect, it } from 'vitest';
import { continuesQuote, findQuoteSpans } from '../../../src/analyze/quotes/marks.js';

const inner = (text: string): string[] => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));

describe('findQuoteSpans', () => {
  it('finds curly, straight, guillemet and low-high quotations', () => {
    expect(inner('She said “the bridge is safe” on Monday.')).toEqual(['the bridge is safe']);
    expect(inner('He said "the bridge is safe" and left.')).toEqual(['the bridge is safe']);
    expect(inner('Elle a dit «le pont est sûr» hier.')).toEqual(['le pont est sûr']);
    expect(inner('Er sagte „die Brücke ist sicher“ gestern.')).toEqual(['die Brücke ist sicher']);
  });

  it('keeps nested single quotes inside the double quotation as text', () => {
    expect(inner('“They call it the ‘quiet season,’ but it never is,” she said.')).toEqual([
      'They call it the ‘quiet season,’ but it never is,',
    ]);
  });

  it('finds top-level single quotes and leaves apostrophes alone', () => {
    expect(inner('The mayor’s office called the plan ‘reckless’ on Friday.')).toEqual(['reckless']);
    expect(inner('The workers’ union said it wasn’t consulted.')).toEqual([]);
  });

  it('finds two quotations broken by their attribution', () => {
    expect(inner('"We waited," she said. "Nobody came."')).toEqual(['We waited,', 'Nobody came.']);
  });

  it('leaves a wire-style quotation open at the end of its paragraph', () => {
    const first = '"We will rebuild the pier," said Ines Marlow. "It may take a year.';
    const spans = findQuoteSpans(first);
    expect(spans[1]!.close).toBeNull();
    const next = '"But the town deserves it," she said.';
    expect(continuesQuote({ text: first, spans }, next, findQuoteSpans(next))).toBe(true);
  });
});
