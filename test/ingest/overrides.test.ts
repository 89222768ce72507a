import { describe, expect, it } from 'vitest';
import { BriefwrightError } from '../../src/errors.js';
import { applyOverrides, isOverrideFileName, parseOverrides, type LocatedSource } from '../../src/ingest/overrides.js';

function configError(text: string, path = 'in/sources.json'): BriefwrightError {
  try {
    parseOverrides(text, path, `/data/${path}`);
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error('expected a CONFIG error');
}

function located(absolute: string): LocatedSource {
  return {
    absolute,
    source: { path: absolute, format: 'text', encoding: 'utf-8', sha256: '', meta: { title: 'Found' }, metaOrigin: { title: 'headline' }, blocks: [] },
  };
}

describe('parseOverrides', () => {
  it('reads JSON and YAML into per-file metadata, keys relative to the file', () => {
    const json = parseOverrides('{ "a.txt": { "outlet": "Hill News", "published": "2022-03-14" } }', 'in/sources.json', '/data/in/sources.json');
    expect(json.dir).toBe('/data/in');
    expect(json.entries.get('a.txt')).toEqual({ outlet: 'Hill News', published: '2022-03-14' });

    const yaml = parseOverrides('b.md:\n  title: A title\n  url: https://x.example/b\n', 'in/sources.yaml', '/data/in/sources.yaml');
    expect(yaml.entries.get('b.md')).toEqual({ title: 'A title', url: 'https://x.example/b' });
  });

  it('names the file and line of a JSON syntax error', () => {
    const error = configError('{\n  "a.txt": { "outlet": "X", }\n}');
    expect(error.code).toBe('CONFIG');
    expect(error.message).toMatch(/^in\/sources\.json:2: not valid JSON/);
  });

  it('names the file, line and key of an unknown field', () => {
    const error = configError('{\n  "a.txt": {\n    "outlet": "X",\n    "publisher": "Y"\n  }\n}');
    expect(error.code).toBe('CONFIG');
    expect(error.message).toBe('in/sources.json:4: "a.txt": unknown field "publisher" (allowed: title, outlet, url, published, author, lang)');
  });

  it('rejects non-string values and bad dates, naming the key', () => {
    expect(configError('{ "a.txt": { "published": 20220221 } }').message).toMatch(/"a\.txt"\.published must be a non-empty string, got 20220221/);
    expect(configError('{ "a.txt": { "published": "2022-02-30" } }').message).toMatch(/"a\.txt"\.published must be a calendar date YYYY-MM-DD, got "2022-02-30"/);
    expect(configError('{ "a.txt": "Hill News" }').message).toMatch(/"a\.txt" must be an object of fields/);
    expect(configError('[1, 2]').message).toMatch(/must map file names to metadata/);
  });

  it('names the line of a YAML error', () => {
    const error = configError('a.txt:\n  outlet: [unclosed\n', 'in/sources.yaml');
    expect(error.message).toMatch(/^in\/sources\.yaml:\d+: not valid YAML/);
  });
});

describe('applyOverrides', () => {
  it('overrides fields with origin "override" and warns about keys that match no input', () => {
    const file = parseOverrides('{ "a.txt": { "title": "Given" }, "gone.txt": { "outlet": "X" } }', 'in/sources.json', '/data/in/sources.json');
    const sources = [located('/data/in/a.txt'), located('/data/in/b.txt')];
    const warnings = applyOverrides([file], sources, () => false);
    expect(sources[0]?.source.meta).toEqual({ title: 'Given' });
    expect(sources[0]?.source.metaOrigin).toEqual({ title: 'override' });
    expect(sources[1]?.source.meta).toEqual({ title: 'Found' });
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'override-unmatched', source: 'in/sources.json', position: { field: 'gone.txt' }, reason: expect.stringMatching(/no such file/) }),
    ]);
  });

  it('lets the overrides file nearest to a source win', () => {
    const outer = parseOverrides('{ "sub/a.txt": { "outlet": "Outer" } }', 'sources.json', '/data/sources.json');
    const inner = parseOverrides('{ "a.txt": { "outlet": "Inner" } }', 'sub/sources.json', '/data/sub/sources.json');
    const sources = [located('/data/sub/a.txt')];
    expect(applyOverrides([inner, outer], sources, () => true)).toEqual([]);
    expect(sources[0]?.source.meta.outlet).toBe('Inner');
  });

  it('knows its file names', () => {
    expect(['sources.json', 'x/Sources.YAML', 'sources.yml'].map(isOverrideFileName)).toEqual([true, true, true]);
    expect(isOverrideFileName('sources.txt')).toBe(false);
  });
});
