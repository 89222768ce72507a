import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathologicalInputs } from './bench/pathological.mjs';
import { buildBrief } from './dist/index.js';
const only = process.argv[2];
for (const p of pathologicalInputs) {
  if (only && p.name !== only) continue;
  const dir = mkdtempSync(join(tmpdir(), 'path-')); writeFileSync(join(dir, p.file), p.text);
  const t = performance.now();
  let err = '';
  try { await buildBrief({ inputs: [dir], analyze: { date: '2026-03-04', summaryWords: 150, keyQuotes: 6 }, output: { outDir: join(dir, 'out'), formats: ['pdf','md','json'], pageSize: 'A4' } }); } catch (e) { err = e.message.slice(0, 100); }
  console.log(p.name.padEnd(20), Math.round(performance.now() - t), 'ms', err);
  rmSync(dir, { recursive: true, force: true });
}
