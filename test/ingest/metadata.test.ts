import { describe, expect, it } from 'vitest';
import { isIsoDate, normalizeDate } from '../../src/ingest/dates.js';
import {
  findBylines,
  findDateline,
  findHeadline,
  findSyndication,
  findTextMetadata,
  splitSiteName,
  type ArticleDraft,
} from '../../src/ingest/metadata.js';
import type { Block } from '../../src/model/source.js';

function draftOf(...texts: (string | Block)[]): ArticleDraft {
  const blocks = texts.map((t, i): Block => (typeof t === 'string' ? { text: t, role: 'paragraph', line: 1 + 2 * i } : t));
  return { meta: {}, metaOrigin: {}, blocks };
}

const BODY = 'The harbour board voted on Monday to close the old pier to vehicles from next month, citing safety concerns.';

describe('normalizeDate', () => {
  it('keeps the calendar date an ISO timestamp states, whatever its offset', () => {
    expect(normalizeDate('2025-05-13T23:20:00-04:00', '2025-05-20')).toBe('2025-05-13');
    expect(normalizeDate('2025-05-13T00:10:00+09:00', '2025-05-20')).toBe('2025-05-13');
    expect(normalizeDate('2025-05-13', '2025-05-20')).toBe('2025-05-13');
  });

  it('reads compact YYYYMMDD dates from meta tags', () => {
    expect(normalizeDate('20250513', '2025-05-20')).toBe('2025-05-13');
    expect(normalizeDate('20251399', '2025-05-20')).toBeUndefined();
  });

  it('reads written dates with chrono', () => {
    expect(normalizeDate('Tuesday, May 13, 2025', '2025-05-20')).toBe('2025-05-13');
    expect(normalizeDate('13 May 2025 10:05 BST', '2025-05-20')).toBe('2025-05-13');
    expect(normalizeDate('Tue, 13 May 2025 10:00:00 GMT', '2025-05-20')).toBe('2025-05-13');
  });

  it('gives a year-less date the year that puts it on or before the reference date', () => {
    expect(normalizeDate('Oct. 21', '2024-10-21')).toBe('2024-10-21');
    expect(normalizeDate('Dec. 30', '2025-01-04')).toBe('2024-12-30');
    expect(normalizeDate('March 3', '2024-10-21')).toBe('2024-03-03');
  });

  it('allows a few days of slack after the reference date', () => {
    expect(normalizeDate('Jan. 6', '2025-01-03')).toBe('2025-01-06');
    expect(normalizeDate('Jan. 30', '2025-01-03')).toBe('2024-01-30');
  });

  it('finds no date in a weekday, a time or an impossible ISO date', () => {
    expect(normalizeDate('Thursday', '2025-05-20')).toBeUndefined();
    expect(normalizeDate('08:15 GMT', '2025-05-20')).toBeUndefined();
    expect(normalizeDate('2025-02-30', '2025-05-20')).toBeUndefined();
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-3')).toBe(false);
  });
});

describe('findDateline', () => {
  it.each([
    ['CASTLEFORD, England, Oct. 21 (Moorland News) - ', { published: '2024-10-21', outlet: 'Moorland News' }],
    ['BRISTOL (AP) — ', { outlet: 'AP' }],
    ['LISBON, March 3 (Reuters) - ', { published: '2024-03-03', outlet: 'Reuters' }],
    ['NEW YORK, June 2, 2024 — ', { published: '2024-06-02' }],
    ['ST. PAUL, Minn. -- ', {}],
  ])('takes "%s" off the first paragraph', (prefix, meta) => {
    const draft = draftOf(prefix + BODY);
    findDateline(draft, '2024-10-21');
    expect(draft.blocks[0]?.text).toBe(BODY);
    expect(draft.meta).toEqual(meta);
  });

  it('leaves prose that merely starts with a name alone', () => {
    const texts = ['Officials said - after a pause - that the pier would close.', 'Apple - the company, not the fruit - said it would open a store in the town centre.'];
    for (const text of texts) {
      const draft = draftOf(text);
      findDateline(draft, '2024-10-21');
      expect(draft.blocks[0]?.text).toBe(text);
      expect(draft.meta).toEqual({});
    }
  });

  it('looks past a headline and byline to the first paragraph, and never overrides a declared field', () => {
    const draft = draftOf('By Sam Carter | May 13, 2025 | 4 min read', `HULL (Estuary Wire) - ${BODY}`);
    draft.meta.outlet = 'Declared Outlet';
    findDateline(draft, '2025-05-15');
    expect(draft.blocks[1]?.text).toBe(BODY);
    expect(draft.meta.outlet).toBe('Declared Outlet');
  });
});

describe('findBylines', () => {
  it('takes the author and a date from a piped byline', () => {
    const draft = draftOf('By Nina Gale and Raj Patel | May 13, 2025 | 5 min read', BODY);
    findBylines(draft, '2025-05-15');
    expect(draft.meta).toEqual({ author: 'Nina Gale and Raj Patel', published: '2025-05-13' });
    expect(draft.metaOrigin).toEqual({ author: 'byline', published: 'byline' });
    expect(draft.blocks[0]?.text).toBe('By Nina Gale and Raj Patel | May 13, 2025 | 5 min read');
  });

  it('takes the date from a Published line, and an Updated line only as a last resort', () => {
    const published = draftOf('Updated May 14, 2025', 'Published: Tuesday, May 13, 2025', BODY);
    findBylines(published, '2025-05-15');
    expect(published.meta.published).toBe('2025-05-13');

    const updatedOnly = draftOf('Updated 08:15 GMT, May 14, 2025', BODY);
    findBylines(updatedOnly, '2025-05-15');
    expect(updatedOnly.meta.published).toBe('2025-05-14');

    const timeOnly = draftOf('Updated 08:15 GMT', BODY);
    findBylines(timeOnly, '2025-05-15');
    expect(timeOnly.meta.published).toBeUndefined();
  });

  it('takes a line that is only a date', () => {
    const draft = draftOf('Tuesday, 13 May 2025 10:05 BST', BODY);
    findBylines(draft, '2025-05-15');
    expect(draft.meta.published).toBe('2025-05-13');
  });

  it('does not read a sentence starting with "By" as a byline', () => {
    const draft = draftOf('By the end of the week, crews had cleared the road and reopened both lanes to traffic.');
    findBylines(draft, '2025-05-15');
    expect(draft.meta.author).toBeUndefined();
  });
});

describe('findHeadline', () => {
  it('takes a short first line set apart by a blank line as the title and marks it a heading', () => {
    const draft = draftOf('Pier to close to cars from next month', BODY);
    findHeadline(draft);
    expect(draft.meta.title).toBe('Pier to close to cars from next month');
    expect(draft.metaOrigin.title).toBe('headline');
    expect(draft.blocks[0]?.role).toBe('heading');
    expect(draft.blocks).toHaveLength(2);
  });

  it('refuses a first line that ends with a full stop, runs on without a blank line, or is a byline', () => {
    const sentence = draftOf('The pier will close.', BODY);
    const runOn: ArticleDraft = {
      meta: {},
      metaOrigin: {},
      blocks: [
        { text: 'A pier seen from the beach on Monday', role: 'paragraph', line: 1 },
        { text: BODY, role: 'paragraph', line: 2 },
      ],
    };
    const byline = draftOf('By Harbour Reporter', BODY);
    for (const draft of [sentence, runOn, byline]) {
      findHeadline(draft);
      expect(draft.meta.title).toBeUndefined();
      expect(draft.blocks[0]?.role).toBe('paragraph');
    }
  });

  it('accepts a headline with a byline right under it, and a headline that starts with "Updated"', () => {
    const withByline: ArticleDraft = {
      meta: {},
      metaOrigin: {},
      blocks: [
        { text: 'Updated guidance issued for flood-hit schools', role: 'paragraph', line: 1 },
        { text: 'By Education staff', role: 'paragraph', line: 2 },
        { text: BODY, role: 'paragraph', line: 4 },
      ],
    };
    findTextMetadata(withByline, '2025-05-15');
    expect(withByline.meta).toEqual({ title: 'Updated guidance issued for flood-hit schools', author: 'Education staff' });
    expect(withByline.blocks.map((b) => b.role)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('is skipped when a title is already declared', () => {
    const draft = draftOf('Short standfirst without a stop', BODY);
    draft.meta.title = 'Declared';
    findTextMetadata(draft, '2025-05-15');
    expect(draft.meta.title).toBe('Declared');
    expect(draft.blocks[0]?.role).toBe('paragraph');
  });
});

describe('findSyndication', () => {
  it.each([
    ['Read the original article on Quayside Journal', 'Quayside Journal'],
    ['This article originally appeared in The Lantern.', 'The Lantern'],
    ['Originally published by Coast Radio', 'Coast Radio'],
  ])('"%s" names the outlet', (line, outlet) => {
    const draft = draftOf(BODY, line);
    findSyndication(draft);
    expect(draft.meta.outlet).toBe(outlet);
    expect(draft.metaOrigin.outlet).toBe('read-original');
    expect(draft.blocks[1]?.text).toBe(line);
  });
});

describe('splitSiteName', () => {
  it('strips a suffix or prefix naming the site', () => {
    expect(splitSiteName('Pier to close | Harbour Times', 'Harbour Times')).toEqual({ title: 'Pier to close' });
    expect(splitSiteName('Pier to close - The Harbour Times', 'Harbour Times')).toEqual({ title: 'Pier to close' });
    expect(splitSiteName('Harbour Times — Pier to close', 'Harbour Times')).toEqual({ title: 'Pier to close' });
  });

  it('keeps a dash that belongs to the headline', () => {
    expect(splitSiteName('Pier to close - for good', 'Harbour Times')).toEqual({ title: 'Pier to close - for good' });
    expect(splitSiteName('Pier to close - for good', undefined)).toEqual({ title: 'Pier to close - for good' });
  });

  it('takes a short pipe suffix as the site name when none is declared', () => {
    expect(splitSiteName('Pier to close next month | Harbour Times', undefined)).toEqual({ title: 'Pier to close next month', site: 'Harbour Times' });
  });
});
