import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/errors.js';
import { ARTICLES, DATE, SLUG, writeArticles } from '../archive/helpers.js';
import { runCli } from '../helpers/cli.js';

const v = (n: number) => join('out', SLUG, DATE, `v${n}`);

describe('brief verify', () => {
  let pristine: string;

  beforeAll(() => {
    // Two real versions built by the CLI, with relative paths as a user would type them.
    pristine = mkdtempSync(join(tmpdir(), 'verify-cli-'));
    writeArticles(join(pristine, 'in'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wire });
    const build = ['build', 'in', '--date', DATE, '--out', 'out', '--format', 'json,md', '--slug', SLUG];
    const first = runCli(build, pristine);
    expect(first.stderr).not.toContain('internal error');
    expect(first.stdout.trim()).toBe(v(1));
    writeFileSync(join(pristine, 'in', 'wire.txt'), ARTICLES.wireUpdated);
    expect(runCli(build, pristine).stdout.trim()).toBe(v(2));
  }, 120_000);

  /** A fresh copy of the built archive for each test to damage. */
  function copy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
    cpSync(pristine, dir, { recursive: true });
    return dir;
  }

  it('passes a clean archive and prints one line per version', () => {
    const r = runCli(['verify'], copy());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`ok ${v(1)} (3 files)\nok ${v(2)} (3 files)\n`);
  });

  it('checks a single version folder', () => {
    const r = runCli(['verify', v(2)], copy());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`ok ${v(2)} (3 files)\n`);
  });

  it('exits 8 naming the file when one byte of an output is flipped', () => {
    const cwd = copy();
    const file = join(cwd, v(1), 'briefing.json');
    const bytes = readFileSync(file);
    bytes[10] = bytes[10]! ^ 0x20;
    writeFileSync(file, bytes);
    const r = runCli(['verify', 'out'], cwd);
    expect(r.status).toBe(exitCodes.VERIFY);
    expect(r.status).toBe(8);
    expect(r.stdout).toBe(`FAILED ${v(1)}: 1 changed\nok ${v(2)} (3 files)\n`);
    expect(r.stderr).toContain(`${v(1)}/briefing.json: changed: content differs from manifest.json (SHA-256)`);
    expect(r.stderr).not.toContain('briefing.md');
  });

  it('names a deleted file as missing and an added file as extra', () => {
    const cwd = copy();
    rmSync(join(cwd, v(2), 'briefing.md'));
    appendFileSync(join(cwd, v(1), 'annotations.txt'), 'my notes');
    const r = runCli(['verify'], cwd);
    expect(r.status).toBe(exitCodes.VERIFY);
    expect(r.stderr).toContain(`${v(1)}/annotations.txt: extra: not listed in manifest.json`);
    expect(r.stderr).toContain(`${v(2)}/briefing.md: missing: listed in manifest.json but not found`);
    expect(r.stdout).toBe(`FAILED ${v(1)}: 1 extra\nFAILED ${v(2)}: 1 missing\n`);
  });

  it('checks the input articles only with --inputs', () => {
    const cwd = copy();
    // v2 was built from the updated article; v1 from the original, which is no longer there.
    expect(runCli(['verify', v(2), '--inputs'], cwd).status).toBe(0);
    const old = runCli(['verify', v(1), '--inputs'], cwd);
    expect(old.status).toBe(exitCodes.VERIFY);
    expect(old.stderr).toContain('in/wire.txt: input-changed');
    expect(old.stderr).not.toContain('in/gazette.txt');
    expect(runCli(['verify', v(1)], cwd).status).toBe(0);
  });

  it('fails with a usage error for a folder that does not exist', () => {
    const r = runCli(['verify', 'no-such-archive'], copy());
    expect(r.status).toBe(exitCodes.USAGE);
    expect(r.stderr).toContain('no-such-archive: no such folder');
  });
});
