/**
 * What is and is not a timeline row, one folder per behaviour under test/fixtures/timeline/ (see
 * helpers/story-fixtures.ts): the rows, what was left out and the date warnings.
 * `UPDATE_GOLDEN=1 npx vitest run test/analyze/timeline-fixtures.test.ts` rewrites the expected files.
 */
import { describe, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { storyCases } from '../helpers/story-fixtures.js';

describe('timeline rows (test/fixtures/timeline)', () => {
  for (const story of storyCases('timeline')) {
    it(`${story.name}: ${story.about}`, () => {
      const { briefing, warnings } = analyze(story.documents, { date: story.date, summaryWords: 150, keyQuotes: 4 });
      story.matchesExpected({
        timeline: briefing.timeline.map((e) => ({ start: e.start, end: e.end, text: e.text, sources: e.sources, scheduled: e.scheduled })),
        leftOut: briefing.timelineLeftOut,
        dateWarnings: warnings.filter((w) => w.kind.startsWith('date-')).map((w) => ({ kind: w.kind, reason: w.reason })),
      });
    });
  }
});
