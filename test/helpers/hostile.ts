/** Build a brief from an ordinary article plus hostile files, as a user's folder would hold them. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warning } from '../../src/model/warning.js';
import { projectRoot, runCli, tempDir, type CliResult } from './cli.js';

export const ordinaryArticle = join(projectRoot, 'test', 'fixtures', 'hostile', 'ordinary.txt');

export interface HostileBuild extends CliResult {
  /** The folder holding the inputs. */
  inputs: string;
  /** The archive folder given as --out. */
  out: string;
  /** The version folder printed on stdout, when one was written. */
  version?: string;
  /** The manifest's warnings, when a version was written. */
  warnings: Warning[];
}

/** `brief build` of every format on a folder holding ordinary.txt and `files`, dated 2026-03-04. */
export function buildWithHostile(files: Record<string, string | Uint8Array>, flags: string[] = []): HostileBuild {
  const root = tempDir('brief-hostile-');
  const inputs = join(root, 'in');
  const out = join(root, 'out');
  mkdirSync(inputs);
  copyFileSync(ordinaryArticle, join(inputs, 'ordinary.txt'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(inputs, name), content);
  const r = runCli(['build', inputs, '--out', out, '--date', '2026-03-04', '--format', 'json,md,pdf', ...flags]);
  const printed = r.stdout.trim().split('\n').at(-1) ?? '';
  const manifestPath = join(printed, 'manifest.json');
  if (printed === '' || !existsSync(manifestPath)) return { ...r, inputs, out, warnings: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { warnings: Warning[] };
  return { ...r, inputs, out, version: printed, warnings: manifest.warnings };
}

/** The warnings of `kind` about the input file `name`. */
export function warningsAbout(build: HostileBuild, name: string, kind: string): Warning[] {
  return build.warnings.filter((w) => w.kind === kind && (w.source ?? '').endsWith(name));
}
