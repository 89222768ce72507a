#!/usr/bin/env node
// Benchmark: build briefs from real articles of ../shared/corpora/bbc-news.jsonl.gz (or BENCH_CORPUS) at
// several cluster sizes and report wall time per stage and peak memory, then build each pathological single
// file of bench/pathological.mjs against its budget. Targets live here, never in unit tests: these machines
// are noisy. Usage: npm run bench [-- --sizes 25,200,2127 --runs 3 --pathological only|skip]
import { gunzipSync } from 'node:zlib';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBrief } from '../dist/index.js';
import { PATHOLOGICAL_BUDGET_MS, pathologicalInputs } from './pathological.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpusPath = process.env.BENCH_CORPUS ?? new URL('../../shared/corpora/bbc-news.jsonl.gz', import.meta.url).pathname;
const sizes = opt('--sizes', '25,200,2127').split(',').map(Number);
const runs = Number(opt('--runs', '3'));
const pathological = opt('--pathological', 'run');

/** Targets (median wall time of a full build, all three formats). */
const TARGETS_MS = { 25: 3_000, 200: 10_000, 2127: 90_000 };

if (!existsSync(corpusPath)) {
  console.error(`bench: corpus not found at ${corpusPath} (set BENCH_CORPUS)`);
  process.exit(2);
}
const articles = gunzipSync(readFileSync(corpusPath))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

let failed = false;
for (const size of pathological === 'only' ? [] : sizes) {
  const folder = mkdtempSync(join(tmpdir(), `bench-in-${size}-`));
  for (const [i, a] of articles.slice(0, size).entries()) {
    writeFileSync(join(folder, `${String(i).padStart(4, '0')}.txt`), `${a.title}\n\n${a.body}\n`);
  }
  const times = [];
  const stages = {};
  for (let r = 0; r < runs; r++) {
    const out = mkdtempSync(join(tmpdir(), `bench-out-${size}-`));
    mkdirSync(out, { recursive: true });
    let last = performance.now();
    let lastStage = 'start';
    const t0 = last;
    await buildBrief({
      inputs: [folder],
      analyze: { date: '2005-06-30', summaryWords: 150, keyQuotes: 6 },
      output: { outDir: out, formats: ['pdf', 'md', 'json'], pageSize: 'A4' },
      onProgress(message) {
        const now = performance.now();
        stages[lastStage] = (stages[lastStage] ?? 0) + (now - last) / runs;
        last = now;
        lastStage = message.split(' ').slice(0, 2).join(' ').replace(/ \d+.*$/, '');
      },
    });
    const end = performance.now();
    stages[lastStage] = (stages[lastStage] ?? 0) + (end - last) / runs;
    times.push(end - t0);
    rmSync(out, { recursive: true, force: true });
  }
  rmSync(folder, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const target = TARGETS_MS[size];
  const verdict = target === undefined ? '' : median <= target ? ` (target ${target} ms: ok)` : ` (target ${target} ms: MISSED)`;
  if (target !== undefined && median > target) failed = true;
  const stageText = Object.entries(stages)
    .filter(([k]) => k !== 'start')
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(', ');
  console.log(`${size} articles: median ${Math.round(median)} ms over ${runs} runs${verdict}; stages (mean ms): ${stageText}`);
}
// Each hostile file alone, all three formats: analysis must stay near-linear whatever the text.
for (const input of pathological === 'skip' ? [] : pathologicalInputs) {
  const folder = mkdtempSync(join(tmpdir(), `bench-hostile-${input.name}-`));
  writeFileSync(join(folder, input.file), input.text);
  const t0 = performance.now();
  await buildBrief({
    inputs: [folder],
    analyze: { date: '2026-03-04', summaryWords: 150, keyQuotes: 6 },
    output: { outDir: join(folder, 'out'), formats: ['pdf', 'md', 'json'], pageSize: 'A4' },
  }).catch((error) => console.log(`  ${input.name}: ${error.message}`));
  const ms = performance.now() - t0;
  rmSync(folder, { recursive: true, force: true });
  const ok = ms <= PATHOLOGICAL_BUDGET_MS;
  if (!ok) failed = true;
  console.log(`hostile ${input.name} (${Math.round(input.text.length / 1000)} KB): ${Math.round(ms)} ms (budget ${PATHOLOGICAL_BUDGET_MS} ms: ${ok ? 'ok' : 'MISSED'})`);
}
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS ${Math.round(rss)} MiB`);
process.exitCode = failed ? 1 : 0;
