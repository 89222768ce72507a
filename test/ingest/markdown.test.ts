import { describe, expect, it } from 'vitest';
import { markdownBlocks, readMarkdown } from '../../src/ingest/markdown.js';

const read = (text: string, referenceDate = '2025-05-15') => readMarkdown({ path: 'note.md', text, referenceDate });

describe('readMarkdown front matter', () => {
  it('reads title, outlet aliases, url, date and author, with line numbers after the front matter', () => {
    const { articles, warnings } = read(
      '---\ntitle: Park reopens\nsource: Northside Bulletin\nlink: https://bulletin.example/park\ndate: 13 May 2025\nauthors: [Ana Costa, Ben Ode]\n---\nThe park reopened on Tuesday.\n',
    );
    expect(warnings).toEqual([]);
    expect(articles[0]).toMatchObject({
      format: 'markdown',
      meta: { title: 'Park reopens', outlet: 'Northside Bulletin', url: 'https://bulletin.example/park', published: '2025-05-13', author: 'Ana Costa, Ben Ode' },
      metaOrigin: { title: 'front-matter', outlet: 'front-matter', url: 'front-matter', published: 'front-matter', author: 'front-matter' },
      blocks: [{ text: 'The park reopened on Tuesday.', role: 'paragraph', line: 8 }],
    });
  });

  it('warns about front matter that is not YAML and still reads the body', () => {
    const { articles, warnings } = read('---\ntitle: [unclosed\n---\n\nThe park reopened on Tuesday.\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'metadata-missing', source: 'note.md', position: { line: expect.any(Number) } });
    expect(articles[0]?.blocks.map((b) => b.text)).toEqual(['The park reopened on Tuesday.']);
  });

  it('takes the first level-1 heading as title when the front matter has none', () => {
    const { articles } = read('## Kicker\n\n# Park reopens after flood\n\nThe park reopened on Tuesday.');
    expect(articles[0]?.meta.title).toBe('Park reopens after flood');
    expect(articles[0]?.metaOrigin.title).toBe('heading');
  });
});

describe('markdownBlocks', () => {
  it('reads headings, paragraphs, list items and block quotes with their lines', () => {
    const { blocks, title } = markdownBlocks(
      'Title here\n==========\n\nA paragraph\nwrapped over two lines.\n\n1. first\n2) second\n   continued\n\n> quoted\n> still quoted\n\n---\n\n### Small heading ###\n',
    );
    expect(title).toBe('Title here');
    expect(blocks).toEqual([
      { text: 'Title here', role: 'heading', line: 1 },
      { text: 'A paragraph wrapped over two lines.', role: 'paragraph', line: 4 },
      { text: 'first', role: 'list-item', line: 7 },
      { text: 'second continued', role: 'list-item', line: 8 },
      { text: 'quoted still quoted', role: 'blockquote', line: 11 },
      { text: 'Small heading', role: 'heading', line: 16 },
    ]);
  });

  it('turns images into caption blocks holding their alt text', () => {
    const { blocks } = markdownBlocks('![Crowds at the gate](gate.jpg "The gate")\n\nThe gates opened at nine ![icon](i.png).');
    expect(blocks).toEqual([
      { text: 'Crowds at the gate', role: 'caption', line: 1 },
      { text: 'The gates opened at nine.', role: 'paragraph', line: 3 },
      { text: 'icon', role: 'caption', line: 3 },
    ]);
  });

  it('reads an HTML block inside Markdown as HTML', () => {
    const { blocks } = markdownBlocks('<figure><img src="a.jpg"><figcaption>Smoke over the depot</figcaption></figure>\n\nText.');
    expect(blocks).toEqual([
      { text: 'Smoke over the depot', role: 'caption', line: 1 },
      { text: 'Text.', role: 'paragraph', line: 3 },
    ]);
  });
});

describe('inline syntax becomes plain text', () => {
  it.each([
    ['**Bold** and __strong__ and *em* and _under_', 'Bold and strong and em and under'],
    ['A [link](https://x.example "t") and a [ref][1]', 'A link and a ref'],
    ['Code `x = 1` and ~~gone~~', 'Code x = 1 and gone'],
    ['snake_case_name stays and 5 * 3 = 15', 'snake_case_name stays and 5 * 3 = 15'],
    ['Escaped \\*stars\\* stay', 'Escaped *stars* stay'],
    ['AT&amp;T &ldquo;said&rdquo; &#8364;5', 'AT&T “said” €5'],
    ['Hard  \nbreak', 'Hard\nbreak'],
  ])('%s', (input, output) => {
    expect(markdownBlocks(input).blocks.map((b) => b.text)).toEqual([output]);
  });
});
