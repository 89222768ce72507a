/** What `buildBrief` hands from one stage to the next, checked on the brief it writes. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../src/brief.js';
import { tempDir } from '../helpers/cli.js';

const wire = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'wire-dateline', 'wire.txt');

describe('a wire story whose dateline has no year ("PORTHAVEN, Wales, Oct. 2")', () => {
  it('is dated in the year of the briefing date, and its "on Monday night" from that date', async () => {
    const input = tempDir('dateline-');
    copyFileSync(wire, join(input, 'wire.txt'));
    const { briefing } = await buildBrief({
      inputs: [input],
      analyze: { date: '2023-10-03', summaryWords: 150, keyQuotes: 6 },
      output: { outDir: tempDir('archive-'), formats: ['json'], pageSize: 'A4' },
    });
    expect(briefing.sources.map((s) => [s.id, s.published])).toEqual([['S1', '2023-10-02']]);
    expect(briefing.timeline.find((e) => /landslide/i.test(e.text))).toMatchObject({ start: '2023-10-02', when: 'on Monday night' });
  });
});
