import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleReason } from './global-setup.js';
import { tempDir } from './helpers/cli.js';

/** A project with tsconfig.json, src/a.ts, src/sub/b.ts and their dist/ outputs, each file at the given time (s). */
function project(times: Partial<Record<'tsconfig.json' | 'src/a.ts' | 'src/sub/b.ts' | 'dist/a.js' | 'dist/sub/b.js', number | null>>): string {
  const root = tempDir('stale-');
  const files = { 'tsconfig.json': 100, 'src/a.ts': 100, 'src/sub/b.ts': 100, 'src/types.d.ts': 500, 'dist/a.js': 200, 'dist/sub/b.js': 200, ...times };
  for (const [file, time] of Object.entries(files)) {
    if (time === null) continue;
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), time, time);
  }
  return root;
}

describe('the build check before the tests', () => {
  it('finds nothing to build when every output is newer than its source and tsconfig.json, declaration files aside', () => {
    expect(staleReason(project({}))).toBeNull();
  });

  it('names the source changed after its output was built', () => {
    expect(staleReason(project({ 'src/sub/b.ts': 300 }))).toBe('src/sub/b.ts changed after dist/sub/b.js was built');
  });

  it('names an output that was never built', () => {
    expect(staleReason(project({ 'dist/a.js': null }))).toBe('dist/a.js does not exist');
  });

  it('names tsconfig.json when it changed after the build', () => {
    expect(staleReason(project({ 'tsconfig.json': 300 }))).toBe('tsconfig.json changed after dist/a.js was built');
  });
});
