import { describe, expect, it } from 'vitest';
import { readText, textBlocks } from '../../src/ingest/text.js';

const read = (text: string, referenceDate = '2025-05-15') => readText({ path: 'story.txt', text, referenceDate });

describe('textBlocks', () => {
  it('splits paragraphs on blank lines and records 1-based lines', () => {
    expect(textBlocks('First paragraph here.\n\n\nSecond one.\n')).toEqual([
      { text: 'First paragraph here.', role: 'paragraph', line: 1 },
      { text: 'Second one.', role: 'paragraph', line: 4 },
    ]);
  });

  it('joins hard-wrapped lines with a space', () => {
    const wrapped = [
      'The ferry company said on Monday that it would cut the number of',
      'sailings between the two islands from six a day to four, blaming a',
      'shortage of crew.',
    ].join('\n');
    expect(textBlocks(wrapped)).toEqual([
      {
        text: 'The ferry company said on Monday that it would cut the number of sailings between the two islands from six a day to four, blaming a shortage of crew.',
        role: 'paragraph',
        line: 1,
      },
    ]);
  });

  it('makes each bullet a list item, with or without indentation, and keeps its line', () => {
    const text = 'Key points\n  • Sailings are cut to four a day.\n- Fares stay the same.\n* Freight is not affected.';
    expect(textBlocks(text)).toEqual([
      { text: 'Key points', role: 'paragraph', line: 1 },
      { text: 'Sailings are cut to four a day.', role: 'list-item', line: 2 },
      { text: 'Fares stay the same.', role: 'list-item', line: 3 },
      { text: 'Freight is not affected.', role: 'list-item', line: 4 },
    ]);
  });

  it('keeps lines apart when the first one did not reach the wrap width (caption above caption-with-credit)', () => {
    const text = [
      'A crane lifts a container at the port, Friday, May 2, 2025',
      'A crane lifts a container at the port, Friday, May 2, 2025Lena Ortiz/Harbour Photo Agency',
    ].join('\n');
    expect(textBlocks(text).map((b) => b.line)).toEqual([1, 2]);
  });

  it('treats whitespace-only lines, including no-break spaces, as paragraph breaks', () => {
    expect(textBlocks('One.\n\u00a0\nTwo.').map((b) => b.text)).toEqual(['One.', 'Two.']);
  });
});

describe('readText', () => {
  it('finds headline, byline and date, and keeps byline lines as blocks', () => {
    const { articles, warnings } = read(
      'Museum returns stolen painting\n\nBy Arts desk\nPublished Monday, June 2, 2025\n\nThe museum said the painting was found in a private collection.',
    );
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      format: 'text',
      meta: { title: 'Museum returns stolen painting', author: 'Arts desk', published: '2025-06-02' },
      metaOrigin: { title: 'headline', author: 'byline', published: 'byline' },
    });
    expect(articles[0]?.blocks.map((b) => b.role)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('strips a dateline and takes its date and outlet', () => {
    const { articles } = read('DUNMORE, Ireland, May 14 (Western Wire) - The county council approved the new bridge on Wednesday after a long debate.', '2025-05-15');
    expect(articles[0]?.meta).toEqual({ published: '2025-05-14', outlet: 'Western Wire' });
    expect(articles[0]?.blocks[0]?.text).toBe('The county council approved the new bridge on Wednesday after a long debate.');
  });

  it('reads a "Title:/Source:/Date:" header as metadata and starts the body after it', () => {
    const { articles } = read('Title: Ferry fares to rise\nSource: Island Mail\nDate: 2025-05-12\nURL: https://mail.example/fares\n\nFares will rise by 6% in June, the operator said.');
    expect(articles[0]).toMatchObject({
      meta: { title: 'Ferry fares to rise', outlet: 'Island Mail', published: '2025-05-12', url: 'https://mail.example/fares' },
      metaOrigin: { title: 'header-fields', outlet: 'header-fields', published: 'header-fields', url: 'header-fields' },
      blocks: [{ text: 'Fares will rise by 6% in June, the operator said.', role: 'paragraph', line: 6 }],
    });
  });

  it('does not take one "Word: text" line for a header', () => {
    const { articles } = read('Update: the ferry will now sail at noon.\n\nMore details later.');
    expect(articles[0]?.meta).toEqual({});
    expect(articles[0]?.blocks[0]?.text).toBe('Update: the ferry will now sail at noon.');
  });

  it('returns no article for text without words', () => {
    expect(read('* * *\n\n---\n').articles).toEqual([]);
  });
});
