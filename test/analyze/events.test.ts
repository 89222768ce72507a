/**
 * One story told by several invented outlets, one folder per behaviour under test/fixtures/events/: the
 * articles in input.json, what the brief must make of them in expected.json (timeline rows, with their date
 * conflicts, and the conflicts found). `UPDATE_GOLDEN=1 npx vitest run test/analyze/events.test.ts` rewrites
 * the expected files; read the diff before committing them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import type { Briefing } from '../../src/model/briefing.js';
import { projectRoot } from '../helpers/cli.js';
import { documentOf } from '../helpers/documents.js';

interface Input {
  about: string;
  date: string;
  sources: Array<{ id: string; outlet: string; published: string; paragraphs: string[] }>;
}

const root = join(projectRoot, 'test', 'fixtures', 'events');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** What a case checks: every timeline row, and each conflict as its values with their sources. */
function observed(b: Briefing) {
  return {
    timeline: b.timeline.map((e) => ({ start: e.start, text: e.text, sources: e.sources, ...(e.conflict ? { conflict: e.conflict } : {}) })),
    conflicts: b.conflicts.map((c) => c.values.map((v) => ({ value: v.value, sources: v.sources }))),
    conflictQuestions: b.questions.filter((q) => q.kind === 'conflict').map((q) => q.text),
  };
}

describe('one story from several outlets (test/fixtures/events)', () => {
  for (const name of readdirSync(root).sort()) {
    const input = JSON.parse(readFileSync(join(root, name, 'input.json'), 'utf8')) as Input;
    it(`${name}: ${input.about}`, () => {
      const documents = input.sources.map((s) => documentOf(s.id, { outlet: s.outlet, published: s.published }, s.paragraphs));
      const { briefing } = analyze(documents, { date: input.date, summaryWords: 150, keyQuotes: 4 });
      const actual = observed(briefing);
      const path = join(root, name, 'expected.json');
      if (update) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(path)) throw new Error(`${path} is missing: write it with UPDATE_GOLDEN=1 and review it`);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
