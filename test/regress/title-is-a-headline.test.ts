/**
 * Regression (issue 13, "No repetition"): with no source headline the brief's title was the bottom line's whole
 * sentence, and the archive folder was named after it; source headlines kept their outlet suffix when the
 * reader had not split it off. Now the title is a headline of at most twelve words: the sources' own, cleaned,
 * or one written from the bottom line without its attribution, time phrases and trailing clauses.
 */
import { describe, expect, it } from 'vitest';
import { headlineFrom } from '../../src/analyze/headline/derive.js';
import { ingest } from '../../src/ingest/index.js';
import { buildBriefing } from '../../src/pipeline.js';

const options = { date: '2031-03-14', summaryWords: 150, keyQuotes: 6 };

async function briefOf(folder: string) {
  const { sources } = await ingest([`test/fixtures/title/${folder}`], { referenceDate: options.date });
  return buildBriefing(sources, options).briefing;
}

describe('regression: the title is a headline', () => {
  it('takes the sources’ most central headline, without an outlet suffix the reader left on it', async () => {
    const briefing = await briefOf('with-headlines');
    // The front matter's title still carries " | Harbour Courier": front matter is taken as written.
    expect(briefing.sources.map((s) => s.title)).toContain('Marren ferry runs aground off Kestrel Point, all passengers rescued | Harbour Courier');
    expect(briefing.title).toBe('Marren ferry runs aground off Kestrel Point, all passengers rescued');
  });

  it('writes one from the bottom line when no source has a headline: short, and not the bottom line', async () => {
    const briefing = await briefOf('without-headlines');
    const bottomLine = briefing.summary[0]!.text;
    expect(briefing.sources.every((s) => s.title === null)).toBe(true);
    expect(briefing.title).toBe(headlineFrom(bottomLine));
    expect(briefing.title).not.toBe(bottomLine);
    expect(briefing.title.split(/\s+/).length).toBeLessThanOrEqual(12);
    expect(briefing.title).not.toMatch(/\b(?:said|Monday|Wednesday)\b|[.,;:]$/);
  });
});
