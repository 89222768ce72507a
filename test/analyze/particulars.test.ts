import { describe, expect, it } from 'vitest';
import { conflictingParticulars, referenceDates } from '../../src/analyze/align/particulars.js';
import { buildCorpus } from '../../src/analyze/corpus.js';
import { documentOf } from '../helpers/documents.js';

// S1 published Monday 30 November 2026, S2 on Tuesday 1 December: S2's "Thursday" is 3 December.
const corpus = buildCorpus([
  documentOf('S1', { published: '2026-11-30' }, [
    'The transit board will meet on December 4 to vote on the airport tram extension.',
    'The extension would carry 1,200 passengers a day.',
    'The council approved the route.',
    'The extension would open in 2029.',
  ]),
  documentOf('S2', { published: '2026-12-01' }, [
    'The transit board will meet on Thursday to vote on the airport tram extension.',
    'The extension would carry 1,000 passengers a day.',
    'The council did not approve the route.',
    'The extension, which would carry 1,200 passengers a day, would open in 2029.',
  ]),
]);
const [s1, s2] = [corpus.sentences.slice(0, 4), corpus.sentences.slice(4)];
const differences = (i: number, j = i) => conflictingParticulars(s1[i]!, s2[j]!, referenceDates(corpus, '2026-12-01'));

describe('conflictingParticulars', () => {
  it('finds a weekday and a date that are different days, each read from its own source', () => {
    expect(differences(0)).toEqual([{ kind: 'date', a: 'on December 4', b: 'on Thursday' }]);
  });

  it('finds figures that disagree, as written, and no figure in a date', () => {
    expect(differences(1)).toEqual([{ kind: 'figure', a: '1,200', b: '1,000' }]);
  });

  it('finds a claim and its negation', () => {
    expect(differences(2)).toEqual([{ kind: 'negation', a: 'yes', b: 'no' }]);
  });

  it('sees no difference in a detail only one sentence gives, nor in the same figure', () => {
    expect(differences(3)).toEqual([]);
    expect(differences(1, 3)).toEqual([]);
  });
});
