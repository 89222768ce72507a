import { describe, expect, it } from 'vitest';
import { headlineFrom } from '../../../src/analyze/headline/derive.js';
import { fitHeadline, MAX_HEADLINE_WORDS } from '../../../src/analyze/headline/fit.js';
import { titleOf, words } from './helpers.js';

// Long invented leads of several shapes: attribution first or last, lists, clauses, few or no prepositions.
const leads = [
  'The regional transport authority said late on Thursday that it would suspend every tram and bus service across the northern districts for at least ten days, citing a shortage of drivers.',
  'Supporters, neighbours, former pupils, teachers, parents and grandparents crowded into the Alder Street school hall for a farewell assembly marking the end of one hundred and twelve years of teaching.',
  'Extraordinarily heavy overnight rainfall overwhelmed ageing drainage culverts beneath the Harlow ring road, flooding underpasses, basements, shops and at least forty homes before dawn.',
  'Mayor Ines Calloway told reporters on Friday that the city would repay every household charged twice for water since March, which the utility blamed on a billing error.',
  '"We will rebuild the pier," the harbour master said, promising a public consultation on the design before the summer.',
  'Supercalifragilistic-sounding-compound-names notwithstanding, councillors unanimously rejected eighteen separate amendments, thereby approving the unamended budget proposal overwhelmingly.',
];

describe('a title of at most twelve words', () => {
  it.each(leads)('from %j', (lead) => {
    const title = headlineFrom(lead);
    expect(words(title).length).toBeGreaterThanOrEqual(2);
    expect(words(title).length).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
    // Never cut inside a word: every word of the title is a word of the lead (a pronoun may become its subject).
    const leadWords = new Set(words(lead.toLowerCase()).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')));
    for (const w of words(title.toLowerCase())) expect(leadWords, w).toContain(w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    expect(title).not.toMatch(/[\p{P}]$/u);
  });

  it('holds for the title a brief gets from a long bottom line', () => {
    for (const lead of leads) expect(words(titleOf([{ paragraphs: [lead] }])).length).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
  });

  it('cuts at a phrase boundary, not after "of", "the" or "and"', () => {
    expect(fitHeadline('Harbour authority closes the northern channel to all of its commercial shipping and most of its fishing boats')).toBe(
      'Harbour authority closes the northern channel to all of its commercial shipping',
    );
  });

  it('leaves a headline within the budget as it is, less its final stop', () => {
    expect(fitHeadline('Harbour channel closed for a month.')).toBe('Harbour channel closed for a month');
  });
});
