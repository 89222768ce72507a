/** Two `brief build` processes at once on the same archive: the lock keeps the archive whole. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, DATE, SLUG, writeArticles } from '../archive/helpers.js';
import { projectRoot, runCli, type CliResult } from '../helpers/cli.js';

function runCliAsync(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'brief.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const build = (input: string) => ['build', input, '--date', DATE, '--out', 'out', '--format', 'json,md,pdf', '--slug', SLUG];

describe('concurrent brief build', () => {
  it('gives two runs with different inputs two complete, distinct versions', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lock-cli-'));
    writeArticles(join(cwd, 'a'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wire });
    writeArticles(join(cwd, 'b'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wireUpdated });
    const [a, b] = await Promise.all([runCliAsync(build('a'), cwd), runCliAsync(build('b'), cwd)]);
    expect([a.status, b.status, a.stderr + b.stderr]).toEqual([0, 0, expect.not.stringContaining('error')]);
    expect([a.stdout.trim(), b.stdout.trim()].sort()).toEqual([join('out', SLUG, DATE, 'v1'), join('out', SLUG, DATE, 'v2')]);
    expect(readdirSync(join(cwd, 'out', SLUG, DATE)).sort()).toEqual(['v1', 'v2']);
    expect(existsSync(join(cwd, 'out', SLUG, '.lock'))).toBe(false);
    const verify = runCli(['verify'], cwd);
    expect([verify.status, verify.stdout]).toEqual([0, `ok ${join('out', SLUG, DATE, 'v1')} (4 files)\nok ${join('out', SLUG, DATE, 'v2')} (4 files)\n`]);
  });

  it('gives two runs of the same build one version', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lock-cli-'));
    writeArticles(join(cwd, 'a'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wire });
    const results = await Promise.all([runCliAsync(build('a'), cwd), runCliAsync(build('a'), cwd)]);
    expect(results.map((r) => [r.status, r.stdout.trim()])).toEqual([
      [0, join('out', SLUG, DATE, 'v1')],
      [0, join('out', SLUG, DATE, 'v1')],
    ]);
    expect(results.filter((r) => r.stderr.includes('unchanged since v1'))).toHaveLength(1);
    expect(readdirSync(join(cwd, 'out', SLUG, DATE))).toEqual(['v1']);
  });
});

describe('brief --help', () => {
  it('lists the archive commands', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const command of ['verify [path]', 'list [out]', 'diff <a> <b>']) expect(r.stdout).toContain(command);
  });
});
