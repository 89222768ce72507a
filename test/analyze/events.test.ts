/**
 * One story told by several invented outlets, one folder per behaviour under test/fixtures/events/: the
 * articles in input.json, what the brief must make of them in expected.json (timeline rows, with their date
 * conflicts, and the conflicts found). `UPDATE_GOLDEN=1 npx vitest run test/analyze/events.test.ts` rewrites
 * the expected files; read the diff before committing them.
 */
import { describe, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import type { Briefing } from '../../src/model/briefing.js';
import { storyCases } from '../helpers/story-fixtures.js';

/** What a case checks: every timeline row, and each conflict as its values with their sources. */
function observed(b: Briefing) {
  return {
    timeline: b.timeline.map((e) => ({ start: e.start, text: e.text, sources: e.sources, ...(e.conflict ? { conflict: e.conflict } : {}) })),
    conflicts: b.conflicts.map((c) => c.values.map((v) => ({ value: v.value, sources: v.sources }))),
    conflictQuestions: b.questions.filter((q) => q.kind === 'conflict').map((q) => q.text),
  };
}

describe('one story from several outlets (test/fixtures/events)', () => {
  for (const story of storyCases('events')) {
    it(`${story.name}: ${story.about}`, () => {
      const { briefing } = analyze(story.documents, { date: story.date, summaryWords: 150, keyQuotes: 4 });
      story.matchesExpected(observed(briefing));
    });
  }
});
