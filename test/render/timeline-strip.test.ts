/**
 * The timeline strip in the PDF: drawn to scale before the table, tagged as a Figure with a text alternative
 * that counts the events and names today, the same bytes every time; a story reaching back years is drawn
 * from its recent events on.
 */
import { describe, expect, it } from 'vitest';
import type { Briefing, TimelineEntry } from '../../src/model/briefing.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { stripLayout } from '../../src/render/pdf/timeline-strip.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { runTool, writeTempPdf } from '../helpers/pdf-tools.js';
import { structTree, walk } from './pdf-inspect.js';

const context: RenderContext = { version: 1, generator: 'briefwright test', pageSize: 'A4' };

function row(start: string, text: string, scheduled = false): TimelineEntry {
  return {
    start, end: start, granularity: 'day', approximate: false, scheduled, text, when: `on ${start}`,
    sources: ['S1'], evidence: [{ source: 'S1', paragraph: 1, sentence: 1 }],
  };
}

function withRows(rows: TimelineEntry[]): Briefing {
  return { ...sampleBriefing(), timeline: rows };
}

describe('the timeline strip', () => {
  it('is a Figure before the timeline table, with a text alternative', async () => {
    const briefing = withRows([row('2023-03-01', 'The quay wall cracked.'), row('2023-03-06', 'Divers inspected it.'), row('2023-03-14', 'The board meets.', true)]);
    const bytes = (await renderPdf(briefing, context)).bytes;
    const file = writeTempPdf(bytes);
    const types = walk(structTree(file)).map((n) => n.type);
    const figure = types.indexOf('Figure');
    expect(figure).toBeGreaterThan(-1);
    expect(types.indexOf('Table', figure)).toBeGreaterThan(figure);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/S \/Figure\s*\/Alt \(Timeline strip: 3 events from .* 1 scheduled; today is .*\)/);
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    expect(Buffer.from((await renderPdf(briefing, context)).bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('draws a story reaching back years from its recent events, counting the earlier ones', () => {
    const layout = stripLayout([row('1931-05-01', 'The bridge opened.'), row('2026-11-24', 'It collapsed.'), row('2026-12-07', 'Inspection.', true)], '2026-12-01')!;
    expect(layout.shown).toHaveLength(2);
    expect(layout.earlier).toBe(1);
    expect(layout.to - layout.from).toBeLessThan(20);
  });

  it('joins the dates of a conflict and marks today within the window', () => {
    const disputed = { ...row('2026-11-24', 'It collapsed.'), conflict: { values: [
      { start: '2026-11-23', end: '2026-11-23', when: 'Monday', sources: ['S2'] },
      { start: '2026-11-24', end: '2026-11-24', when: 'Tuesday', sources: ['S1'] },
    ] } };
    const layout = stripLayout([disputed], '2026-12-01')!;
    expect(layout.shown[0]!.alternatives).toHaveLength(1);
    expect(layout.from).toBeLessThan(layout.shown[0]!.alternatives[0]!);
    expect(layout.to).toBeGreaterThan(layout.today);
  });
});
