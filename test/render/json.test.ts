import { describe, expect, it } from 'vitest';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { withSupport } from '../../src/analyze/support.js';
import type { Briefing } from '../../src/model/briefing.js';
import { jsonWriter, parseBriefingJson } from '../../src/render/json.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { expectGolden } from '../helpers/golden.js';

const context: RenderContext = { version: 1, generator: 'briefwright test', pageSize: 'A4' };

async function jsonText(briefing: Briefing): Promise<string> {
  return new TextDecoder().decode((await jsonWriter.write(briefing, context)).bytes);
}

/** The same Briefing with every object's keys inserted in reverse, as a careless analyzer might build it. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

function thrown(fn: () => unknown): BriefwrightError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error('expected a BriefwrightError');
}

describe('jsonWriter', () => {
  it('matches the golden briefing.json', async () => {
    await expectGolden(await jsonText(sampleBriefing()), 'render/sample.json');
  });

  it('writes schemaVersion first, 2-space indent, one trailing newline, UTF-8 without escapes', async () => {
    const text = await jsonText(sampleBriefing());
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "title": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).toContain('Київ delegation & Αθήνα');
    expect(jsonWriter).toMatchObject({ format: 'json', extension: 'json', mediaType: 'application/json' });
  });

  it('uses the model key order whatever order the objects were built in', async () => {
    expect(await jsonText(reversedKeys(sampleBriefing()))).toBe(await jsonText(sampleBriefing()));
  });

  it('writes only the model fields, and "entry" only when a source has one', async () => {
    const briefing = sampleBriefing();
    Object.assign(briefing, { scratch: 'not part of the format' });
    briefing.sources[1]!.entry = 2;
    const parsed = JSON.parse(await jsonText(briefing));
    expect(parsed).not.toHaveProperty('scratch');
    expect(Object.keys(parsed.sources[1])).toEqual([
      'id', 'path', 'entry', 'title', 'outlet', 'url', 'published', 'author', 'format', 'sha256', 'origin',
    ]);
    expect(parsed.sources[0]).not.toHaveProperty('entry');
  });

  it('is deterministic: the same Briefing gives the same bytes', async () => {
    const a = await jsonWriter.write(sampleBriefing(), context);
    const b = await jsonWriter.write(sampleBriefing(), { ...context, version: 7 });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.warnings).toEqual([]);
  });
});

describe('parseBriefingJson', () => {
  it('reads back what the writer wrote, support computed for items that lacked it', async () => {
    expect(parseBriefingJson(await jsonText(sampleBriefing()))).toEqual(withSupport(sampleBriefing()));
  });

  it('gives a file written before origins one origin per outlet, and each source its origin', () => {
    const { origins: _, ...rest } = sampleBriefing();
    const old = { ...rest, sources: rest.sources.map(({ origin: _o, ...s }) => s) };
    const read = parseBriefingJson(JSON.stringify(old));
    expect(read.origins.map((o) => [o.id, o.label, o.sources, o.basis])).toEqual([
      ['O1', 'Coast Gazette', ['S1'], 'own'],
      ['O2', 'Meridian Wire', ['S2'], 'own'],
      ['O3', 'outlet unknown', ['S3'], 'own'],
    ]);
    expect(read.sources.map((s) => s.origin)).toEqual(['O1', 'O2', 'O3']);
  });

  it('accepts a byte-order mark', async () => {
    expect(parseBriefingJson(`\uFEFF${await jsonText(sampleBriefing())}`).title).toBe(sampleBriefing().title);
  });

  it('refuses another schemaVersion by name, as a CONFIG error', () => {
    const text = JSON.stringify({ ...sampleBriefing(), schemaVersion: 2 });
    const error = thrown(() => parseBriefingJson(text));
    expect(error.code).toBe(ErrorCode.CONFIG);
    expect(error.message).toBe('briefing.json has schemaVersion 2; this briefwright reads version 1');
  });

  it('refuses a missing schemaVersion, naming the file it was given', () => {
    const { schemaVersion: _, ...rest } = sampleBriefing();
    const error = thrown(() => parseBriefingJson(JSON.stringify(rest), 'out/harbour/2023-03-09/v1/briefing.json'));
    expect(error.code).toBe(ErrorCode.CONFIG);
    expect(error.message).toBe(
      'out/harbour/2023-03-09/v1/briefing.json has no schemaVersion; this briefwright reads version 1',
    );
  });

  it('refuses text that is not JSON, not an object, or lacks a section', () => {
    expect(thrown(() => parseBriefingJson('{"schemaVersion": 1,')).message).toMatch(/^briefing\.json is not valid JSON/);
    expect(thrown(() => parseBriefingJson('[1]')).message).toMatch(/is not a briefing/);
    const { timeline: _, ...rest } = sampleBriefing();
    const error = thrown(() => parseBriefingJson(JSON.stringify(rest)));
    expect(error.code).toBe(ErrorCode.CONFIG);
    expect(error.message).toBe('briefing.json has no "timeline" list');
  });
});
