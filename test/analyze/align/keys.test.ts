import { describe, expect, it } from 'vitest';
import { commonCount, distinctKeys, keyOf, keysOf } from '../../../src/analyze/align/keys.js';

describe('word keys', () => {
  it('count shared items as a multiset: a word twice on both sides counts twice, once on one side once', () => {
    const a = keysOf(['troops', 'border', 'troops', 'said']);
    const b = keysOf(['said', 'troops', 'troops', 'troops']);
    expect(commonCount(a, b)).toBe(3);
    expect(commonCount(a, keysOf(['embassy']))).toBe(0);
    expect(commonCount(a, keysOf([]))).toBe(0);
  });

  it('keep each key once when asked for distinct keys, still ascending', () => {
    const keys = distinctKeys(keysOf(['b', 'a', 'b', 'c', 'a']));
    expect(keys.length).toBe(3);
    expect([...keys]).toEqual([...keys].sort((x, y) => x - y));
    expect(new Set(keys)).toEqual(new Set([keyOf('a'), keyOf('b'), keyOf('c')]));
  });

  it('give a word the same unsigned key every time, and different words different keys', () => {
    expect(keyOf('embassy')).toBe(keyOf('embassy'));
    expect(keyOf('embassy')).not.toBe(keyOf('embassies'));
    expect(keyOf('')).toBe(0x811c9dc5);
    expect(keyOf('zz')).toBeGreaterThanOrEqual(0);
  });
});
