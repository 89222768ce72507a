/**
 * One writer at a time per brief folder: `out/<slug>/.lock`, created exclusively (`open(…, 'wx')`) and
 * holding {pid, hostname, startedAt, token}. Waiters poll with a bounded timeout; a lock whose holder is
 * gone (dead pid on this host, or not refreshed for a long time) is recovered with a warning.
 */
import { randomBytes } from 'node:crypto';
import { lstat, lutimes, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { warning, type Warning } from '../model/warning.js';
import { OPEN, openNoFollow, readFileNoFollow, refuseLinks } from './confine.js';

export const LOCK_FILE = '.lock';
/** Held only while a stale lock is being removed, so two waiters never both remove and re-create it. */
const RECOVERY_SUFFIX = '.recovering';

export interface LockOptions {
  /** How long to wait for a live holder before failing. */
  timeoutMs?: number;
  /** Pause between attempts. */
  pollMs?: number;
  /** A lock not refreshed for this long is stale even if its pid seems alive (pid reuse, another host). */
  staleMs?: number;
  /** The lock file's name in the folder; another name is an independent lock (sending vs building). */
  name?: string;
}

export const defaultLockOptions: Required<LockOptions> = {
  timeoutMs: 30_000,
  pollMs: 150,
  staleMs: 10 * 60_000,
  name: LOCK_FILE,
};

/** What the lock file holds. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Tells this holder's lock from a later one, so release never removes someone else's lock. */
  token: string;
}

export interface HeldLock {
  path: string;
  owner: LockOwner;
  /** Stale locks recovered on the way in (kind `archive-lock-recovered`). */
  warnings: Warning[];
  release(): Promise<void>;
}

/** A lock file younger than this with no readable content is being written right now, not abandoned. */
const UNREADABLE_GRACE_MS = 5_000;

/** True when a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Run `fn` holding the lock of a brief folder; the lock is released however `fn` ends. */
export async function withLock<T>(briefDir: string, options: LockOptions, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
  const lock = await acquireLock(briefDir, options);
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}

/**
 * Take the lock of a brief folder (<archive>/<slug>, which must exist), waiting up to `timeoutMs` for a live
 * holder. Neither the brief folder nor the lock file may be a symbolic link (ErrorCode.ARCHIVE).
 */
export async function acquireLock(briefDir: string, options: LockOptions = {}): Promise<HeldLock> {
  const { timeoutMs, pollMs, staleMs, name } = { ...defaultLockOptions, ...options };
  const path = join(briefDir, name);
  // The brief folder's parent is the archive root: the user's choice, which may itself be a link.
  await refuseLinks(dirname(briefDir), path);
  const warnings: Warning[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const owner = await tryCreate(path);
    if (owner) return held(path, owner, warnings, staleMs);
    const current = await readLock(path);
    if (current === 'gone') continue;
    const stale = staleReason(current, staleMs, Date.now());
    if (stale) {
      if (await removeStale(path, current)) {
        warnings.push(recovered(path, current, stale));
        continue;
      }
      // Another waiter is removing it right now: give it a moment.
    } else if (Date.now() >= deadline) {
      throw lockedError(path, current);
    }
    await sleep(pollMs);
  }
}

/** Create the lock file exclusively; undefined when it already exists. */
async function tryCreate(path: string): Promise<LockOwner | undefined> {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  let handle;
  try {
    handle = await openNoFollow(path, OPEN.create);
  } catch (e) {
    if (e instanceof BriefwrightError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot create lock ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => {});
    await unlink(path).catch(() => {});
    throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot write lock ${path}: ${(e as Error).message}`, { cause: e });
  }
  await handle.close();
  return owner;
}

/** What an existing lock file says: its owner (or null when unreadable) and when it was last refreshed. */
interface LockState {
  owner: LockOwner | null;
  raw: string;
  refreshedAt: number;
}

async function readLock(path: string): Promise<LockState | 'gone'> {
  try {
    const [raw, info] = await Promise.all([readFileNoFollow(path).then((b) => b.toString('utf8')), lstat(path)]);
    return { owner: parseOwner(raw), raw, refreshedAt: info.mtimeMs };
  } catch (e) {
    if (e instanceof BriefwrightError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new BriefwrightError(ErrorCode.ARCHIVE, `cannot read lock ${path}: ${(e as Error).message}`, { cause: e });
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const data = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.hostname !== 'string' || typeof data.startedAt !== 'string') return null;
    return { pid: data.pid, hostname: data.hostname, startedAt: data.startedAt, token: String(data.token ?? '') };
  } catch {
    return null;
  }
}

/** Why a lock may be taken over, or null while its holder may still be working. */
function staleReason(state: LockState, staleMs: number, now: number): string | null {
  const age = now - state.refreshedAt;
  if (!state.owner) return age > UNREADABLE_GRACE_MS ? 'its content is unreadable' : null;
  if (state.owner.hostname === hostname() && !isProcessAlive(state.owner.pid)) {
    return `pid ${state.owner.pid} no longer runs`;
  }
  if (age > staleMs) return `it was not refreshed for ${Math.round(age / 60_000)} min`;
  return null;
}

/**
 * Remove a stale lock, but only the one judged stale: under the recovery file, re-read it and unlink it
 * only if unchanged. Returns false when another waiter got there first.
 */
async function removeStale(path: string, judged: LockState): Promise<boolean> {
  const guard = `${path}${RECOVERY_SUFFIX}`;
  let handle;
  try {
    handle = await openNoFollow(guard, OPEN.create);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A recoverer that died mid-way leaves its guard behind; removing it takes microseconds, so an old one is abandoned.
    const info = await lstat(guard).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > UNREADABLE_GRACE_MS) await unlink(guard).catch(() => {});
    return false;
  }
  try {
    const again = await readLock(path);
    // Same content is not enough: a new holder's lock is empty until it writes, like an abandoned empty one.
    if (again === 'gone' || again.raw !== judged.raw || again.refreshedAt !== judged.refreshedAt) return false;
    await unlink(path);
    return true;
  } finally {
    await handle.close();
    await unlink(guard).catch(() => {});
  }
}

function held(path: string, owner: LockOwner, warnings: Warning[], staleMs: number): HeldLock {
  // Refresh the file's time while held, so a long render is never mistaken for an abandoned lock.
  const heartbeat = setInterval(() => {
    const t = new Date();
    // lutimes: should the lock have been swapped for a link, touch the link, never what it points to.
    lutimes(path, t, t).catch(() => {});
  }, Math.max(1_000, Math.floor(staleMs / 4)));
  heartbeat.unref();
  let released = false;
  return {
    path,
    owner,
    warnings,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      const current = await readLock(path).catch(() => 'gone' as const);
      // Only remove our own lock: if it was (wrongly) recovered by another run, the file is theirs now.
      if (current !== 'gone' && current.owner?.token === owner.token) await unlink(path).catch(() => {});
    },
  };
}

function recovered(path: string, state: LockState, why: string): Warning {
  const who = state.owner ? `pid ${state.owner.pid} on ${state.owner.hostname}, since ${state.owner.startedAt}` : 'unknown holder';
  return warning('archive-lock-recovered', 'archive', `took over a stale archive lock (${who}): ${why}`, { source: path });
}

function lockedError(path: string, state: LockState): BriefwrightError {
  const who = state.owner
    ? `pid ${state.owner.pid}${state.owner.hostname === hostname() ? '' : ` on ${state.owner.hostname}`} since ${state.owner.startedAt}`
    : `a run that is still writing it (since ${new Date(state.refreshedAt).toISOString()})`;
  return new BriefwrightError(
    ErrorCode.ARCHIVE,
    `${path} is locked by ${who}; another build of this brief is running (if none is, delete ${path})`,
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
