/** Regression: a warning's excerpt cut an emoji in half at its 80th character, so manifest.json held a lone surrogate. */
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/model/warning.js';

describe('regression: excerpts and surrogate pairs', () => {
  it('never cuts between the halves of a pair', () => {
    for (let n = 70; n < 82; n++) {
      const cut = excerpt(`${'a'.repeat(n)}😀${'b'.repeat(20)}`);
      expect(cut.isWellFormed(), `at ${n}`).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(80);
      expect(cut.endsWith('…')).toBe(true);
    }
  });
});
