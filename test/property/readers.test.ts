/**
 * Properties of readSource (src/ingest/index.ts), pure on bytes: whatever a file holds, it gives sources or
 * an input-rejected warning naming the file — never an exception — and only well-formed Unicode.
 * Run counts and seed: settings.ts.
 */
import fc from 'fast-check';
import { afterAll, describe } from 'vitest';
import { articleBytes, articleText, BAD_BYTES, briefingDate, deeplyNested, encode, fileName, hostile, paragraph, plainParagraph, type Encoding } from './arbitraries.js';
import { check, checkReadResult } from './invariants.js';
import { Sandbox } from './sandbox.js';
import { itHolds, show } from './settings.js';

/** The longest a single file may take to read: far above any real one (milliseconds), so only a runaway trips it. */
const MAX_READ_MS = 10_000;

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

/** readSource under the time limit, its result checked against the contract. */
async function read(path: string, bytes: Uint8Array, date: string) {
  const result = await sandbox.read(path, bytes, date, MAX_READ_MS);
  checkReadResult(path, bytes, result);
  return result;
}

/** The bad sequences that are invalid UTF-8 anywhere in a file (not NUL or ASCII controls, not a BOM). */
const INVALID_UTF8 = BAD_BYTES.filter((b) => b[0]! >= 0x80 && !(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf));

describe('readSource on hostile input', () => {
  itHolds(
    'turns arbitrary bytes into sources or an input-rejected warning naming the file, never an exception',
    fc.record({ name: fileName, bytes: fc.uint8Array({ maxLength: 3_000 }), date: briefingDate }),
    async ({ name, bytes, date }) => {
      await read(name, bytes, date);
    },
    { runs: 150, msPerRun: 50 },
  );

  itHolds(
    'reads any string in any encoding, returning only well-formed Unicode',
    fc.record({
      name: fileName,
      text: fc.array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 200 }), paragraph), { minLength: 1, maxLength: 8 }).map((p) => p.join(' ')),
      encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'windows-1252'),
      date: briefingDate,
    }),
    async ({ name, text, encoding, date }) => {
      await read(name, encode(text, encoding), date);
    },
    { runs: 100, msPerRun: 100 },
  );

  itHolds(
    'reads article-shaped files of every format, however hostile, into well-formed sources',
    fc.record({ name: fileName, file: articleBytes, date: briefingDate }),
    async ({ name, file, date }) => {
      await read(name, file.bytes, date);
    },
    { runs: 100, msPerRun: 300 },
  );

  itHolds(
    'reads the same bytes the same way every time, as a pure function should',
    fc.record({ file: articleText, date: briefingDate }),
    async ({ file, date }) => {
      const bytes = encode(file.text, 'utf-8');
      const first = JSON.stringify(await read('same.txt', bytes, date));
      check(JSON.stringify(await read('same.txt', bytes, date)) === first, 'a second read of the same bytes gave another result');
    },
    { runs: 30, msPerRun: 300 },
  );

  itHolds(
    'reads markup nested deeper than the call stack without overflowing it',
    deeplyNested,
    async (file) => {
      const result = await read(`deep.${file.format === 'markdown' ? 'md' : file.format}`, encode(file.text, 'utf-8'), '2024-03-04');
      // The story sits at the bottom of the nesting: it must come through, not just "no exception".
      const text = result.sources.flatMap((s) => s.blocks.map((b) => b.text)).join(' ');
      check(text.includes('The bridge was closed on Monday'), `the story inside ${file.depth}-deep ${file.kind} was lost`);
    },
    { runs: 10, msPerRun: 10_000 },
  );

  itHolds(
    'reads UTF-8 text with a few invalid bytes as UTF-8, with U+FFFD for those bytes only',
    fc.record({
      paragraphs: fc.array(plainParagraph, { minLength: 2, maxLength: 5 }),
      accents: fc.array(fc.constantFrom('é', 'ü', 'ñ', 'ø', '€', '—', '“', '”', 'Ł', 'ç'), { minLength: 5, maxLength: 20 }),
      bad: fc.array(fc.tuple(fc.constantFrom(...INVALID_UTF8), fc.double({ min: 0.05, max: 1, noNaN: true })), { minLength: 1, maxLength: 3 }),
    }),
    async ({ paragraphs, accents, bad }) => {
      // Well-formed text with accented words all through it, and up to three invalid sequences between words.
      const words = `Bridge closed ${accents.join(' ')}\n\n${paragraphs.join('\n\n')}`.split(' ');
      const good = new TextEncoder();
      const parts: number[][] = words.map((w) => [...good.encode(w)]);
      for (const [bytes, at] of bad) parts.splice(Math.max(1, Math.floor(at * parts.length)), 0, bytes);
      const bytes = Uint8Array.from(parts.flatMap((p, i) => (i === 0 ? p : [0x20, ...p])));
      const result = await read('mostly-utf8.txt', bytes, '2024-03-04');
      const source = result.sources[0];
      check(source !== undefined, 'no source read');
      check(source.encoding === 'utf-8', `read as ${source.encoding}, not UTF-8 (warnings: ${show(result.warnings.map((w) => w.reason))})`);
      const text = source.blocks.map((b) => b.text).join(' ');
      for (const accent of accents) check(text.includes(accent), `"${accent}" did not survive decoding`);
      check(text.includes('\uFFFD'), 'the invalid bytes left no U+FFFD');
    },
    { runs: 30, msPerRun: 100 },
  );
});
