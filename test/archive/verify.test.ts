import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeVersion } from '../../src/archive/store.js';
import { assertVerified, checkLine, verifyArchive, type VersionCheck } from '../../src/archive/verify.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { DATE, SLUG, versionRequest } from './helpers.js';

const problemsOf = (checks: VersionCheck[]) => checks.flatMap((c) => c.problems.map((p) => `${p.kind} ${p.path}`));

describe('verifyArchive', () => {
  let cwd: string;
  const v = (n: number) => join('out', SLUG, DATE, `v${n}`);

  beforeEach(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'verify-'));
    await writeVersion(versionRequest(join(cwd, 'out'), 'aaa'));
    await writeVersion(versionRequest(join(cwd, 'out'), 'bbb'));
  });

  it('passes a clean archive, one line per version with the number of files', async () => {
    const checks = await verifyArchive('out', { cwd });
    expect(checks).toEqual([
      { dir: v(1), files: 3, problems: [] },
      { dir: v(2), files: 3, problems: [] },
    ]);
    expect(checks.map(checkLine)).toEqual([`ok ${v(1)} (3 files)`, `ok ${v(2)} (3 files)`]);
    expect(() => assertVerified(checks)).not.toThrow();
  });

  it('finds the same versions from the root, a brief, a date or a version folder', async () => {
    const dirs = async (path: string) => (await verifyArchive(path, { cwd })).map((c) => c.dir);
    expect(await dirs('out')).toEqual([v(1), v(2)]);
    expect(await dirs(join('out', SLUG))).toEqual([v(1), v(2)]);
    expect(await dirs(join('out', SLUG, DATE))).toEqual([v(1), v(2)]);
    expect(await dirs(v(2))).toEqual([v(2)]);
    expect(await dirs(join(cwd, v(1)))).toEqual([v(1)]);
  });

  it('finds versions of briefs whose names look like a date or a version number', async () => {
    for (const slug of ['v1', '2023-01-31']) await writeVersion(versionRequest(join(cwd, 'out'), slug, { slug }));
    const dirs = async (path: string) => (await verifyArchive(path, { cwd })).map((c) => c.dir);
    const odd = (slug: string) => join('out', slug, DATE, 'v1');
    expect(await dirs('out')).toEqual([odd('2023-01-31'), v(1), v(2), odd('v1')]);
    expect(await dirs(join('out', 'v1'))).toEqual([odd('v1')]);
    expect(await dirs(join('out', '2023-01-31'))).toEqual([odd('2023-01-31')]);
  });

  it('sorts versions by number, not by name, across briefs and dates', async () => {
    for (const fp of ['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) await writeVersion(versionRequest(join(cwd, 'out'), fp));
    await writeVersion(versionRequest(join(cwd, 'out'), 'x', { slug: 'aardvark' }));
    const dirs = (await verifyArchive('out', { cwd })).map((c) => c.dir);
    expect(dirs).toEqual([join('out', 'aardvark', DATE, 'v1'), ...Array.from({ length: 10 }, (_, i) => v(i + 1))]);
  });

  it('names a file whose content changed, even when its size did not', async () => {
    const file = join(cwd, v(1), 'briefing.md');
    const bytes = readFileSync(file);
    bytes[3] = bytes[3]! ^ 0x01;
    writeFileSync(file, bytes);
    const checks = await verifyArchive('out', { cwd });
    expect(problemsOf(checks)).toEqual([`changed ${v(1)}/briefing.md`]);
    expect(checks[0]?.problems[0]?.detail).toContain('SHA-256');
    expect(checkLine(checks[0]!)).toBe(`FAILED ${v(1)}: 1 changed`);
  });

  it('names a truncated, a deleted and an extra file, and fails with VERIFY listing each', async () => {
    writeFileSync(join(cwd, v(1), 'briefing.json'), '{}');
    rmSync(join(cwd, v(2), 'briefing.md'));
    writeFileSync(join(cwd, v(2), 'notes.txt'), 'added later');
    mkdirSync(join(cwd, v(2), 'empty'));
    const checks = await verifyArchive('out', { cwd });
    expect(problemsOf(checks)).toEqual([
      `changed ${v(1)}/briefing.json`,
      `missing ${v(2)}/briefing.md`,
      `extra ${v(2)}/empty`,
      `extra ${v(2)}/notes.txt`,
    ]);
    expect(checks[0]?.problems[0]?.detail).toMatch(/^2 bytes, manifest.json says \d+$/);
    const error = (() => {
      try {
        assertVerified(checks);
      } catch (e) {
        return e as BriefwrightError;
      }
      throw new Error('assertVerified did not throw');
    })();
    expect(error.code).toBe(ErrorCode.VERIFY);
    expect(error.message).toContain('verification failed for 2 of 2 versions');
    for (const p of problemsOf(checks)) expect(error.message).toContain(p.split(' ')[1]!);
  });

  it('reports a version folder whose manifest is missing, invalid, or points outside its folder', async () => {
    mkdirSync(join(cwd, v(3)));
    writeFileSync(join(cwd, v(3), 'briefing.md'), 'no manifest');
    writeFileSync(join(cwd, v(2), 'manifest.json'), '{ "outputs": [');
    const checks = await verifyArchive('out', { cwd });
    expect(checks.map((c) => c.problems.map((p) => [p.kind, p.path, p.detail.split(':')[0]]))).toEqual([
      [],
      [['manifest', `${v(2)}/manifest.json`, 'manifest.json is not valid JSON']],
      [['manifest', `${v(3)}/manifest.json`, 'manifest.json is missing']],
    ]);

    const manifest = JSON.parse(readFileSync(join(cwd, v(1), 'manifest.json'), 'utf8'));
    manifest.outputs.push({ path: '../v2/briefing.md', sha256: '0'.repeat(64), bytes: 1 });
    writeFileSync(join(cwd, v(1), 'manifest.json'), JSON.stringify(manifest));
    const [first] = await verifyArchive(v(1), { cwd });
    expect(first?.problems.map((p) => p.detail)).toEqual([expect.stringContaining('"../v2/briefing.md", a path outside its folder')]);
  });

  it('notices a manifest that was moved into another version folder', async () => {
    writeFileSync(join(cwd, v(2), 'manifest.json'), readFileSync(join(cwd, v(1), 'manifest.json')));
    const [check] = await verifyArchive(v(2), { cwd });
    expect(check?.problems.map((p) => p.detail)).toContain('describes v1, but its folder is v2');
  });

  it('ignores hidden temporary folders and the lock file', async () => {
    mkdirSync(join(cwd, 'out', SLUG, DATE, '.tmp-1-abcd'));
    writeFileSync(join(cwd, 'out', SLUG, DATE, '.tmp-1-abcd', 'briefing.md'), 'half');
    writeFileSync(join(cwd, 'out', SLUG, '.lock'), '{}');
    expect((await verifyArchive('out', { cwd })).map((c) => c.dir)).toEqual([v(1), v(2)]);
  });

  it('fails with USAGE for a path that does not exist, and ARCHIVE when it holds no versions', async () => {
    await expect(verifyArchive('nowhere', { cwd })).rejects.toMatchObject({ code: ErrorCode.USAGE, message: 'nowhere: no such folder' });
    mkdirSync(join(cwd, 'empty'));
    await expect(verifyArchive('empty', { cwd })).rejects.toMatchObject({ code: ErrorCode.ARCHIVE, message: 'no archived versions under empty' });
  });

  it('checks the inputs at their recorded paths only when asked', async () => {
    writeFileSync(join(cwd, 'a.txt'), 'first article');
    writeFileSync(join(cwd, 'b.txt'), 'second article');
    const { sha256 } = await import('../../src/archive/manifest.js');
    const withInputs = versionRequest(join(cwd, 'out'), 'inputs', {
      slug: 'with-inputs',
      manifest(version, outputs) {
        const m = versionRequest(join(cwd, 'out'), 'inputs').manifest(version, outputs);
        return { ...m, brief: { ...m.brief, slug: 'with-inputs' }, inputs: ['a.txt', 'b.txt'].map((p) => ({ path: p, sha256: sha256(readFileSync(join(cwd, p))) })) };
      },
    });
    await writeVersion(withInputs);
    const path = join('out', 'with-inputs');
    expect(problemsOf(await verifyArchive(path, { cwd, inputs: true }))).toEqual([]);
    writeFileSync(join(cwd, 'a.txt'), 'first article, edited');
    rmSync(join(cwd, 'b.txt'));
    expect(problemsOf(await verifyArchive(path, { cwd }))).toEqual([]);
    expect(problemsOf(await verifyArchive(path, { cwd, inputs: true }))).toEqual(['input-changed a.txt', 'input-missing b.txt']);
  });
});
