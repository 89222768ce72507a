import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefwrightError } from '../../src/errors.js';
import { ingest, readers, readSource } from '../../src/ingest/index.js';
import type { Source } from '../../src/model/source.js';
import type { Warning } from '../../src/model/warning.js';
import { expectedOf, fixture, tempCopy } from './fixtures.js';

/** Fixture folders whose expected.json lists the Source fields ingest must produce. */
const EXPECTED_FIXTURES = [
  'wire-dateline',
  'byline-published',
  'read-original',
  'html-meta',
  'html-fragments-txt',
  'front-matter',
  'news-api',
  'overrides',
  'overrides-yaml',
];

/** "dir/feed.json#2" names entry 2 of feed.json; paths are compared by their tail. */
function findSource(sources: Source[], key: string): Source | undefined {
  const [file = key, entry] = key.split('#');
  return sources.find((s) => s.path.endsWith(`/${file}`) && (entry === undefined || s.entry === Number(entry)));
}

/** The fixture's own expected.json is in the folder too; it is not an article, and its warning is not under test. */
function withoutExpectedFile(warnings: Warning[]): Warning[] {
  return warnings.filter((w) => !w.source?.endsWith('/expected.json'));
}

async function caught(promise: Promise<unknown>): Promise<BriefwrightError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error('expected a BriefwrightError');
}

describe('ingest fixture folders (expected.json)', () => {
  it.each(EXPECTED_FIXTURES)('%s', async (name) => {
    const expected = expectedOf(name);
    const { sources, warnings } = await ingest([fixture(name)], { referenceDate: expected.referenceDate });
    expect(sources.map((s) => s.id)).toEqual(sources.map((_, i) => `S${i + 1}`));
    expect(sources).toHaveLength(Object.keys(expected.sources).length);
    for (const [key, fields] of Object.entries(expected.sources)) {
      const source = findSource(sources, key);
      expect(source, `source ${key}`).toBeDefined();
      expect(source).toMatchObject(fields);
    }
    const rest = withoutExpectedFile(warnings);
    expect(rest).toHaveLength(expected.warnings?.length ?? 0);
    for (const want of expected.warnings ?? []) {
      const { source, ...fields } = want;
      expect(rest).toContainEqual(expect.objectContaining({ ...fields, source: expect.stringMatching(new RegExp(`/${source}$`)) }));
    }
  });
});

describe('ingest', () => {
  it('reads what it can from a mixed folder and reports the rest', async () => {
    const dir = tempCopy('mixed-folder');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café owners welcome “the plan”\n\nThey said so on Friday.', 'utf16le')]));
    writeFileSync(join(dir, 'legacy.txt'), Buffer.from('\x93We waited years,\x94 a trader said of the \x80900,000 roof.', 'latin1'));

    const { sources, warnings } = await ingest([dir], { referenceDate: '2025-05-15' });
    expect(sources.map((s) => [s.id, s.path.slice(dir.length + 1), s.format, s.encoding])).toEqual([
      ['S1', 'good.txt', 'text', 'utf-8'],
      ['S2', 'legacy.txt', 'text', 'windows-1252'],
      ['S3', 'sub/nested.md', 'markdown', 'utf-8'],
      ['S4', 'utf16.txt', 'text', 'utf-16le'],
    ]);
    expect(sources[1]?.blocks[0]?.text).toBe('“We waited years,” a trader said of the €900,000 roof.');
    expect(sources[3]?.meta.title).toBe('Café owners welcome “the plan”');
    expect(sources[0]?.sha256).toBe(createHash('sha256').update(readFileSync(join(dir, 'good.txt'))).digest('hex'));

    const byFile = warnings.map((w) => [w.kind, w.source?.slice(dir.length + 1), w.reason]);
    expect(byFile).toEqual(
      expect.arrayContaining([
        ['input-rejected', 'photo.png', 'unsupported type (.png)'],
        ['input-rejected', 'binary.txt', expect.stringMatching(/binary/)],
        ['input-rejected', 'empty.txt', 'empty file'],
        ['input-rejected', 'blank.txt', expect.stringMatching(/empty/)],
        ['encoding-guessed', 'legacy.txt', expect.stringMatching(/windows-1252/)],
      ]),
    );
    expect(warnings).toHaveLength(5);
    expect(JSON.stringify(sources)).not.toMatch(/never be read|Not read either/);
  });

  it('shows paths relative to the working folder', async () => {
    const { sources } = await ingest(['test/fixtures/ingest/wire-dateline/wire.txt'], { referenceDate: '2023-10-03' });
    expect(sources[0]?.path).toBe(join('test', 'fixtures', 'ingest', 'wire-dateline', 'wire.txt'));
  });

  it('throws CONFIG naming sources.json and the line for malformed JSON', async () => {
    const error = await caught(ingest([fixture('overrides-malformed')], { referenceDate: '2025-05-15' }));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toMatch(/overrides-malformed\/sources\.json:2: not valid JSON/);
  });

  it('throws CONFIG naming the unknown field', async () => {
    const error = await caught(ingest([fixture('overrides-unknown-field')], { referenceDate: '2025-05-15' }));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toMatch(/sources\.json:4: "a\.txt": unknown field "publisher"/);
  });

  it('throws NO_SOURCES listing why each input failed when nothing could be read', async () => {
    const dir = fixture('mixed-folder');
    const error = await caught(ingest([join(dir, 'empty.txt'), join(dir, 'no-such.txt')], { referenceDate: '2025-05-15' }));
    expect(error.code).toBe('NO_SOURCES');
    expect(error.message).toMatch(/empty\.txt: empty file/);
    expect(error.message).toMatch(/no-such\.txt: no such file or folder/);
  });

  it('refuses a reference date that is not YYYY-MM-DD', async () => {
    const error = await caught(ingest([fixture('wire-dateline')], { referenceDate: '15/11/2024' }));
    expect(error.code).toBe('USAGE');
  });
});

describe('readSource', () => {
  it('is pure on bytes: same bytes, same result, sha256 of the bytes', () => {
    const bytes = new TextEncoder().encode('Dam inspection due\n\nThe dam will be inspected next week, officials said.');
    const first = readSource('dam.txt', bytes, '2025-05-15');
    expect(readSource('dam.txt', bytes, '2025-05-15')).toEqual(first);
    expect(first.sources[0]).toMatchObject({ path: 'dam.txt', format: 'text', encoding: 'utf-8', meta: { title: 'Dam inspection due' } });
    expect(first.sources[0]?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('has one reader per format', () => {
    expect(Object.keys(readers).sort()).toEqual(['html', 'json', 'markdown', 'text']);
  });
});
