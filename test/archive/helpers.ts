/** Shared by the archive tests: a small version request, and real builds from invented articles. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile, VersionRequest } from '../../src/archive/store.js';
import { buildBrief, type BriefResult } from '../../src/brief.js';
import { defaultAnalyzeOptions, defaultOutputOptions } from '../../src/options.js';
import { testManifest } from '../helpers/manifests.js';
import type { OutputFormat } from '../../src/render/types.js';

export const SLUG = 'harbour-bridge';
export const DATE = '2023-03-09';

export const text = (s: string) => new TextEncoder().encode(s);

/** Two small outputs that show the version number, like the real writers do. */
export function outputsFor(version: number, note = ''): OutputFile[] {
  return [
    { name: 'briefing.md', bytes: text(`# Harbour bridge\n\nVersion ${version}${note}\n`) },
    { name: 'briefing.json', bytes: text(`{"version": ${version}}\n`) },
  ];
}

export function versionRequest(outDir: string, fingerprint: string, overrides: Partial<VersionRequest> = {}): VersionRequest {
  return {
    outDir,
    slug: SLUG,
    date: DATE,
    fingerprint,
    async render(version) {
      return outputsFor(version);
    },
    manifest: (version, outputs) => testManifest({ title: 'Harbour bridge', slug: SLUG, date: DATE, version }, fingerprint, outputs),
    ...overrides,
  };
}

/** The pid of a process that has certainly exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

export function writeArticles(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

/** A real build through the library, as `brief build <input> --date … --out … --format …` does. */
export function buildInto(input: string, outDir: string, formats: OutputFormat[] = ['json', 'md'], slug = SLUG): Promise<BriefResult> {
  return buildBrief({
    inputs: [input],
    analyze: { ...defaultAnalyzeOptions, date: DATE },
    output: { ...defaultOutputOptions, outDir, formats, slug },
  });
}

export const readJson = <T = unknown>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Invented articles about one story; the second version of `wire` adds a scheduled vote. */
export const ARTICLES = {
  gazette: [
    'Harbour bridge shut after cracks found',
    '',
    'The harbour bridge was closed to all traffic on Wednesday after inspectors found cracks in its main span.',
    '',
    '"We will not reopen a single lane until every weld has been checked," said Olena Petrenko, chief engineer of the Harbour Authority.',
    '',
    'About 40,000 vehicles a day used the bridge, which opened in 1962.',
    '',
  ].join('\n'),
  wire: [
    'Engineers find cracks in harbour bridge',
    '',
    'Engineers found cracks in the main span of the harbour bridge during a routine inspection, officials said on Wednesday.',
    '',
    'It is not yet clear how long the bridge will stay closed.',
    '',
  ].join('\n'),
  wireUpdated: [
    'Engineers find cracks in harbour bridge',
    '',
    'Engineers found cracks in the main span of the harbour bridge during a routine inspection, officials said on Wednesday.',
    '',
    'The city council will vote on emergency repair funding on Tuesday, the mayor said.',
    '',
  ].join('\n'),
};
