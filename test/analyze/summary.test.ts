import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/analyze/corpus.js';
import { groupClaims } from '../../src/analyze/group.js';
import { summarize } from '../../src/analyze/summary.js';
import { documentOf } from '../helpers/documents.js';

const gazette = documentOf('S1', { title: 'Floodwater forces evacuation of riverside homes in Tallin Vale' }, [
  'Floodwater forced the evacuation of 300 riverside homes in Tallin Vale on Sunday after the River Ash burst its banks.',
  'The Environment Agency issued a severe flood warning for the lower valley.',
  '"We lost everything on the ground floor," said resident Maya Brandt.',
  'He said the barrier had not been tested since it was installed.',
  'Volunteers filled 4,000 sandbags at the community hall overnight.',
]);
const wire = documentOf('S2', {}, [
  'About 300 homes in Tallin Vale were evacuated on Sunday when the River Ash burst its banks after two days of rain.',
  'The county council opened two rest centres at local schools for displaced families.',
  'Rail services between Tallin Vale and Corbridge were suspended until further notice.',
]);
const council = documentOf('S3', {}, [
  'Families forced from their homes in Tallin Vale on Sunday after the river burst its banks can stay at council rest centres.',
  'The county council has opened rest centres at two local schools for families forced from their homes.',
  'Residents should not drive through floodwater, the council said.',
]);

describe('summarize', () => {
  const corpus = buildCorpus([gazette, wire, council]);
  const summary = summarize(corpus, groupClaims(corpus), 80);

  it('leads with a self-contained sentence from the top of a story, citing every source that carries it', () => {
    expect(summary[0]!.text).toMatch(/River Ash burst its banks/);
    // The council's first sentence reports the evacuation too, in other words ("families forced from their homes").
    expect(summary[0]!.sources).toEqual(['S1', 'S2', 'S3']);
    expect(summary[0]!.evidence.map((e) => [e.source, e.paragraph, e.sentence])).toEqual([
      ['S1', 1, 1],
      ['S2', 1, 1],
      ['S3', 1, 1],
    ]);
  });

  it('says a corroborated point once, citing both sources', () => {
    const centres = summary.filter((p) => /rest centres/.test(p.text));
    expect(centres).toHaveLength(1);
    expect(centres[0]!.sources).toEqual(['S2', 'S3']);
  });

  it('keeps within the word budget', () => {
    const words = summary.map((p) => p.text.split(/\s+/).length).reduce((a, b) => a + b, 0);
    expect(words).toBeLessThanOrEqual(80);
    expect(summary.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the bottom line within a short budget too, instead of taking the top sentence whatever its length', () => {
    for (const budget of [12, 15, 20, 25, 30]) {
      const short = summarize(corpus, groupClaims(corpus), budget);
      const words = short.map((p) => p.text.split(/\s+/).length).reduce((a, b) => a + b, 0);
      expect(short.length, `budget ${budget}`).toBeGreaterThan(0);
      expect(words, `budget ${budget}`).toBeLessThanOrEqual(budget);
    }
  });

  it('leaves out quotations and sentences that lean on an earlier one', () => {
    expect(summary.some((p) => p.text.startsWith('"'))).toBe(false);
    expect(summary.some((p) => p.text.startsWith('He said'))).toBe(false);
  });

  it('points each line at its source sentence', () => {
    expect(summary.length).toBeGreaterThanOrEqual(3);
    for (const point of summary) {
      expect(point.evidence.length, point.text).toBeGreaterThan(0);
      const cited = point.evidence.map((e) => {
        const sentence = corpus.sentences.find(
          (s) => s.sentence.source === e.source && s.sentence.paragraph === e.paragraph && s.sentence.index === e.sentence,
        );
        expect(sentence, JSON.stringify(e)).toBeDefined();
        return sentence!;
      });
      // The line is one of the sentences it cites, and it cites only sources it names.
      expect(cited.map((s) => s.sentence.text)).toContain(point.text);
      expect(point.sources).toEqual(expect.arrayContaining(point.evidence.map((e) => e.source)));
    }
  });
});
