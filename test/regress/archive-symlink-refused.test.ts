/**
 * Regression: a symbolic link anywhere below the archive folder (brief, date or version folder, a temporary
 * folder, .lock, .send.lock, send-log.jsonl) made a build or a send write, lock or read outside the archive.
 * Now each is refused with exit 7 naming the link, and the folder it points to is left byte for byte as it
 * was. The archive folder itself (--out) may be a link. Real folders and real links, through the real CLI.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/errors.js';
import { ARTICLES, DATE, SLUG, writeArticles } from '../archive/helpers.js';
import { emailFixture, type BuiltVersion, type TestServer } from '../deliver/helpers.js';
import { runCli, runCliAsync, tempDir } from '../helpers/cli.js';
import { treeSnapshot } from '../helpers/tree.js';

/** A folder outside the archive with something in it, for links to point at. */
function outsideFolder(): string {
  const dir = tempDir('outside-');
  writeFileSync(join(dir, 'keep.txt'), 'not the archive\n');
  mkdirSync(join(dir, 'inner'));
  writeFileSync(join(dir, 'inner', 'note.md'), '# still here\n');
  return dir;
}

/** A working folder with articles to build from, and `out/` not yet made. */
function workFolder(): string {
  const cwd = tempDir('link-cwd-');
  writeArticles(join(cwd, 'input'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wire });
  return cwd;
}

/** Before the fix a dangling lock link made a run spin for ever: end it so the test fails instead of hanging. */
const KILL = { killAfterMs: 45_000 };

const build = ['build', 'input', '--date', DATE, '--out', 'out', '--format', 'json,md', '--slug', SLUG];
const briefDir = join('out', SLUG);
const dateDir = join(briefDir, DATE);

describe('brief build with a link inside the archive', () => {
  const cases: Array<[string, string, (cwd: string) => void]> = [
    ['the brief folder', briefDir, (cwd) => mkdirSync(join(cwd, 'out'))],
    ['the date folder', dateDir, (cwd) => mkdirSync(join(cwd, briefDir), { recursive: true })],
    ['a version folder', join(dateDir, 'v1'), (cwd) => mkdirSync(join(cwd, dateDir), { recursive: true })],
    ['a temporary folder', join(dateDir, '.tmp-1-0badc0de'), (cwd) => mkdirSync(join(cwd, dateDir), { recursive: true })],
    ['the lock', join(briefDir, '.lock'), (cwd) => mkdirSync(join(cwd, briefDir), { recursive: true })],
  ];

  it.each(cases)('refuses %s with exit 7, naming it, and touches nothing outside', (_what, link, prepare) => {
    const cwd = workFolder();
    const outside = outsideFolder();
    prepare(cwd);
    // The lock points at a file that does not exist yet: following it would create that file.
    const target = link.endsWith('.lock') ? join(outside, 'created-by-lock') : outside;
    symlinkSync(target, join(cwd, link));
    const before = treeSnapshot(outside);

    const r = runCli(build, cwd, KILL);

    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(exitCodes.ARCHIVE);
    expect(r.stderr).toContain(`${link} is a symbolic link`);
    expect(r.stdout).toBe('');
    expect(treeSnapshot(outside)).toEqual(before);
    expect(existsSync(join(outside, 'created-by-lock'))).toBe(false);
  });

  it('builds into an --out folder that is itself a link the user chose', () => {
    const cwd = workFolder();
    const real = tempDir('real-out-');
    symlinkSync(real, join(cwd, 'out'));
    const r = runCli(build, cwd);
    expect([r.status, r.stdout.trim()]).toEqual([0, join('out', SLUG, DATE, 'v1')]);
    expect(existsSync(join(real, SLUG, DATE, 'v1', 'manifest.json'))).toBe(true);
  });
});

describe('brief email, verify, list and diff with a link inside the archive', () => {
  const fixture = emailFixture();

  /** Move a folder of the archive outside and leave a link in its place; returns the outside copy. */
  function linkOut(v: BuiltVersion, rel: string): { outside: string; link: string } {
    const outside = join(tempDir('outside-'), 'moved');
    const link = join(v.outDir, rel);
    renameSync(link, outside);
    symlinkSync(outside, link);
    return { outside, link };
  }

  const email = (v: BuiltVersion, what: string, smtp: TestServer) =>
    runCliAsync(['email', what, '--out', v.outDir, '--to', 'ana@example.org', '--from', 'desk@example.org', '--smtp', smtp.url], {}, undefined, KILL);

  it.each([
    ['the version folder named', join(SLUG, DATE, 'v1'), (v: BuiltVersion) => v.dir],
    ['the brief folder of "<slug>/latest"', SLUG, () => `${SLUG}/latest`],
    ['the date folder of "latest"', join(SLUG, DATE), () => 'latest'],
  ])('refuses %s with exit 7 and sends nothing', async (_what, rel, folder) => {
    const v = fixture.version();
    const smtp = await fixture.server();
    const { outside, link } = linkOut(v, rel);
    const before = treeSnapshot(outside);
    const r = await email(v, folder(v), smtp);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(exitCodes.ARCHIVE);
    expect(r.stderr).toContain(`${link} is a symbolic link`);
    expect(smtp.counts.connections).toBe(0);
    expect(treeSnapshot(outside)).toEqual(before);
  });

  it.each([['send-log.jsonl'], ['.send.lock']])('refuses %s as a link with exit 7, sends nothing, touches nothing outside', async (name) => {
    const v = fixture.version();
    const smtp = await fixture.server();
    const outside = outsideFolder();
    const log = join(outside, 'log.jsonl');
    writeFileSync(log, '{"version":"other/2023-03-09/v1","recipient":"x@example.org","messageId":"<x>","at":"2023-03-09T07:00:00.000Z"}\n');
    const link = join(v.outDir, SLUG, name);
    // The send lock points at a file not there yet: following it would create it.
    symlinkSync(name === '.send.lock' ? join(outside, 'created-by-lock') : log, link);
    const before = treeSnapshot(outside);
    const r = await email(v, v.dir, smtp);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(exitCodes.ARCHIVE);
    expect(r.stderr).toContain(`${link} is a symbolic link`);
    expect(smtp.counts.connections).toBe(0);
    expect(treeSnapshot(outside)).toEqual(before);
    expect(readFileSync(log, 'utf8').split('\n')).toHaveLength(2);
  });

  it('verify and list refuse a version folder that is a link; diff refuses one named', () => {
    const v = fixture.version();
    const { outside, link } = linkOut(v, join(SLUG, DATE, 'v1'));
    const before = treeSnapshot(outside);
    for (const args of [['verify', v.outDir], ['list', v.outDir], ['diff', v.dir, v.dir]]) {
      const r = runCli(args);
      expect([args[0], r.status]).toEqual([args[0], exitCodes.ARCHIVE]);
      expect(r.stderr).toContain(`${link} is a symbolic link`);
    }
    expect(treeSnapshot(outside)).toEqual(before);
  });

  it('verify refuses an output file inside a version that is a link, without reading it', () => {
    const v = fixture.version();
    const outside = outsideFolder();
    const pdf = join(v.dir, 'briefing.pdf');
    cpSync(pdf, join(outside, 'briefing.pdf'));
    rmSync(pdf);
    symlinkSync(join(outside, 'briefing.pdf'), pdf);
    const r = runCli(['verify', v.outDir]);
    expect(r.status).toBe(exitCodes.ARCHIVE);
    expect(r.stderr).toContain(`${pdf} is a symbolic link`);
  });
});
