/**
 * Timeline rows read against the alignment layer: a row cites every outlet that states its fact (one
 * outlet dates it, another does not) and no outlet that does not.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { defaultAnalyzeOptions } from '../../src/options.js';
import { documentOf } from '../helpers/documents.js';

const DATE = '2024-05-10';
const herald = documentOf('S1', { outlet: 'Valley Herald', published: DATE }, [
  'The regional water board closed the Elm Street reservoir on Friday after tests found high levels of nitrates.',
  'Residents of four districts were told to boil tap water until further notice.',
]);
const courier = documentOf('S2', { outlet: 'Morning Courier', published: DATE }, [
  'The regional water board shut the Elm Street reservoir after tests showed high nitrate levels.',
  'Residents of four districts were told to boil their tap water until further notice.',
  'Bottled water will be handed out at the town hall.',
]);

describe('timeline rows against claims', () => {
  const { briefing } = analyze([herald, courier], { ...defaultAnalyzeOptions, date: DATE });

  it('cites the outlet that reports the event without its date', () => {
    const closures = briefing.timeline.filter((t) => /reservoir/.test(t.text));
    expect(closures).toHaveLength(1);
    expect(closures[0]!.start).toBe(DATE);
    expect(closures[0]!.sources).toEqual(['S1', 'S2']);
    expect(closures[0]!.evidence.map((e) => e.source)).toEqual(['S1', 'S2']);
  });

  it('does not cite an outlet for an event it does not report', () => {
    for (const row of briefing.timeline.filter((t) => /bottled/i.test(t.text))) expect(row.sources).toEqual(['S2']);
  });
});
