/**
 * Regression: a JSON article whose title was 5,000 nested arrays (or whose source was 50,000 nested
 * objects) overflowed the stack in the JSON reader: exit 1. Now a field is looked into two levels deep
 * (`[{ "name": … }]`) and no further; the article is read from its other fields.
 */
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/index.js';

const read = (json: string) => readSource('deep.json', new TextEncoder().encode(json), '2026-03-04');

describe('regression: a deeply nested JSON field', () => {
  it('reads the article when its title is nested 5,000 arrays deep', () => {
    const r = read(`{"title": ${'['.repeat(5000)}"Ferry back"${']'.repeat(5000)}, "content": "The ferry returned to service on Monday."}`);
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]!.meta.title).toBeUndefined();
    expect(r.sources[0]!.blocks.map((b) => b.text)).toEqual(['The ferry returned to service on Monday.']);
  });

  it('reads the article when its source is nested 50,000 objects deep', () => {
    const r = read(`{"content": "The ferry returned to service on Monday.", "source": ${'{"name": '.repeat(50_000)}"Gazette"${'}'.repeat(50_000)}}`);
    expect(r.sources).toHaveLength(1);
  });

  it('still reads a list of names and a { name } object', () => {
    const r = read('{"title": "Ferry back", "author": [{"name": "Ana Costa"}, "Ben Ode"], "source": {"name": "Gazette"}, "content": "The ferry returned on Monday."}');
    expect(r.sources[0]!.meta).toMatchObject({ author: 'Ana Costa, Ben Ode', outlet: 'Gazette' });
  });
});
