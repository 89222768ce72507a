import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/ingest/json.js';

const read = (value: unknown, referenceDate = '2025-05-15') =>
  readJson({ path: 'feed.json', text: typeof value === 'string' ? value : JSON.stringify(value), referenceDate });

describe('readJson', () => {
  it('reads a single article object without an entry number', () => {
    const { articles, warnings } = read({
      headline: 'Tram line opens',
      body: 'The new tram line opened on Sunday.\n\nThousands rode it on the first day.',
      link: 'https://trams.example/open',
      datePublished: 'June 1, 2025',
      publisher: { name: 'Metro Weekly' },
      authors: ['Lu Chen', 'Ida Holm'],
    });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toEqual({
      format: 'json',
      meta: { title: 'Tram line opens', outlet: 'Metro Weekly', url: 'https://trams.example/open', published: '2025-06-01', author: 'Lu Chen, Ida Holm' },
      metaOrigin: { title: 'json', outlet: 'json', url: 'json', published: 'json', author: 'json' },
      blocks: [
        { text: 'The new tram line opened on Sunday.', role: 'paragraph' },
        { text: 'Thousands rode it on the first day.', role: 'paragraph' },
      ],
    });
  });

  it('reads a news-API list: strips the truncation marker and the outlet suffix, numbers entries from 1, reports empty ones', () => {
    const { articles, warnings } = read({
      status: 'ok',
      articles: [
        { source: { name: 'Empty Wire' }, title: 'Nothing here', description: null, content: null },
        {
          source: { id: null, name: 'Coast Herald' },
          title: 'Sea wall breached in storm - Coast Herald',
          description: 'The sea wall was breached.',
          publishedAt: '2025-05-13T23:20:00-04:00',
          content: 'The sea wall was breached on Tuesday night as the storm peaked, flooding… [+3012 chars]',
        },
      ],
    });
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'input-rejected', source: 'feed.json', position: { entry: 1 } }),
    ]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      entry: 2,
      meta: { title: 'Sea wall breached in storm', outlet: 'Coast Herald', published: '2025-05-13' },
      blocks: [{ text: 'The sea wall was breached on Tuesday night as the storm peaked, flooding', role: 'paragraph' }],
    });
  });

  it('reads a top-level array, and content holding HTML as HTML', () => {
    const { articles } = read([{ title: 'Pier closed', content: '<p>The pier closed.</p><p>It will <b>reopen</b> in May.</p>' }]);
    expect(articles[0]?.entry).toBe(1);
    expect(articles[0]?.blocks).toEqual([
      { text: 'The pier closed.', role: 'paragraph' },
      { text: 'It will reopen in May.', role: 'paragraph' },
    ]);
  });

  it('keeps a description the content does not repeat, before the content', () => {
    const { articles } = read({ title: 'T', description: 'Standfirst sentence.', content: 'Body sentence.' });
    expect(articles[0]?.blocks.map((b) => b.text)).toEqual(['Standfirst sentence.', 'Body sentence.']);
  });

  it('rejects JSON that holds no article, with a reason', () => {
    const { articles, warnings } = read({ timeline: [], quotes: [] });
    expect(articles).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ kind: 'input-rejected', reason: expect.stringMatching(/no article/) })]);
  });

  it('reports list entries that are not objects', () => {
    const { articles, warnings } = read({ articles: ['just a string', { title: 'Ok', content: 'Fine text.' }] });
    expect(articles.map((a) => a.entry)).toEqual([2]);
    expect(warnings[0]).toMatchObject({ position: { entry: 1 }, reason: expect.stringMatching(/not an article object/) });
  });
});
