/**
 * Regression: "URL: bridge" in a text header (or any address without a scheme) went into briefing.json,
 * which the brief's own schema then rejected. Now a reader leaves such a URL out with a warning, a
 * sources.json override with one is a config error, and the Briefing never carries one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { readSource } from '../../src/ingest/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { documentOf } from '../helpers/documents.js';

describe('regression: a URL that is no address', () => {
  it('is left out of a text source, with a warning naming the field', () => {
    const r = readSource('a.txt', new TextEncoder().encode('Title: Ferry back\nURL: bridge\n\nThe ferry returned to service on Monday.\n'), '2026-03-04');
    expect(r.sources[0]!.meta.url).toBeUndefined();
    const warned = r.warnings.find((w) => w.position?.field === 'url');
    expect(warned?.reason).toBe('"bridge" is not an absolute URL; the source is listed without one');
  });

  it('keeps real addresses', () => {
    const r = readSource('a.txt', new TextEncoder().encode('Title: Ferry back\nURL: https://gazette.example/ferry\n\nThe ferry returned to service on Monday.\n'), '2026-03-04');
    expect(r.sources[0]!.meta.url).toBe('https://gazette.example/ferry');
  });

  it('is null in the Briefing when a source made in code carries one', () => {
    const doc = documentOf('S1', { url: 'é', title: 'Ferry back' }, ['The ferry returned to service on Monday.']);
    expect(analyze([doc], { date: '2026-03-04', summaryWords: 50, keyQuotes: 2 }).briefing.sources[0]!.url).toBeNull();
  });

  it('in sources.json is a config error with its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Ferry back\n\nThe ferry returned to service on Monday.\n');
    writeFileSync(join(dir, 'sources.json'), '{\n  "a.txt": { "url": "ferry-page" }\n}\n');
    const r = runCli(['build', dir, '--out', join(dir, 'out'), '--date', '2026-03-04', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('sources.json:2: "a.txt".url must be an absolute URL');
  });
});
