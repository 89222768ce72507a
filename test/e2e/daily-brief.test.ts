/**
 * A daily brief: the same story built again the next morning with one new source. What the new source adds
 * leads the brief; built from the same files with no earlier brief, the corroborated background would.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrief, type BriefResult } from '../../src/brief.js';
import { tempDir } from '../helpers/cli.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'daily');
const DAY_ONE = ['day1-valley-courier.txt', 'day1-county-wire.txt'];
const DAY_TWO = [...DAY_ONE, 'day2-northshore-post.txt'];

function articles(files: string[]): string {
  const dir = tempDir('daily-');
  for (const f of files) copyFileSync(join(fixtures, f), join(dir, f));
  return dir;
}

function build(files: string[], date: string, outDir: string, progress: string[] = []): Promise<BriefResult> {
  return buildBrief({
    inputs: [articles(files)],
    analyze: { date, title: 'Harwell gas leak', summaryWords: 60, keyQuotes: 4 },
    output: { outDir, formats: ['json'], pageSize: 'A4' },
    onProgress: (m) => progress.push(m),
  });
}

describe('a daily brief leads with what is new since the last one', () => {
  let daily: BriefResult;
  let fresh: BriefResult;
  const progress: string[] = [];

  beforeAll(async () => {
    const archive = tempDir('daily-archive-');
    await build(DAY_ONE, '2031-06-02', archive);
    daily = await build(DAY_TWO, '2031-06-03', archive, progress);
    fresh = await build(DAY_TWO, '2031-06-03', tempDir('daily-fresh-'));
  });

  it('leads with the new source\'s fact, citing it', () => {
    expect(daily.briefing.summary[0]!.text).toMatch(/cracked valve/);
    expect(daily.briefing.summary[0]!.sources).toEqual(['S3']);
    expect(progress.some((m) => /what 1 new source add to 2031-06-02 v1/.test(m))).toBe(true);
  });

  it('leads with the corroborated background when there is no earlier brief', () => {
    expect(fresh.briefing.summary[0]!.text).not.toMatch(/cracked valve/);
    expect(fresh.briefing.summary[0]!.sources.length).toBeGreaterThan(1);
  });
});
