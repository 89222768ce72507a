/**
 * A timeline row whose sources put the event on different days shows every date with its sources and says
 * the sources disagree, alike in Markdown, PDF and the email body; briefing.json keeps the dates and reads back.
 */
import { describe, expect, it } from 'vitest';
import { emailView, renderTextBody } from '../../src/deliver/body.js';
import type { Briefing, TimelineEntry } from '../../src/model/briefing.js';
import { briefingJsonText, parseBriefingJson } from '../../src/render/json.js';
import { markdownWriter } from '../../src/render/markdown.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { pdfText, writeTempPdf } from '../helpers/pdf-tools.js';
import { validateBriefing } from '../helpers/schema.js';

const context: RenderContext = { version: 1, generator: 'briefwright test', pageSize: 'A4' };

/** The sample brief with one scheduled meeting that S1 dates 10 March and S2 "Thursday" (9 March). */
function withDateConflict(): Briefing {
  const briefing = sampleBriefing();
  const meeting: TimelineEntry = {
    start: '2023-03-10',
    end: '2023-03-10',
    granularity: 'day',
    approximate: false,
    scheduled: true,
    text: 'The harbour board will meet on 10 March to decide on repairs.',
    when: 'on 10 March',
    sources: ['S1', 'S2'],
    evidence: [
      { source: 'S1', paragraph: 2, sentence: 1 },
      { source: 'S2', paragraph: 3, sentence: 1 },
    ],
    conflict: {
      values: [
        { start: '2023-03-09', end: '2023-03-09', when: 'on Thursday', sources: ['S2'] },
        { start: '2023-03-10', end: '2023-03-10', when: 'on 10 March', sources: ['S1'] },
      ],
    },
  };
  briefing.timeline.push(meeting);
  return briefing;
}

const shown = 'Thu 9 Mar 2023 (S2) or Fri 10 Mar 2023 (S1)';

describe('a timeline date conflict', () => {
  it('is valid briefing.json and reads back unchanged', () => {
    const briefing = withDateConflict();
    const text = briefingJsonText(briefing);
    expect(validateBriefing(JSON.parse(text)), JSON.stringify(validateBriefing.errors)).toBe(true);
    expect(parseBriefingJson(text).timeline.at(-1)!.conflict).toEqual(briefing.timeline.at(-1)!.conflict);
  });

  it('shows both dates with their sources in the Markdown row', async () => {
    const text = new TextDecoder().decode((await markdownWriter.write(withDateConflict(), context)).bytes);
    expect(text).toContain(`| ${shown}: sources disagree (scheduled) | The harbour board will meet on 10 March to decide on repairs. |`);
  });

  it('shows both dates with their sources and "Sources disagree" in the PDF', async () => {
    const file = writeTempPdf((await renderPdf(withDateConflict(), context)).bytes);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Thu 9 Mar 2023 (S2) or Fri 10 Mar 2023 (S1)');
    expect(text).toContain('Sources disagree Scheduled');
  });

  it('shows both dates in the email body', () => {
    const view = emailView(withDateConflict(), { title: 'Harbour', date: '2023-03-09', version: 1, attachment: 'brief.pdf', generator: 'test' });
    expect(renderTextBody(view)).toContain(`${shown}: sources disagree`);
  });
});
