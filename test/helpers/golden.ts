/**
 * Golden files: expected outputs kept under test/golden/ and compared as text. A missing golden fails its
 * test in every mode (vitest would otherwise write it and pass); goldens are written or rewritten only on
 * request: `UPDATE_GOLDEN=1 npx vitest run <test file>` (or `npx vitest run <test file> -u`). Review the
 * diff before committing a rewritten golden.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { projectRoot } from './cli.js';

type UpdateMode = 'all' | 'new' | 'none';

/** Absolute path of a golden file, from its path under test/golden/ ("render/sample.md"). */
export function goldenPath(name: string): string {
  return join(projectRoot, 'test', 'golden', name);
}

/** Throws, with the way to write it, when a golden file is missing and goldens are not being rewritten. */
export function assertGoldenExists(path: string, mode: UpdateMode): void {
  if (mode === 'all' || existsSync(path)) return;
  throw new Error(
    `Golden file ${relative(projectRoot, path)} is missing. If this output is new, write it on purpose with ` +
      '`UPDATE_GOLDEN=1 npx vitest run <this test file>`, review it and commit it.',
  );
}

/** Compare `actual` with the golden file test/golden/<name>; a missing golden is a failure. */
export async function expectGolden(actual: string, name: string): Promise<void> {
  const path = goldenPath(name);
  assertGoldenExists(path, expect.getState().snapshotState.snapshotUpdateState);
  await expect(actual).toMatchFileSnapshot(path);
}
