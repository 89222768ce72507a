/**
 * The alignment layer on sentence pairs written for this test: the same fact in other words is recognised,
 * the same frame with other particulars (a figure, a negation) is not the same fact but a candidate conflict,
 * and an unrelated sentence of the same story is neither.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, type SentenceInfo } from '../../../src/analyze/corpus.js';
import { align, restates, sameFact } from '../../../src/analyze/align/index.js';
import { documentOf } from '../../helpers/documents.js';

/** The two sentences as the first sentences of two sources. */
function pair(a: string, b: string): [SentenceInfo, SentenceInfo] {
  const corpus = buildCorpus([documentOf('S1', {}, [a]), documentOf('S2', {}, [b])]);
  return [corpus.sentences[0]!, corpus.sentences[1]!];
}

describe('the same fact, worded differently', () => {
  const cases: Array<[string, string]> = [
    [
      'The city council approved a plan on Tuesday to close the old harbour bridge for repairs.',
      'On Tuesday the city council approved the plan to shut the old harbour bridge for repairs.',
    ],
    [
      'Rescue teams pulled 12 miners alive from the flooded shaft late on Friday.',
      'Late on Friday, rescuers pulled twelve miners alive out of the flooded shaft.',
    ],
    [
      'The airline cancelled 40 flights because of the strike by air traffic controllers.',
      'Forty flights were cancelled by the airline due to the air traffic controllers strike.',
    ],
  ];
  for (const [a, b] of cases) {
    it(`"${a.slice(0, 40)}…" states what "${b.slice(0, 40)}…" states`, () => {
      const [x, y] = pair(a, b);
      expect(sameFact(x, y)).toBe(true);
      expect(restates(x, y)).toBe(true);
    });
  }
});

describe('the same frame with other particulars', () => {
  it('a different figure is a candidate conflict, not the same fact', () => {
    const [x, y] = pair(
      'The new ferry will carry 1,200 passengers a day between the two islands, the operator said.',
      'The new ferry will carry 1,000 passengers a day between the two islands, the operator said.',
    );
    const a = align(x, y);
    expect(sameFact(x, y)).toBe(false);
    expect(restates(x, y)).toBe(false);
    expect(a.sameFrame).toBe(true);
  });

  it('a negation is a candidate conflict, not the same fact', () => {
    const [x, y] = pair(
      'The board approved the merger of the two regional hospitals at its meeting on Monday.',
      'The board did not approve the merger of the two regional hospitals at its meeting on Monday.',
    );
    expect(sameFact(x, y)).toBe(false);
    expect(restates(x, y)).toBe(false);
    expect(align(x, y).sameFrame).toBe(true);
  });
});

describe('different facts of one story', () => {
  it('are neither the same fact nor a frame', () => {
    const [x, y] = pair(
      'The harbour bridge was closed on Wednesday after inspectors found cracks in its main span.',
      'The council will vote on emergency repair funding for the ring road next month.',
    );
    expect(sameFact(x, y)).toBe(false);
    expect(restates(x, y)).toBe(false);
    expect(align(x, y).sameFrame).toBe(false);
  });
});
