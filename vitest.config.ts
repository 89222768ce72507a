import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture folders hold inputs and expected outputs, never tests.
    exclude: ['test/fixtures/**', 'test/golden/**', 'node_modules/**'],
    testTimeout: 60_000,
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});
