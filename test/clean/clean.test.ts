import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import type { Block, Source } from '../../src/model/source.js';

const a = 'The port authority said the ferry would not sail again until inspectors had examined its damaged hull.';
const b = 'Passengers were moved to a chartered vessel within two hours, and nobody was hurt, the operator said.';
const c = 'Engineers will begin work on the cracked supports in April, and the bridge will reopen in the summer.';

function source(id: string, blocks: Block[], extra: Partial<Source> = {}): Source {
  return { id, path: `news/${id}.txt`, format: 'text', encoding: 'utf-8', sha256: '', meta: {}, metaOrigin: {}, blocks, ...extra };
}
const block = (text: string, line?: number): Block => (line === undefined ? { text, role: 'paragraph' } : { text, role: 'paragraph', line });

describe('clean', () => {
  it('numbers surviving paragraphs 1..n and keeps their line and role', () => {
    const { documents } = clean([
      source('S1', [block('By Jane Holm', 1), { text: 'Ferry grounded', role: 'heading', line: 3 }, block(a, 5), block('Advertisement', 7), block(b, 9)]),
    ]);
    expect(documents[0]!.paragraphs).toEqual([
      { index: 1, text: 'Ferry grounded', role: 'heading', line: 3 },
      { index: 2, text: a, role: 'paragraph', line: 5 },
      { index: 3, text: b, role: 'paragraph', line: 9 },
    ]);
  });

  it('records a warning for every dropped block, with path, position and excerpt', () => {
    const { warnings } = clean([source('S1', [block(a, 1), block('Tags: ferries, ports', 3), block('.')])]);
    expect(warnings).toEqual([
      {
        kind: 'boilerplate-dropped',
        stage: 'clean',
        reason: 'Dropped tag or topic list (rule tags).',
        source: 'news/S1.txt',
        position: { line: 3 },
        excerpt: 'Tags: ferries, ports',
      },
      {
        kind: 'boilerplate-dropped',
        stage: 'clean',
        reason: 'Dropped a block with no letters or digits (rule no-words).',
        source: 'news/S1.txt',
        position: { paragraph: 3 },
        excerpt: '.',
      },
    ]);
  });

  it('drops whitespace-only blocks without a warning', () => {
    const { documents, warnings } = clean([source('S1', [block(' \n\t '), block(a), block('\u00A0\u200B')])]);
    expect(documents[0]!.paragraphs.map((p) => p.text)).toEqual([a]);
    expect(warnings).toEqual([]);
  });

  it('drops the second copy of a body printed twice, one warning per dropped paragraph', () => {
    const { documents, warnings } = clean([source('S1', [a, b, c, a, b, c].map((t) => block(t)))]);
    expect(documents[0]!.paragraphs.map((p) => p.text)).toEqual([a, b, c]);
    expect(warnings.map((w) => [w.kind, w.position, w.reason])).toEqual([
      ['duplicate-dropped', { paragraph: 4 }, 'Dropped a repeat of paragraph 1 of the same source.'],
      ['duplicate-dropped', { paragraph: 5 }, 'Dropped a repeat of paragraph 2 of the same source.'],
      ['duplicate-dropped', { paragraph: 6 }, 'Dropped a repeat of paragraph 3 of the same source.'],
    ]);
  });

  it('keeps a paragraph repeated across sources in every source (corroboration)', () => {
    const { documents, warnings } = clean([source('S1', [block(a), block(b)]), source('S2', [block(c), block(a)])]);
    expect(documents.map((d) => d.paragraphs.map((p) => p.text))).toEqual([[a, b], [c, a]]);
    expect(warnings).toEqual([]);
  });

  it('normalises text: invisible characters, odd spaces, NFC', () => {
    const { documents } = clean([source('S1', [block('The caf\u0065\u0301\u00A0owner\u200B said\u00A0“no.”')])]);
    expect(documents[0]!.paragraphs[0]!.text).toBe('The café owner said “no.”');
  });

  it('gives bullet lines of a block their own list-item paragraphs and lines', () => {
    const { documents } = clean([source('S1', [block('• The bridge stays shut.\n• Repairs start in April.', 10)])]);
    expect(documents[0]!.paragraphs).toEqual([
      { index: 1, text: 'The bridge stays shut.', role: 'list-item', line: 10 },
      { index: 2, text: 'Repairs start in April.', role: 'list-item', line: 11 },
    ]);
  });

  it('keeps the entry of a multi-article file in warning positions', () => {
    const { warnings } = clean([source('S1', [block('Advertisement')], { entry: 2 })]);
    expect(warnings[0]!.position).toEqual({ paragraph: 1, entry: 2 });
  });

  it('is deterministic and keeps source order', () => {
    const input = [source('S2', [block(b), block('Share this article')]), source('S1', [block(a)])];
    const first = clean(input);
    expect(clean(input)).toEqual(first);
    expect(first.documents.map((d) => d.source.id)).toEqual(['S2', 'S1']);
  });
});

describe('clean: one-line bullet blocks', () => {
  it('strips the bullet glyph and marks the paragraph as a list item', () => {
    const { documents } = clean([source('S1', [block('• The bridge stays shut until May.', 4)])]);
    expect(documents[0]!.paragraphs).toEqual([{ index: 1, text: 'The bridge stays shut until May.', role: 'list-item', line: 4 }]);
  });
});
