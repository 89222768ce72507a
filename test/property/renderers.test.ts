/**
 * Properties of the writers (src/render/index.ts `writers`): any Briefing the schema accepts renders in every
 * format without an exception, deterministically; Markdown is valid UTF-8 with only the templates' structure;
 * JSON is schema-valid and parses back to the Briefing; the PDF passes `qpdf --check` and pdftotext reads
 * valid UTF-8 out of it (few runs: the tools are slow). Run counts and seed: settings.ts.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe } from 'vitest';
import { SCHEMA_VERSION, type Briefing } from '../../src/model/briefing.js';
import { bannerProblem } from '../../src/render/theme.js';
import type { OutputFormat, RenderContext } from '../../src/render/types.js';
import { runTool, writeTempPdf } from '../helpers/pdf-tools.js';
import { articleBytesShortWords, briefingDate, codeBriefing, codeBriefingShortWords, hostile, maybe } from './arbitraries.js';
import { check, checkMarkdown, checkSchema, checkWarnings, illFormedStrings, strictUtf8 } from './invariants.js';
import { Sandbox } from './sandbox.js';
import { itHolds, show } from './settings.js';

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

const context: fc.Arbitrary<RenderContext> = fc
  .record({
    version: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 9_999 })),
    pageSize: fc.constantFrom('A4' as const, 'Letter' as const),
    banner: maybe(hostile.filter((b) => bannerProblem(b) === null), 1 / 4),
  })
  .map(({ banner, ...rest }): RenderContext => ({ ...rest, generator: 'briefwright property test', ...(banner === undefined ? {} : { banner: banner.trim() }) }));

/** Hostile files to build a briefing from, and a briefing made in code for when they build none. */
const builtInputs = fc.record({ files: fc.array(articleBytesShortWords, { minLength: 1, maxLength: 3 }), date: briefingDate, fallback: codeBriefingShortWords });

/** The briefing the pipeline builds from the files (when it builds one), else the fallback. */
async function briefingFrom({ files, date, fallback }: { files: Array<{ format: string; bytes: Uint8Array }>; date: string; fallback: Briefing }): Promise<Briefing> {
  const drafts = [];
  for (const [i, f] of files.entries()) {
    try {
      drafts.push(...(await sandbox.read(`in/${i}.${f.format}`, f.bytes, date)).sources);
    } catch {
      continue; // readers.test.ts reports readers that throw
    }
  }
  if (drafts.length === 0) return fallback;
  try {
    const built = await sandbox.build(drafts.map((d, i) => ({ id: `S${i + 1}`, ...d })), { date, summaryWords: 150, keyQuotes: 6 });
    return built.briefing;
  } catch {
    return fallback; // analysis.test.ts reports builds that throw
  }
}

/** Write a briefing in one format: never an exception, warnings of known kinds, the same bytes twice. */
async function write(format: OutputFormat, briefing: Briefing, ctx: RenderContext, twice: boolean, limitMs?: number): Promise<Uint8Array> {
  const first = await sandbox.write(format, briefing, ctx, limitMs);
  checkWarnings(first.warnings, `${format} writer`, illFormedStrings(briefing).length === 0);
  if (twice) {
    const second = await sandbox.write(format, briefing, ctx);
    check(Buffer.from(second.bytes).equals(Buffer.from(first.bytes)), `the ${format} writer gave other bytes for the same briefing`);
  }
  return first.bytes;
}

function checkPdfBytes(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(-32)).toString('latin1');
  check(head.startsWith('%PDF-'), `the PDF does not start with %PDF-: ${show(head)}`);
  check(/%%EOF\s*$/.test(tail), 'the PDF does not end with %%EOF');
}

/** What a reader's tools make of the PDF: qpdf finds no error, pdftotext reads valid UTF-8 text. */
function checkPdfTools(bytes: Uint8Array): void {
  const file = writeTempPdf(bytes);
  try {
    const qpdf = runTool('qpdf', ['--check', file]);
    check(qpdf.status === 0, `qpdf --check exits ${qpdf.status}: ${show(qpdf.stderr + qpdf.stdout, 600)}`);
    const r = runTool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    check(r.status === 0, `pdftotext exits ${r.status}: ${show(r.stderr, 600)}`);
    // runTool decodes as UTF-8 with replacement: decode the raw bytes strictly instead.
    const raw = runToolBytes('pdftotext', ['-enc', 'UTF-8', file, '-']);
    strictUtf8(raw, 'pdftotext output');
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

/** A tool's standard output as bytes, undecoded. */
function runToolBytes(command: string, args: string[]): Uint8Array {
  return spawnSync(command, args, { maxBuffer: 64 * 1024 * 1024 }).stdout;
}

describe('writers on hostile briefings', () => {
  itHolds(
    'write Markdown for any valid briefing: valid UTF-8, the same bytes every time, only the templates\' headings and table cells',
    fc.record({ briefing: codeBriefing, context }),
    async ({ briefing, context }) => {
      checkMarkdown(await write('md', briefing, context, true), briefing);
    },
    { runs: 40, msPerRun: 300 },
  );

  itHolds(
    'write JSON for any valid briefing that the schema accepts and that parses back to the same briefing',
    fc.record({ briefing: codeBriefing, context }),
    async ({ briefing, context }) => {
      const json: unknown = JSON.parse(strictUtf8(await write('json', briefing, context, true), 'briefing.json'));
      checkSchema(json, 'briefing.json');
      check(JSON.stringify(json) === JSON.stringify(briefing), 'briefing.json does not parse back to the briefing');
    },
    { runs: 80, msPerRun: 200 },
  );

  itHolds(
    'write a PDF for any valid briefing without an exception',
    fc.record({ briefing: codeBriefingShortWords, context }),
    async ({ briefing, context }) => {
      checkPdfBytes(await write('pdf', briefing, context, false));
    },
    { runs: 10, msPerRun: 3_000 },
  );

  itHolds(
    'write PDFs that pass qpdf --check, whose text pdftotext reads as valid UTF-8, the same bytes every time',
    fc.record({ briefing: codeBriefingShortWords, context }),
    async ({ briefing, context }) => {
      const bytes = await write('pdf', briefing, context, true);
      checkPdfBytes(bytes);
      checkPdfTools(bytes);
    },
    { runs: 3, msPerRun: 8_000 },
  );

  itHolds(
    'write a PDF within seconds even when a text holds a word of tens of thousands of characters',
    fc.record({
      word: fc.record({ unit: fc.constantFrom('a', 'ä', '中', '😀', 'a\u0301', '-', 'ab'), n: fc.integer({ min: 1_000, max: 40_000 }) }).map(({ unit, n }) => unit.repeat(Math.ceil(n / unit.length))),
      field: fc.constantFrom('title', 'summary', 'quote', 'source title', 'timeline'),
    }),
    async ({ word, field }) => {
      const text = `The bridge closed ${word} on Monday.`;
      const cite = { sources: ['S1'], evidence: [] };
      const briefing: Briefing = {
        schemaVersion: SCHEMA_VERSION,
        title: field === 'title' ? text : 'Bridge closed',
        date: '2024-03-04',
        sources: [{ id: 'S1', path: 'in/a.txt', title: field === 'source title' ? text : 'A', outlet: null, url: null, published: null, author: null, format: 'text', sha256: 'a'.repeat(64), origin: 'O1' }],
        origins: [{ id: 'O1', label: 'outlet unknown', sources: ['S1'], basis: 'own' }],
        summary: field === 'summary' ? [{ text, ...cite }] : [],
        timeline: field === 'timeline' ? [{ start: '2024-03-04', end: '2024-03-04', granularity: 'day', approximate: false, scheduled: false, text, when: 'on Monday', ...cite }] : [],
        quotes: field === 'quote' ? [{ text, speaker: 'Ann', role: null, partial: false, key: true, ...cite }] : [],
        questions: [],
        conflicts: [],
      };
      // Laying out 40,000 characters takes well under a second when the work grows with the text.
      checkPdfBytes(await write('pdf', briefing, { version: 1, generator: 'briefwright property test', pageSize: 'A4' }, false, 10_000));
    },
    { runs: 3, msPerRun: 12_000 },
  );

  itHolds(
    'write every format for briefings built from hostile files',
    fc.record({ inputs: builtInputs, context }),
    async ({ inputs, context }) => {
      const briefing = await briefingFrom(inputs);
      checkMarkdown(await write('md', briefing, context, false), briefing);
      // Whether the briefing itself is schema-valid is analysis.test.ts's question; here, that JSON comes out.
      JSON.parse(strictUtf8(await write('json', briefing, context, false), 'briefing.json'));
      const pdf = await write('pdf', briefing, context, false);
      checkPdfBytes(pdf);
      checkPdfTools(pdf);
    },
    { runs: 2, msPerRun: 20_000 },
  );
});
