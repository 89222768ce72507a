import { describe, expect, it } from 'vitest';
import { MonthIndex } from '../../../src/analyze/dates/month-index.js';

const day = (iso: string) => ({ start: iso, end: iso });

describe('MonthIndex', () => {
  it('finds the items whose months a range touches, each once, in the order first added', () => {
    const index = new MonthIndex<string>();
    index.add('march', day('2026-03-04'));
    index.add('spring', { start: '2026-02-20', end: '2026-04-02' });
    index.add('june', day('2026-06-30'));
    index.add('march', day('2026-03-20'));
    expect(index.near(day('2026-03-31'))).toEqual(['march', 'spring']);
    expect(index.near({ start: '2026-04-01', end: '2026-06-01' })).toEqual(['spring', 'june']);
    expect(index.near(day('2025-03-04'))).toEqual([]);
  });

  it('crosses a year end', () => {
    const index = new MonthIndex<string>();
    index.add('new year', { start: '2025-12-30', end: '2026-01-02' });
    expect(index.near(day('2026-01-15'))).toEqual(['new year']);
    expect(index.near(day('2025-12-01'))).toEqual(['new year']);
  });

  it('offers ranges of a decade or more to every lookup, and a wide lookup gets every item', () => {
    const index = new MonthIndex<string>();
    index.add('july', day('2026-07-01'));
    index.add('century', { start: '1900-01-01', end: '1999-12-31' });
    expect(index.near(day('2026-07-09'))).toEqual(['july', 'century']);
    expect(index.near(day('2030-01-01'))).toEqual(['century']);
    expect(index.near({ start: '1000-01-01', end: '2999-12-31' })).toEqual(['july', 'century']);
  });
});
