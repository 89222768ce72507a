import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/model/briefing.js';
import { jsonWriter } from '../src/render/json.js';
import type { RenderContext } from '../src/render/types.js';
import { sampleBriefing, summaryOnlyBriefing } from './helpers/briefings.js';
import { briefingSchema, validateBriefing } from './helpers/schema.js';

type SchemaNode = Record<string, unknown>;

const schema = briefingSchema as SchemaNode;
const validate = validateBriefing;
const context: RenderContext = { version: 1, generator: 'briefwright test', pageSize: 'A4' };

/** Validate what the JSON writer actually writes, not the in-memory object. */
async function written(briefing = sampleBriefing()): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode((await jsonWriter.write(briefing, context)).bytes));
}

/** Every object schema in the file, with its JSON pointer. */
function objectSchemas(node: unknown, at = '#'): Array<[string, SchemaNode]> {
  if (typeof node !== 'object' || node === null) return [];
  const found: Array<[string, SchemaNode]> = [];
  const record = node as SchemaNode;
  if (record['type'] === 'object') found.push([at, record]);
  for (const [key, child] of Object.entries(record)) found.push(...objectSchemas(child, `${at}/${key}`));
  return found;
}

function def(ref: string): SchemaNode {
  const name = ref.replace('#/$defs/', '');
  return (schema['$defs'] as Record<string, SchemaNode>)[name]!;
}

describe('schema/briefing.schema.json', () => {
  it('is draft 2020-12 and fixes schemaVersion to the model version', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((schema['properties'] as Record<string, SchemaNode>)['schemaVersion']).toMatchObject({ const: SCHEMA_VERSION });
  });

  it('accepts the sample briefing as the JSON writer writes it', async () => {
    expect(validate(await written()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a briefing with only a summary, and a source from a multi-article file', async () => {
    expect(validate(await written(summaryOnlyBriefing())), JSON.stringify(validate.errors)).toBe(true);
    const briefing = sampleBriefing();
    briefing.sources[0]!.entry = 0;
    expect(validate(await written(briefing)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts sources left out as telling another story, and rejects one without its reason', async () => {
    const stray = { id: 'S9', path: 'in/football.txt', title: 'Wanderers win', outlet: null, similarity: 0.02, reason: 'shares few terms with the other 8 sources' };
    const json = (await written({ ...sampleBriefing(), sourcesLeftOut: [stray, { ...stray, id: 'S10', entry: 2 }] })) as { sourcesLeftOut: Array<Record<string, unknown>> };
    expect(json.sourcesLeftOut.map((s) => Object.keys(s))).toEqual([
      ['id', 'path', 'title', 'outlet', 'similarity', 'reason'],
      ['id', 'path', 'entry', 'title', 'outlet', 'similarity', 'reason'],
    ]);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    delete json.sourcesLeftOut[0]!['reason'];
    expect(validate(json)).toBe(false);
    expect(validate.errors?.[0]?.message).toBe("must have required property 'reason'");
    expect(await written({ ...sampleBriefing(), sourcesLeftOut: [] })).not.toHaveProperty('sourcesLeftOut');
  });

  it('rejects a broken briefing, naming each bad field', async () => {
    const broken = (await written()) as Record<string, any>;
    broken.timeline[2].start = '8 March 2023';
    delete broken.quotes[0].speaker;
    broken.summary[0].sources = ['S1', 'source 2'];
    broken.sources[2].published = '2023-02-30';
    broken.questions[0].extra = true;
    expect(validate(broken)).toBe(false);
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/timeline\/2\/start must match pattern/),
        "/quotes/0 must have required property 'speaker'",
        expect.stringMatching(/^\/summary\/0\/sources\/1 must match pattern "\^S\[0-9\]\+\$"/),
        '/sources/2/published must match format "date"',
        '/questions/0 must NOT have additional properties',
      ]),
    );
  });

  it('rejects another schemaVersion and a missing one', async () => {
    const other = { ...((await written()) as object), schemaVersion: 2 };
    expect(validate(other)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/schemaVersion', keyword: 'const' });
    const { schemaVersion: _, ...missing } = (await written()) as Record<string, unknown>;
    expect(validate(missing)).toBe(false);
    expect(validate.errors?.[0]?.message).toBe("must have required property 'schemaVersion'");
  });

  it('accepts a later version with its "What changed" set, and rejects a malformed one', async () => {
    const none = { added: [], dropped: [] };
    const briefing = { ...sampleBriefing(), changes: { since: 1, summary: { added: ['A new point.'], dropped: [] }, timeline: none, quotes: none, questions: none } };
    const json = (await written(briefing)) as { changes: { since: unknown; quotes?: unknown } };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    json.changes.since = 0;
    delete json.changes.quotes;
    expect(validate(json)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual(
      expect.arrayContaining(['/changes must have required property \'quotes\'', '/changes/since must be >= 1']),
    );
  });

  it('closes every object, requires every non-optional field, and describes every field', () => {
    const objects = objectSchemas(schema);
    expect(objects.length).toBeGreaterThanOrEqual(9);
    for (const [at, node] of objects) {
      expect(node['additionalProperties'], at).toBe(false);
      const properties = node['properties'] as Record<string, SchemaNode>;
      const optional = at.endsWith('/sourceEntry') || at.endsWith('/leftOutSource') ? ['entry'] : at.endsWith('/timelineEntry') ? ['conflict'] : at === '#' ? ['changes', 'timelineLeftOut', 'sourcesLeftOut'] : [];
      expect([...(node['required'] as string[])].sort(), at).toEqual(
        Object.keys(properties).filter((k) => !optional.includes(k)).sort(),
      );
      for (const [name, property] of Object.entries(properties)) {
        const ref = property['$ref'];
        const described = property['description'] ?? (typeof ref === 'string' ? def(ref)['description'] : undefined);
        expect(typeof described, `${at}/properties/${name}`).toBe('string');
      }
    }
  });
});
