/**
 * Regression: Markdown quoted 100 levels deep ("> > > …") or a list indented hundreds of spaces lost its
 * text: markdown-it stops reading past its nesting limit. Now such structure is cut back to a depth
 * articles never reach and the text is kept.
 */
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../src/ingest/markdown.js';

const story = 'The bridge was closed on Monday after inspectors found cracks.';

describe('regression: Markdown nested past markdown-it\'s limit', () => {
  it('keeps a quotation nested 5,000 deep, as a quotation', () => {
    const { blocks } = markdownBlocks(`# Bridge\n\n${'> '.repeat(5000)}${story}\n`);
    expect(blocks).toContainEqual(expect.objectContaining({ text: story, role: 'blockquote' }));
  });

  it('keeps list items indented up to 400 spaces', () => {
    const list = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const texts = markdownBlocks(`# Bridge\n\n${list}\n`).blocks.map((b) => b.text).join(' ');
    expect(texts).toContain('item 0');
    expect(texts).toContain('item 199');
  });
});
