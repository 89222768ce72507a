/**
 * What is and is not a timeline row, one folder per behaviour under test/fixtures/timeline/: the articles in
 * input.json, the rows (with what was left out and the date warnings) in expected.json.
 * `UPDATE_GOLDEN=1 npx vitest run test/analyze/timeline-fixtures.test.ts` rewrites the expected files;
 * read the diff before committing them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { projectRoot } from '../helpers/cli.js';
import { documentOf } from '../helpers/documents.js';

interface Input {
  about: string;
  date: string;
  sources: Array<{ id: string; outlet: string; published: string; paragraphs: string[] }>;
}

const root = join(projectRoot, 'test', 'fixtures', 'timeline');
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('timeline rows (test/fixtures/timeline)', () => {
  for (const name of readdirSync(root).sort()) {
    const input = JSON.parse(readFileSync(join(root, name, 'input.json'), 'utf8')) as Input;
    it(`${name}: ${input.about}`, () => {
      const documents = input.sources.map((s) => documentOf(s.id, { outlet: s.outlet, published: s.published }, s.paragraphs));
      const { briefing, warnings } = analyze(documents, { date: input.date, summaryWords: 150, keyQuotes: 4 });
      const actual = {
        timeline: briefing.timeline.map((e) => ({ start: e.start, end: e.end, text: e.text, sources: e.sources, scheduled: e.scheduled })),
        leftOut: briefing.timelineLeftOut,
        dateWarnings: warnings.filter((w) => w.kind.startsWith('date-')).map((w) => ({ kind: w.kind, reason: w.reason })),
      };
      const path = join(root, name, 'expected.json');
      if (update) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(path)) throw new Error(`${path} is missing: write it with UPDATE_GOLDEN=1 and review it`);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
