/**
 * Regression: an HTML file of 100,000 nested elements overflowed the call stack in the HTML reader (an
 * internal error for the whole build) after minutes inside Readability. Now markup nested deeper than real
 * pages ever are is read flattened: its text kept, its nesting gone, with a warning naming the file.
 */
import { describe, expect, it } from 'vitest';
import { flattenMarkup, markupDepth, MAX_MARKUP_DEPTH } from '../../src/ingest/dom.js';
import { readSource } from '../../src/ingest/index.js';
import { buildWithHostile, warningsAbout } from '../helpers/hostile.js';

const story = 'The lighthouse keeper said the lamp would be relit on Tuesday after repairs.';
const nested = (depth: number, tag = 'div') =>
  `<html><head><title>Lamp relit</title><meta name="author" content="Ines Roth"></head><body>${`<${tag}>`.repeat(depth)}<p>${story}</p>${`</${tag}>`.repeat(depth)}</body></html>`;

describe('regression: deeply nested markup', () => {
  it('reads 100,000 nested elements flattened, keeps the story and builds the brief', () => {
    const build = buildWithHostile({ 'deep.html': nested(100_000) });
    expect(build.stderr).not.toContain('internal error');
    expect(build.status).toBe(0);
    expect(warningsAbout(build, 'deep.html', 'input-rejected')).toEqual([]);
    const simplified = warningsAbout(build, 'deep.html', 'input-simplified');
    expect(simplified).toHaveLength(1);
    expect(simplified[0]!.reason).toContain(`nested more than ${MAX_MARKUP_DEPTH} elements deep`);
  });

  for (const tag of ['div', 'span', 'blockquote', 'b']) {
    it(`keeps the text, title and metadata of a page nested 20,000 deep in <${tag}>`, () => {
      const read = readSource('deep.html', new TextEncoder().encode(nested(20_000, tag)), '2026-03-04');
      expect(read.sources).toHaveLength(1);
      expect(read.sources[0]!.blocks.map((b) => b.text).join(' ')).toContain(story);
      expect(read.sources[0]!.meta).toMatchObject({ title: 'Lamp relit', author: 'Ines Roth' });
    });
  }

  it('flattens to paragraphs: block elements break text, scripts and styles go with their content', () => {
    const flat = flattenMarkup('<div><div><p>One</p><script>var x = "<p>";</script><div>Two <b>bold</b></div></div><style>p{}</style>Three</div>');
    expect(markupDepth(flat)).toBeLessThanOrEqual(4);
    expect(flat).not.toContain('var x');
    expect(flat).not.toContain('p{}');
    expect(flat.replace(/<[^>]+>/g, '|')).toMatch(/One\|+Two bold\|+Three/);
  });

  it('counts only elements that nest: void elements and optional end tags do not deepen a page', () => {
    const long = `<html><body>${'<p>One more paragraph of a long page<br><img src="x.png">'.repeat(MAX_MARKUP_DEPTH * 4)}</body></html>`;
    expect(markupDepth(long)).toBe(2);
    const read = readSource('long.html', new TextEncoder().encode(long), '2026-03-04');
    expect(read.warnings.map((w) => w.kind)).not.toContain('input-simplified');
  });
});
