import { describe, expect, it } from 'vitest';
import { comparisonKey, dedupeWithinSource, findCrossSourceRepeats } from '../../src/clean/dedupe.js';
import type { Document, Source } from '../../src/model/source.js';

const para = (text: string) => ({ text });
const long1 = 'The port authority said the ferry would not sail again until inspectors had examined its damaged hull.';
const long2 = 'Passengers were moved to a chartered vessel within two hours, and nobody was hurt, the operator said.';
const long3 = 'Engineers will begin work on the cracked supports in April, and the bridge will reopen in the summer.';

function doc(id: string, texts: string[]): Document {
  const source: Source = { id, path: `${id}.txt`, format: 'text', encoding: 'utf-8', sha256: '', meta: {}, metaOrigin: {}, blocks: [] };
  return { source, paragraphs: texts.map((text, i) => ({ index: i + 1, text, role: 'paragraph' })) };
}

describe('comparisonKey', () => {
  it('folds case, spacing, punctuation and quote styles', () => {
    expect(comparisonKey('“It’s over,”  she SAID.')).toBe(comparisonKey('"It\'s over" she said'));
  });

  it('keeps apostrophes inside words and digits', () => {
    expect(comparisonKey("The crew's 2 boats — 'ready'.")).toBe("the crew's 2 boats ready");
  });
});

describe('dedupeWithinSource', () => {
  it('drops a later identical paragraph and points at the first', () => {
    const items = [para(long1), para(long2), para(long1)];
    const { kept, dropped } = dedupeWithinSource(items);
    expect(kept).toEqual([items[0], items[1]]);
    expect(dropped).toEqual([{ item: items[2], copyOf: items[0] }]);
  });

  it('treats a whole body printed twice as one body', () => {
    const body = [long1, long2, long3].map(para);
    const twice = [...body, ...[long1, long2, long3].map(para)];
    const { kept, dropped } = dedupeWithinSource(twice);
    expect(kept.map((k) => k.text)).toEqual([long1, long2, long3]);
    expect(dropped.map((d) => d.copyOf)).toEqual(body);
  });

  it('matches copies that differ only in quotes, case and punctuation', () => {
    const a = para('“We will reopen the crossing in May,” the operator’s chief executive told reporters on Friday.');
    const b = para('"We will reopen the crossing in May" the operator\'s chief executive told reporters on Friday');
    expect(dedupeWithinSource([a, b]).kept).toEqual([a]);
  });

  it('keeps repeated labels and list lines: they are the page\'s structure, not a copy', () => {
    const items = [para('Eat every two to three hours'), para('Tickets: Harbour Office'), para('Eat every two to three hours'), para('Tickets: Harbour Office')];
    expect(dedupeWithinSource(items).kept).toEqual(items);
  });

  it('matches near-identical copies (one word changed in a long paragraph)', () => {
    const a = para(long1);
    const b = para(long1.replace('damaged', 'broken'));
    expect(dedupeWithinSource([a, b]).kept).toEqual([a]);
  });

  it('keeps paragraphs that share less than 90% of their words', () => {
    const a = para(long1);
    const b = para('The port authority said the ferry would sail again once inspectors had signed off the repairs.');
    expect(dedupeWithinSource([a, b]).kept).toEqual([a, b]);
  });

  it('keeps short paragraphs that differ by one word, and very short identical ones', () => {
    const items = [para('Two people died.'), para('Three people died.'), para('Yes.'), para('Yes.')];
    expect(dedupeWithinSource(items).kept).toEqual(items);
  });

  it('drops identical short lines of three words or more', () => {
    const items = [para('Nobody was hurt.'), para('Nobody was hurt.')];
    expect(dedupeWithinSource(items).kept).toEqual([items[0]]);
  });

  it('keeps thousands of distinct paragraphs that share most of their words with others', () => {
    // Deterministic pseudo-random paragraphs of 15 words from a 500-word vocabulary: many candidate pairs,
    // no near-duplicates. (Its speed is measured by npm run bench, not here.)
    let seed = 7;
    const nextWord = () => `w${(seed = (seed * 48271) % 2147483647) % 500}`;
    const items = Array.from({ length: 4000 }, () => para(Array.from({ length: 15 }, nextWord).join(' ')));
    expect(dedupeWithinSource(items).kept.length).toBe(4000);
  });
});

describe('findCrossSourceRepeats', () => {
  it('groups the same paragraph carried by several sources, in source and paragraph order', () => {
    const docs = [doc('S1', [long1, long2]), doc('S2', [long3, long2.toUpperCase()]), doc('S3', [long2, long1])];
    expect(findCrossSourceRepeats(docs)).toEqual([
      [{ source: 'S1', paragraph: 1 }, { source: 'S3', paragraph: 2 }],
      [{ source: 'S1', paragraph: 2 }, { source: 'S2', paragraph: 2 }, { source: 'S3', paragraph: 1 }],
    ]);
  });

  it('reports nothing when no paragraph is shared', () => {
    expect(findCrossSourceRepeats([doc('S1', [long1]), doc('S2', [long2])])).toEqual([]);
  });
});
