/** Run the real `brief` command (bin/brief.js over dist/) and capture what a user would see. */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(projectRoot, 'bin', 'brief.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `brief` and wait for it. `killAfterMs` ends a run that never finishes (status null), so a test of
 * a hang fails instead of blocking the suite; it is a safety net, never something a test waits for.
 */
export function runCli(args: string[], cwd = projectRoot, options: { killAfterMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.killAfterMs === undefined ? {} : { timeout: options.killAfterMs }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run `brief` in a child process without blocking this one, so a server in this process (SMTP) can answer
 * it. BRIEF_FROM and BRIEF_SMTP_URL are cleared unless `env` sets them.
 */
export function runCliAsync(
  args: string[],
  env: Record<string, string> = {},
  cwd = projectRoot,
  options: { killAfterMs?: number } = {},
): Promise<CliResult> {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete base['BRIEF_FROM'];
  delete base['BRIEF_SMTP_URL'];
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...base, ...env },
    ...(options.killAfterMs === undefined ? {} : { timeout: options.killAfterMs }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function tempDir(prefix = 'brief-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under a folder, as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      // Links are listed, never followed: a link to a folder above would walk for ever.
      if (lstatSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
