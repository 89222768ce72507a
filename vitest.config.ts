import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture folders hold inputs and expected outputs, never tests.
    exclude: ['test/fixtures/**', 'test/golden/**', 'node_modules/**'],
    // The CLI tests run dist/: build it first when any src/ file is newer (see test/global-setup.ts).
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    // Never write a missing snapshot or golden file by itself (vitest does outside CI): UPDATE_GOLDEN=1 or -u.
    update: process.env['UPDATE_GOLDEN'] === '1' ? 'all' : 'none',
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});
