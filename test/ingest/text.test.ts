import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { findTextHeader } from '../../src/ingest/text-header.js';
import { readText, textBlocks } from '../../src/ingest/text.js';
import type { Article } from '../../src/ingest/types.js';
import type { Paragraph } from '../../src/model/source.js';

const read = (text: string, referenceDate = '2025-05-15') => readText({ path: 'story.txt', text, referenceDate });

/** One folder per behaviour under test/fixtures/text-headers/: source.txt, and expected.json beside it. */
const TEXT_HEADERS = fileURLToPath(new URL('../fixtures/text-headers/', import.meta.url));

/**
 * expected.json: what the case is about and its reference date (written by hand), then what readText makes of
 * source.txt and the paragraphs cleaning keeps (`UPDATE_GOLDEN=1` rewrites these; review the diff).
 */
interface TextHeaderExpected {
  about: string;
  referenceDate: string;
  meta?: Article['meta'];
  metaOrigin?: Article['metaOrigin'];
  blocks?: Article['blocks'];
  /** Role and text of the paragraphs left after cleaning: a header's lines are never 'paragraph' here. */
  kept?: Array<Pick<Paragraph, 'role' | 'text'>>;
}

type Outcome = Omit<TextHeaderExpected, 'about' | 'referenceDate'>;

function outcomeOf(article: Article): Outcome {
  const source = { id: 'S1', path: 'source.txt', encoding: 'utf-8', sha256: '', ...article };
  const kept = (clean([source]).documents[0]?.paragraphs ?? []).map(({ role, text }) => ({ role, text }));
  return { meta: article.meta, metaOrigin: article.metaOrigin, blocks: article.blocks, kept };
}

function readExpected(path: string): TextHeaderExpected {
  return JSON.parse(readFileSync(path, 'utf8')) as TextHeaderExpected;
}

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

describe('readText on text headers (test/fixtures/text-headers/<case>/)', () => {
  const cases = readdirSync(TEXT_HEADERS).sort();

  it('finds its fixture folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(cases)('%s', (name) => {
    const path = join(TEXT_HEADERS, name, 'expected.json');
    const { about, referenceDate } = readExpected(path);
    const text = readFileSync(join(TEXT_HEADERS, name, 'source.txt'), 'utf8');

    it(about, () => {
      const { articles, warnings } = readText({ path: 'source.txt', text, referenceDate });
      expect(warnings).toEqual([]);
      expect(articles).toHaveLength(1);
      const actual = outcomeOf(articles[0]!);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, `${JSON.stringify({ about, referenceDate, ...actual }, null, 2)}\n`);
      const { meta, metaOrigin, blocks, kept } = readExpected(path);
      expect(actual).toEqual({ meta, metaOrigin, blocks, kept });
    });
  });
});

describe('findTextHeader', () => {
  const header = (text: string) => findTextHeader(text.split('\n'), 1, '2031-03-10');

  it('takes a masthead only above a headline with a byline or date line under it', () => {
    expect(header('Coast Gazette\nHarbour bridge closes for repairs\nBy Mara Lind\n\nThe bridge will close.')).toMatchObject({
      fields: [
        { field: 'outlet', value: 'Coast Gazette', origin: 'masthead' },
        { field: 'title', value: 'Harbour bridge closes for repairs', origin: 'headline' },
      ],
      lines: 3,
    });
    expect(header('Coast Gazette\nHarbour bridge closes for repairs\n\nThe bridge will close.').lines).toBe(0);
  });

  it('does not take a sentence-case headline for a masthead above a standfirst', () => {
    expect(header('Harbour bridge closes for repairs\nEngineers found cracks in two supports\nBy Mara Lind').fields).toEqual([]);
  });

  it('does not take a date line for a masthead', () => {
    const { fields } = header('3 March 2031\nHarbour bridge closes for repairs\nBy Mara Lind');
    expect(fields.map((f) => f.field)).not.toContain('outlet');
  });

  it('reads a site address as the outlet, without its scheme', () => {
    expect(header('https://www.coastgazette.example/\nHarbour bridge closes for repairs\nBy Mara Lind').fields[0]).toEqual({
      field: 'outlet',
      value: 'www.coastgazette.example',
      origin: 'masthead',
    });
  });

  it('needs a name and a date in a byline without "By"', () => {
    expect(header('Harbour bridge closes for repairs\nMara Lind | 3 March 2031').fields).toContainEqual({
      field: 'published',
      value: '2031-03-03',
      origin: 'byline',
    });
    expect(header('Harbour bridge closes for repairs\nMara Lind | Transport').lines).toBe(0);
    expect(header('Harbour bridge closes for repairs\nthe council said | 3 March 2031').lines).toBe(0);
  });

  it('counts the blank lines inside the header, so the body starts after its last line', () => {
    expect(header('\nCoast Gazette\n\nHarbour bridge closes for repairs\n\nPublished 3 March 2031\n\nThe bridge will close.')).toMatchObject({
      blocks: [
        { text: 'Harbour bridge closes for repairs', role: 'heading', line: 4 },
        { text: 'Published 3 March 2031', role: 'paragraph', line: 6 },
      ],
      lines: 6,
    });
  });
});
