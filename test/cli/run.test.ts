import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/errors.js';
import { filesUnder, runCli, tempDir } from '../helpers/cli.js';

const SEEDS = 'seeds';

describe('brief build', () => {
  it('writes PDF, Markdown, JSON and a manifest into out/<slug>/<date>/v1 and prints that folder', () => {
    const out = tempDir();
    const r = runCli(['build', SEEDS, '--date', '2022-02-21', '--out', out]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0);
    const dir = r.stdout.trim();
    expect(dir).toMatch(/\/2022-02-21\/v1$/);
    expect(filesUnder(dir)).toEqual(['briefing.json', 'briefing.md', 'briefing.pdf', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toEqual([
      'seeds/business-insider-embassy-staff-to-poland.txt',
      'seeds/deccan-herald-diplomats-to-poland.txt',
    ]);
    expect(manifest.warnings.length).toBeGreaterThan(0);
  });

  it('makes no new version when inputs and options are unchanged, and v2 when an input changes', () => {
    const out = tempDir();
    const input = tempDir('brief-in-');
    writeFileSync(join(input, 'a.txt'), 'Harbour bridge shut\n\nThe harbour bridge was closed on Wednesday after engineers found cracks in its main span.\n');
    const first = runCli(['build', input, '--date', '2023-03-09', '--out', out, '--format', 'json']);
    const again = runCli(['build', input, '--date', '2023-03-09', '--out', out, '--format', 'json']);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toContain('unchanged since v1');
    writeFileSync(join(input, 'a.txt'), 'Harbour bridge shut\n\nThe harbour bridge was closed on Wednesday after engineers found deep cracks in its main span.\n');
    const changed = runCli(['build', input, '--date', '2023-03-09', '--out', out, '--format', 'json']);
    expect(changed.stdout.trim()).toMatch(/\/v2$/);
  });

  it('builds from the good inputs and names the missing one', () => {
    const out = tempDir();
    const r = runCli(['build', SEEDS, 'no-such-folder', '--date', '2022-02-21', '--out', out, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/no-such-folder.*(no such file|does not exist)/i);
  });

  it('fails with its own exit code and writes nothing when no input is usable', () => {
    const out = tempDir();
    const input = tempDir('brief-in-');
    writeFileSync(join(input, 'empty.txt'), '');
    const r = runCli(['build', input, '--date', '2023-03-09', '--out', out]);
    expect(r.status).toBe(exitCodes.NO_SOURCES);
    expect(r.stderr).toContain('empty.txt');
    expect(filesUnder(out)).toEqual([]);
  });

  it('refuses to build in --strict mode when an input is rejected, and writes nothing', () => {
    const out = tempDir();
    const r = runCli(['build', SEEDS, 'missing.txt', '--strict', '--date', '2022-02-21', '--out', out]);
    expect(r.status).toBe(exitCodes.INPUT);
    expect(r.stderr).toContain('missing.txt');
    expect(filesUnder(out)).toEqual([]);
  });

  it.each([
    [['--date', '21/02/2022'], '--date must be a date like 2022-02-21'],
    [['--date', '2022-02-30'], '--date must be a date like 2022-02-21'],
    [['--format', 'pdf,docx'], 'unknown format "docx"'],
    [['--page-size', 'A3'], '--page-size must be A4 or Letter'],
    [['--summary-words', '5'], '--summary-words must be a whole number of at least 20'],
  ])('rejects %j with a usage error', (flags, message) => {
    const out = tempDir();
    const r = runCli(['build', SEEDS, '--out', out, ...flags]);
    expect(r.status).toBe(exitCodes.USAGE);
    expect(r.stderr).toContain(message);
    expect(filesUnder(out)).toEqual([]);
  });

  it('uses --title and --slug', () => {
    const out = tempDir();
    const r = runCli(['build', SEEDS, '--date', '2022-02-21', '--out', out, '--format', 'json', '--title', 'Embassy moves to Poland', '--slug', 'embassy']);
    expect(r.stdout.trim()).toBe(join(out, 'embassy', '2022-02-21', 'v1'));
    const briefing = JSON.parse(readFileSync(join(r.stdout.trim(), 'briefing.json'), 'utf8'));
    expect(briefing.title).toBe('Embassy moves to Poland');
  });

  it('prints every warning with --verbose, and a count without it', () => {
    const out = tempDir();
    const quiet = runCli(['build', SEEDS, '--date', '2022-02-21', '--out', out, '--format', 'json']);
    expect(quiet.stderr).toMatch(/also \d+ boilerplate-dropped/);
    const verbose = runCli(['build', SEEDS, '--date', '2022-02-21', '--out', tempDir(), '--format', 'json', '--verbose']);
    expect(verbose.stderr).toMatch(/seeds\/business-insider-embassy-staff-to-poland\.txt:\d+: boilerplate-dropped: /);
  });
});

describe('brief', () => {
  it('shows help with examples', () => {
    const r = runCli(['build', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('brief build seeds --date 2022-02-21');
  });

  it('needs a command', () => {
    const r = runCli([]);
    expect(r.status).toBe(exitCodes.USAGE);
    expect(r.stderr).toContain('Name a command');
  });

  it('rejects unknown options', () => {
    const r = runCli(['build', SEEDS, '--colour', 'red']);
    expect(r.status).toBe(exitCodes.USAGE);
    expect(r.stderr).toMatch(/Unknown argument/i);
  });
});
