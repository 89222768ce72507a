/**
 * Properties of buildBriefing (src/pipeline.ts: clean + analyze, pure): from any sources, a Briefing the
 * published schema accepts, or a BriefwrightError — never another exception; well-formed Unicode out when
 * it came in; the same Briefing every time. Run counts and seed: settings.ts.
 */
import fc from 'fast-check';
import { afterAll, describe } from 'vitest';
import type { Source } from '../../src/model/source.js';
import type { AnalyzeOptions } from '../../src/options.js';
import { articleBytes, briefingDate, codeSources, fileName, hostile, maybe } from './arbitraries.js';
import { check, checkBriefing, checkWarnings, illFormedStrings } from './invariants.js';
import { LibraryError, Sandbox } from './sandbox.js';
import { itHolds } from './settings.js';

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

const analyzeOptions = fc.record({
  date: briefingDate,
  summaryWords: fc.oneof(fc.constant(150), fc.integer({ min: 20, max: 400 })),
  keyQuotes: fc.oneof(fc.constant(6), fc.integer({ min: 0, max: 12 })),
  title: maybe(hostile, 1 / 4),
}).map(({ title, ...rest }): AnalyzeOptions => (title === undefined || title.trim() === '' ? rest : { ...rest, title }));

/** Sources as `ingest` would number them, from files read by readSource; a file the reader fails on is left out (readers.test.ts covers that). */
async function sourcesOf(files: Array<{ name: string; bytes: Uint8Array }>, date: string): Promise<Source[]> {
  const drafts = [];
  for (const [i, f] of files.entries()) {
    try {
      drafts.push(...(await sandbox.read(`in/${i}-${f.name}`, f.bytes, date)).sources);
    } catch {
      continue;
    }
  }
  return drafts.map((d, i) => ({ id: `S${i + 1}`, ...d }));
}

/** buildBriefing's contract on these sources, run twice to check it is deterministic. */
async function checkBuild(sources: Source[], options: AnalyzeOptions): Promise<void> {
  let first;
  try {
    first = await sandbox.build(sources, options);
  } catch (error) {
    if (error instanceof LibraryError && error.isBriefwrightError) return;
    throw error;
  }
  // Lone surrogates that came in are the reader's to fix (readers.test.ts); ones made here are analysis's.
  const unicode = illFormedStrings(sources).length === 0 && illFormedStrings(options).length === 0;
  checkWarnings(first.warnings, 'buildBriefing', unicode);
  checkBriefing(first.briefing, options.date, unicode);
  const second = await sandbox.build(sources, options);
  check(JSON.stringify(second) === JSON.stringify(first), 'a second build of the same sources gave another briefing');
}

describe('buildBriefing on hostile sources', () => {
  itHolds(
    'builds a schema-valid briefing from any article-shaped files, or says why in a BriefwrightError',
    fc.record({ files: fc.array(fc.record({ name: fileName, file: articleBytes }), { minLength: 1, maxLength: 4 }), options: analyzeOptions }),
    async ({ files, options }) => {
      const sources = await sourcesOf(files.map((f) => ({ name: f.name, bytes: f.file.bytes })), options.date);
      await checkBuild(sources, options);
    },
    { runs: 6, msPerRun: 5_000 },
  );

  itHolds(
    'builds a schema-valid briefing from sources made in code with any Unicode in them',
    fc.record({ sources: codeSources, options: analyzeOptions }),
    async ({ sources, options }) => {
      await checkBuild(sources, options);
    },
    { runs: 10, msPerRun: 2_000 },
  );
});
