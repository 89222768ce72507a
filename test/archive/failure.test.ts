import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/archive/lock.js';
import { sha256 } from '../../src/archive/manifest.js';
import { writeVersion } from '../../src/archive/store.js';
import { verifyArchive } from '../../src/archive/verify.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { DATE, deadPid, outputsFor, SLUG, text, versionRequest } from './helpers.js';

/** Hash of every file in the date folder, so "earlier versions intact" is checked byte for byte. */
function snapshot(dateDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of readdirSync(dateDir)) {
    for (const f of readdirSync(join(dateDir, v))) out[`${v}/${f}`] = sha256(readFileSync(join(dateDir, v, f)));
  }
  return out;
}

describe('a version that fails half-way', () => {
  let out: string;
  let dateDir: string;
  let before: Record<string, string>;

  beforeEach(async () => {
    out = mkdtempSync(join(tmpdir(), 'failure-'));
    dateDir = join(out, SLUG, DATE);
    await writeVersion(versionRequest(out, 'aaa'));
    await writeVersion(versionRequest(out, 'bbb'));
    before = snapshot(dateDir);
  });

  async function expectArchiveAsBefore(): Promise<void> {
    expect(readdirSync(dateDir).sort()).toEqual(['v1', 'v2']);
    expect(snapshot(dateDir)).toEqual(before);
    expect(readdirSync(join(out, SLUG))).toEqual([DATE]);
    const checks = await verifyArchive(out);
    expect(checks.map((c) => c.problems)).toEqual([[], []]);
    // The lock was released: the next run goes straight on to v3.
    const next = await writeVersion(versionRequest(out, 'ddd', { lock: { timeoutMs: 100 } }));
    expect(next.version).toBe(3);
  }

  it('leaves the archive as it was when rendering throws', async () => {
    const failing = versionRequest(out, 'ccc', {
      async render() {
        throw new Error('renderer crashed');
      },
    });
    await expect(writeVersion(failing)).rejects.toThrow('renderer crashed');
    await expectArchiveAsBefore();
  });

  it('leaves the archive as it was when a file write fails after others were written', async () => {
    const failing = versionRequest(out, 'ccc', {
      async render(v) {
        // The second file goes into a folder that does not exist: its write fails after the first succeeded.
        return [...outputsFor(v), { name: 'missing-folder/briefing.pdf', bytes: text('%PDF') }];
      },
    });
    const error = await writeVersion(failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).toBe(ErrorCode.ARCHIVE);
    expect((error as BriefwrightError).message).toContain(join(dateDir, 'v3'));
    await expectArchiveAsBefore();
  });

  it('leaves the archive as it was when building the manifest throws', async () => {
    const failing = versionRequest(out, 'ccc', {
      manifest() {
        throw new Error('manifest broke');
      },
    });
    await expect(writeVersion(failing)).rejects.toThrow('manifest broke');
    await expectArchiveAsBefore();
  });

  it('cleans up after a run that was killed while writing (temporary folder and lock left behind)', async () => {
    const pid = deadPid();
    const leftover = join(dateDir, `.tmp-${pid}-0badcafe`);
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'briefing.md'), 'half a brief');
    writeFileSync(join(out, SLUG, LOCK_FILE), JSON.stringify({ pid, hostname: hostname(), startedAt: '2023-03-09T07:00:00.000Z' }));
    // Neither is a version: verify sees the two complete ones only.
    expect((await verifyArchive(out)).map((c) => c.problems)).toEqual([[], []]);

    const result = await writeVersion(versionRequest(out, 'ccc'));
    expect(result.version).toBe(3);
    expect(result.warnings.map((w) => w.kind)).toEqual(['archive-lock-recovered']);
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(dateDir).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(existsSync(join(out, SLUG, LOCK_FILE))).toBe(false);
  });

  it('keeps the temporary folder of a run that is still alive', async () => {
    // This test's own parent process is alive and is not us: its folder may be in use.
    const live = join(dateDir, `.tmp-${process.ppid}-00c0ffee`);
    mkdirSync(live);
    await writeVersion(versionRequest(out, 'ccc'));
    expect(existsSync(live)).toBe(true);
  });
});
