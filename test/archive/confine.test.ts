/** The archive's one rule about links, on real folders and real links: refused below the root, allowed at it. */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders, OPEN, openNoFollow, readFileNoFollow, refuseLinks } from '../../src/archive/confine.js';
import { acquireLock } from '../../src/archive/lock.js';
import { writeVersion } from '../../src/archive/store.js';
import { appendSendLog, readSendLog } from '../../src/deliver/send-log.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';
import { treeSnapshot } from '../helpers/tree.js';
import { DATE, SLUG, versionRequest } from './helpers.js';

async function refusal(promise: Promise<unknown>): Promise<BriefwrightError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BriefwrightError);
  expect((error as BriefwrightError).code).toBe(ErrorCode.ARCHIVE);
  return error as BriefwrightError;
}

function outside(): string {
  const dir = tempDir('confine-outside-');
  writeFileSync(join(dir, 'keep.txt'), 'outside\n');
  return dir;
}

describe('refuseLinks', () => {
  it('names the first link below the root, at any depth, and accepts missing parts', async () => {
    const root = tempDir('confine-root-');
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    await refuseLinks(root, join(root, 'a', 'b', 'not-yet', 'file'));
    symlinkSync(outside(), join(root, 'a', 'b', 'c'));
    const error = await refusal(refuseLinks(root, join(root, 'a', 'b', 'c', 'd')));
    expect(error.message).toContain(`${join(root, 'a', 'b', 'c')} is a symbolic link`);
  });

  it('lets the root itself be a link, and refuses a path outside the root', async () => {
    const real = tempDir('confine-real-');
    const root = join(tempDir('confine-holder-'), 'out');
    symlinkSync(real, root);
    await refuseLinks(root, join(root, 'x'));
    await makeFolders(root, join(root, 'x', 'y'));
    expect(existsSync(join(real, 'x', 'y'))).toBe(true);
    await refusal(refuseLinks(root, join(root, '..', 'elsewhere')));
  });
});

describe('makeFolders', () => {
  it('refuses to create a folder through a link and creates nothing outside', async () => {
    const root = tempDir('confine-root-');
    const target = outside();
    const before = treeSnapshot(target);
    symlinkSync(target, join(root, SLUG));
    const error = await refusal(makeFolders(root, join(root, SLUG, DATE)));
    expect(error.message).toContain(`${join(root, SLUG)} is a symbolic link (to ${target})`);
    expect(treeSnapshot(target)).toEqual(before);
  });
});

describe('opening files', () => {
  it('refuses to create a file where a dangling link is, and does not create its target', async () => {
    const dir = tempDir('confine-open-');
    const target = join(outside(), 'would-be-created');
    symlinkSync(target, join(dir, 'lock'));
    await refusal(openNoFollow(join(dir, 'lock'), OPEN.create));
    await refusal(openNoFollow(join(dir, 'lock'), OPEN.append));
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to read a file that is a link, and reads a real one', async () => {
    const dir = tempDir('confine-read-');
    writeFileSync(join(dir, 'real'), 'yes');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    expect((await readFileNoFollow(join(dir, 'real'))).toString()).toBe('yes');
    await refusal(readFileNoFollow(join(dir, 'link')));
  });
});

describe('the archive and delivery use it', () => {
  it('writeVersion refuses a brief folder that is a link', async () => {
    const root = tempDir('confine-store-');
    const target = outside();
    const before = treeSnapshot(target);
    symlinkSync(target, join(root, SLUG));
    await refusal(writeVersion(versionRequest(root, 'f1')));
    expect(treeSnapshot(target)).toEqual(before);
  });

  it('writeVersion refuses a version folder that is a link (it would be read as the base of the next)', async () => {
    const root = tempDir('confine-store-');
    mkdirSync(join(root, SLUG, DATE), { recursive: true });
    symlinkSync(outside(), join(root, SLUG, DATE, 'v1'));
    const error = await refusal(writeVersion(versionRequest(root, 'f1')));
    expect(error.message).toContain(join(SLUG, DATE, 'v1'));
  });

  it('acquireLock refuses a lock file that is a link at once, instead of waiting on it', async () => {
    const briefDir = join(tempDir('confine-lock-'), SLUG);
    mkdirSync(briefDir);
    const target = join(outside(), 'lock-target');
    symlinkSync(target, join(briefDir, '.lock'));
    await refusal(acquireLock(briefDir, { timeoutMs: 60_000 }));
    expect(existsSync(target)).toBe(false);
  });

  it('the send log is neither read nor appended through a link', async () => {
    const briefDir = join(tempDir('confine-log-'), SLUG);
    mkdirSync(briefDir);
    const target = join(outside(), 'log.jsonl');
    writeFileSync(target, 'outside\n');
    symlinkSync(target, join(briefDir, 'send-log.jsonl'));
    await refusal(readSendLog(join(briefDir, 'send-log.jsonl')));
    const entry = { version: `${SLUG}/${DATE}/v1`, recipient: 'a@example.org', messageId: '<m>', at: '2023-03-09T07:00:00.000Z' };
    await refusal(appendSendLog(join(briefDir, 'send-log.jsonl'), [entry]));
    expect(readFileSync(target, 'utf8')).toBe('outside\n');
  });
});
