import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLock, isProcessAlive, LOCK_FILE } from '../../src/archive/lock.js';
import { writeVersion } from '../../src/archive/store.js';
import { verifyArchive } from '../../src/archive/verify.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { waitUntil } from '../helpers/wait.js';
import { DATE, deadPid, outputsFor, SLUG, versionRequest } from './helpers.js';

/** How many times each lock file was tried (opened to be created, O_EXCL): what a waiter does each time it polls. */
const lockAttempts = vi.hoisted(() => new Map<string, number>());
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = (path, flags, mode) => {
    const creates = flags === 'wx' || (typeof flags === 'number' && (flags & real.constants.O_EXCL) !== 0);
    if (creates) lockAttempts.set(String(path), (lockAttempts.get(String(path)) ?? 0) + 1);
    return real.open(path, flags, mode);
  };
  return { ...real, open };
});
const attempts = (path: string) => lockAttempts.get(path) ?? 0;

afterEach(() => {
  vi.useRealTimers();
});

const archive = () => mkdtempSync(join(tmpdir(), 'lock-'));
const lockPath = (out: string) => join(out, SLUG, LOCK_FILE);

function plantLock(out: string, owner: { pid: number; hostname: string; startedAt: string }, ageMs = 0): string {
  mkdirSync(join(out, SLUG), { recursive: true });
  const path = lockPath(out);
  writeFileSync(path, JSON.stringify(owner));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    utimesSync(path, then, then);
  }
  return path;
}

describe('archive lock', () => {
  it('makes a second writer wait until the first has committed, then gives it the next number', async () => {
    const out = archive();
    let openGate!: () => void;
    const gate = new Promise<void>((r) => (openGate = r));
    let firstRendering!: () => void;
    const firstStarted = new Promise<void>((r) => (firstRendering = r));
    const secondRendered: number[] = [];

    const first = writeVersion(
      versionRequest(out, 'aaa', {
        async render(v) {
          firstRendering();
          await gate;
          return outputsFor(v);
        },
        lock: { pollMs: 20 },
      }),
    );
    await firstStarted;
    const second = writeVersion(
      versionRequest(out, 'bbb', {
        async render(v) {
          secondRendered.push(v);
          return outputsFor(v, ' (second)');
        },
        lock: { pollMs: 20 },
      }),
    );
    let secondSettled = false;
    void second.catch(() => {}).finally(() => (secondSettled = true));
    // The first took the lock once; let the second find it taken and poll it three times.
    await waitUntil('the second writer has tried the lock three times, or rendered, or ended', () => secondRendered.length > 0 || secondSettled || attempts(lockPath(out)) >= 4);
    expect(secondRendered).toEqual([]);
    expect(secondSettled).toBe(false);
    expect(JSON.parse(readFileSync(lockPath(out), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });

    openGate();
    const [a, b] = await Promise.all([first, second]);
    expect([a.version, b.version]).toEqual([1, 2]);
    // The second run chose its number only after v1 existed: it never rendered a v1 of its own.
    expect(secondRendered).toEqual([2]);
    expect(readFileSync(join(b.dir, 'briefing.md'), 'utf8')).toContain('Version 2 (second)');
    expect(existsSync(lockPath(out))).toBe(false);
    const checks = await verifyArchive(out);
    expect(checks.map((c) => [c.dir.endsWith('/v1') || c.dir.endsWith('/v2'), c.problems])).toEqual([
      [true, []],
      [true, []],
    ]);
  });

  it('lets two concurrent runs of the same build end with one version, not two equal ones', async () => {
    const out = archive();
    const results = await Promise.all([writeVersion(versionRequest(out, 'same')), writeVersion(versionRequest(out, 'same'))]);
    expect(results.map((r) => r.version)).toEqual([1, 1]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(readdirSync(join(out, SLUG, DATE))).toEqual(['v1']);
  });

  it('queues many concurrent writers into distinct complete versions', async () => {
    const out = archive();
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((f) => writeVersion(versionRequest(out, f, { lock: { pollMs: 10 } }))));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5]);
    const checks = await verifyArchive(out);
    expect(checks).toHaveLength(5);
    expect(checks.flatMap((c) => c.problems)).toEqual([]);
  });

  it('recovers a lock left by a dead process, with a warning recorded in the manifest', async () => {
    const out = archive();
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    const path = plantLock(out, { pid, hostname: hostname(), startedAt: '2023-03-09T05:00:00.000Z' });

    const result = await writeVersion(versionRequest(out, 'aaa', { lock: { timeoutMs: 2_000 } }));
    expect(result.version).toBe(1);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ kind: 'archive-lock-recovered', stage: 'archive', source: path });
    expect(result.warnings[0]?.reason).toContain(`pid ${pid}`);
    expect(result.manifest.warnings).toEqual(result.warnings);
    const stored = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8'));
    expect(stored.warnings.map((w: { kind: string }) => w.kind)).toEqual(['archive-lock-recovered']);
    expect(existsSync(path)).toBe(false);
  });

  it('recovers a stale lock only once when several runs find it together', async () => {
    const out = archive();
    plantLock(out, { pid: deadPid(), hostname: hostname(), startedAt: '2023-03-09T05:00:00.000Z' });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((f) => writeVersion(versionRequest(out, f, { lock: { pollMs: 10 } }))));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
    expect(results.flatMap((r) => r.warnings).map((w) => w.kind)).toEqual(['archive-lock-recovered']);
  });

  it('recovers a lock not refreshed for longer than the stale limit, even if its pid runs (another host, pid reuse)', async () => {
    const out = archive();
    plantLock(out, { pid: process.pid, hostname: 'another-host', startedAt: '2023-03-09T05:00:00.000Z' }, 60_000);
    const result = await writeVersion(versionRequest(out, 'aaa', { lock: { staleMs: 30_000, timeoutMs: 1_000 } }));
    expect(result.warnings.map((w) => w.reason)).toEqual([
      expect.stringMatching(/pid \d+ on another-host, since 2023-03-09T05:00:00\.000Z\): it was not refreshed for 1 min/),
    ]);
  });

  it('recovers an empty lock file that was abandoned, but waits for one that is being written', async () => {
    const out = archive();
    mkdirSync(join(out, SLUG), { recursive: true });
    writeFileSync(lockPath(out), '');
    await expect(writeVersion(versionRequest(out, 'aaa', { lock: { timeoutMs: 200, pollMs: 20 } }))).rejects.toThrow(/is locked by a run that is still writing it/);
    const then = new Date(Date.now() - 60_000);
    utimesSync(lockPath(out), then, then);
    const result = await writeVersion(versionRequest(out, 'aaa', { lock: { timeoutMs: 200, pollMs: 20 } }));
    expect(result.warnings.map((w) => w.reason)).toEqual([expect.stringContaining('its content is unreadable')]);
  });

  it('fails with ARCHIVE naming the holder when a live lock outlasts the timeout, and leaves that lock alone', async () => {
    const out = archive();
    const path = plantLock(out, { pid: process.pid, hostname: hostname(), startedAt: '2023-03-09T06:00:00.000Z' });
    const before = readFileSync(path, 'utf8');
    // The waiter's clock stands still until the test moves it (its polls still run), so "before the timeout"
    // does not depend on how fast this machine is.
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    let settled = false;
    const failed = writeVersion(versionRequest(out, 'aaa', { lock: { timeoutMs: 300, pollMs: 5 } }))
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await waitUntil('the waiter has tried the lock three times, or given up', () => settled || attempts(path) >= 3);
    expect(settled, 'gave up at once').toBe(false);
    vi.setSystemTime(start + 299);
    const polled = attempts(path);
    await waitUntil('the waiter has tried the lock twice more 299 ms in, or given up', () => settled || attempts(path) >= polled + 2);
    expect(settled, 'gave up before the timeout').toBe(false);
    vi.setSystemTime(start + 300);
    const error = await failed;
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).toBe(ErrorCode.ARCHIVE);
    expect((error as BriefwrightError).message).toContain(`${path} is locked by pid ${process.pid} since 2023-03-09T06:00:00.000Z`);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(join(out, SLUG, DATE))).toEqual([]);
  });

  it('names the other host of a live lock', async () => {
    const out = archive();
    plantLock(out, { pid: 4242, hostname: 'build-server-2', startedAt: '2023-03-09T06:00:00.000Z' });
    await expect(acquireLock(join(out, SLUG), { timeoutMs: 100, pollMs: 20 })).rejects.toThrow('locked by pid 4242 on build-server-2 since');
  });

  it('releases only its own lock', async () => {
    const out = archive();
    mkdirSync(join(out, SLUG));
    const lock = await acquireLock(join(out, SLUG));
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toEqual(lock.owner);
    // Another run took the lock over (wrongly judging it stale): releasing must not remove its lock.
    writeFileSync(lock.path, JSON.stringify({ ...lock.owner, token: 'someone-else' }));
    await lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });

  it('keeps the lock fresh while it is held', async () => {
    const out = archive();
    mkdirSync(join(out, SLUG));
    // The heartbeat's timer and clock are the test's: one tick of staleMs/4 (1 s) refreshes the lock to "now".
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: new Date('2030-01-01T00:00:00Z') });
    const lock = await acquireLock(join(out, SLUG), { staleMs: 4_000 });
    const old = new Date('2029-12-31T23:00:00Z');
    utimesSync(lock.path, old, old);
    vi.advanceTimersByTime(1_000);
    const refreshed = new Date('2030-01-01T00:00:01Z').getTime();
    await waitUntil('the heartbeat has refreshed the lock file', () => statSync(lock.path).mtimeMs === refreshed, { timeoutMs: 5_000 });
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });
});
