/**
 * A paragraph of thousands of opening quotation marks that never close once took minutes in the wire-copy check:
 * each mark scanned to the paragraph's end for its closing mark. Unclosed marks leave the words in place.
 */
import { describe, expect, it } from 'vitest';
import { ownWords } from '../../src/analyze/shared-text.js';

describe('own words of a paragraph with unclosed quotation marks', () => {
  it('keeps every word when no mark closes, and still leaves out a quotation that does close', () => {
    const unclosed = Array.from({ length: 50_000 }, () => '“ab').join(' ');
    expect(ownWords(unclosed).length).toBe(50_000);
    expect(ownWords('The mayor said “we will reopen the bridge” on Friday.')).toEqual(['the', 'mayor', 'said', 'on', 'friday']);
    const words = ownWords(`${unclosed} The mayor said “we will reopen” today.`);
    expect(words.at(-1)).toBe('today');
    expect(words).not.toContain('reopen');
  });
});
