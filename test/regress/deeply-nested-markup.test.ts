/**
 * Regression: an HTML file of 100,000 nested elements overflowed the call stack in the HTML reader
 * (an internal error for the whole build) after minutes inside Readability. Now markup nested past a
 * bound is refused by name before it is parsed, markup merely deep is read without Readability, and the
 * brief is built from the other files either way.
 */
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/index.js';
import { MAX_MARKUP_DEPTH } from '../../src/ingest/dom.js';
import { MAX_READABILITY_DEPTH } from '../../src/ingest/html.js';
import { buildWithHostile, warningsAbout } from '../helpers/hostile.js';

const nested = (depth: number, inner: string) =>
  `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;

describe('regression: deeply nested markup', () => {
  it('refuses 100,000 nested elements by name and builds the brief from the other file', () => {
    const build = buildWithHostile({ 'deep.html': nested(100_000, '<p>Deep text.</p>') });
    expect(build.stderr).not.toContain('internal error');
    expect(build.status).toBe(0);
    const rejected = warningsAbout(build, 'deep.html', 'input-rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toContain(`nested more than ${MAX_MARKUP_DEPTH.toLocaleString('en')} elements deep`);
    expect(build.version).toBeDefined();
  });

  it('under --strict, fails with the input exit status naming the file', () => {
    const build = buildWithHostile({ 'deep.html': nested(100_000, '<p>Deep text.</p>') }, ['--strict']);
    expect(build.status).toBe(5);
    expect(build.stderr).toContain('deep.html');
  });

  it('reads markup deeper than Readability can take, without it, and says so', () => {
    const depth = MAX_READABILITY_DEPTH * 4;
    const text = '<p>The lighthouse keeper said the lamp would be relit on Tuesday after repairs.</p>';
    const read = readSource('deep.html', new TextEncoder().encode(nested(depth, text)), '2026-03-04');
    expect(read.sources).toHaveLength(1);
    expect(read.sources[0]!.blocks.map((b) => b.text)).toContain('The lighthouse keeper said the lamp would be relit on Tuesday after repairs.');
    expect(read.warnings.map((w) => w.kind)).toContain('input-simplified');
  });

  it('counts only elements that nest: void elements and optional end tags do not deepen a page', () => {
    const flat = `<html><body>${'<p>One more paragraph of a long page<br><img src="x.png">'.repeat(MAX_MARKUP_DEPTH * 2)}</body></html>`;
    const read = readSource('long.html', new TextEncoder().encode(flat), '2026-03-04');
    expect(read.warnings.filter((w) => w.kind === 'input-rejected')).toEqual([]);
    expect(read.sources).toHaveLength(1);
  });
});
