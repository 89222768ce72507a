/**
 * Regression: a source published 9999-12-31 put "+010000-01-03" (next Monday) in the timeline, and a
 * dated sentence that was all quotation and attribution gave a row with empty text; both broke the
 * schema of briefing.json. Now dates past year 9999 are no timeline rows, and a row's text falls back
 * to its whole sentence.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { documentOf } from '../helpers/documents.js';

const options = { date: '2026-03-04', summaryWords: 60, keyQuotes: 2 };

describe('regression: timeline rows the schema cannot hold', () => {
  it('leaves out dates counted past year 9999', () => {
    const doc = documentOf('S1', { title: 'Hearing', published: '9999-12-31' }, ['The hearing is scheduled for next Monday, officials said.']);
    const { timeline } = analyze([doc], options).briefing;
    expect(timeline.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.start) && /^\d{4}-\d{2}-\d{2}$/.test(e.end))).toBe(true);
  });

  it('gives a row whose clause was all quotation its whole sentence as text', () => {
    const doc = documentOf('S1', { title: 'Bridge', published: '2024-03-05' }, [
      'A hearing was held on March 1, 2024.',
      '“The bridge is unsafe,” John Smith said the day before.',
    ]);
    const { timeline } = analyze([doc], options).briefing;
    expect(timeline.length).toBeGreaterThan(0);
    for (const e of timeline) expect(e.text.trim().length, JSON.stringify(e)).toBeGreaterThan(0);
  });
});
