import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';
import { assertGoldenExists, goldenPath } from './helpers/golden.js';

describe('golden files', () => {
  it('fails on a missing golden, saying how to write it, unless goldens are being rewritten', () => {
    const missing = join(tempDir('golden-'), 'absent.md');
    // 'new' is vitest's own default outside CI, which would write the file and pass.
    for (const mode of ['new', 'none'] as const) {
      expect(() => assertGoldenExists(missing, mode)).toThrow(/Golden file .*absent\.md is missing.*UPDATE_GOLDEN=1 npx vitest run/);
    }
    expect(() => assertGoldenExists(missing, 'all')).not.toThrow();
    expect(existsSync(missing)).toBe(false);
  });

  it('accepts a golden that exists', () => {
    expect(() => assertGoldenExists(goldenPath('render/sample.md'), 'none')).not.toThrow();
  });
});
