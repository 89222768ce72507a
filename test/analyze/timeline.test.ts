import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/analyze/corpus.js';
import { buildTimeline } from '../../src/analyze/timeline.js';
import type { BlockRole, Document } from '../../src/model/source.js';
import { documentOf } from '../helpers/documents.js';

/** A document whose paragraphs carry roles: `[role, text]` or plain text for a story paragraph. */
function withRoles(id: string, published: string | undefined, paragraphs: Array<string | [BlockRole, string]>): Document {
  const doc = documentOf(id, published ? { published } : {}, paragraphs.map((p) => (typeof p === 'string' ? p : p[1])));
  doc.paragraphs.forEach((p, i) => {
    const given = paragraphs[i];
    if (Array.isArray(given)) p.role = given[0];
  });
  return doc;
}

// Published on Friday 10 March 2023.
const gazette = withRoles('S1', '2023-03-10', [
  ['heading', 'Storm surge floods Porthaven harbour on Wednesday'],
  'PORTHAVEN, March 10 (Coast Wire) - A storm surge flooded the harbour on Wednesday night, the coastguard said.',
  'The ferry service will resume on Monday.',
  'The harbour wall, which was last repaired in 2011, gave way near the fish market.',
  'The council declared an emergency on Thursday, and ordered schools to stay shut until Monday. The next day, the army sent 40 engineers.',
  'The fire service is now pumping water out of the market hall.',
  ['caption', 'Waves break over the harbour wall, Wednesday, March 8, 2023'],
]);
// Published a day later, on Saturday: "on Wednesday night" is the same night.
const wire = withRoles('S2', '2023-03-11', [
  'A storm surge flooded Porthaven harbour on Wednesday night.',
  'The harbour master said repairs to the wall would be finished by the end of April.',
  'Divers inspected the breach yesterday.',
  'A smaller surge had topped the same wall last week.',
]);
// No date of its own: read from the briefing date.
const newsletter = withRoles('S3', undefined, [
  'Weeks later, the insurers are still counting the cost.',
  'Volunteers cleared debris from the slipway yesterday.',
  'The insurers will publish their estimate on Friday.',
]);

// The briefing is dated Monday 20 March, over a week after the sources: "on Wednesday", "yesterday" and
// "last week" read from it would land on other days than read from each source's own publication date.
const BRIEFING_DATE = '2023-03-20';

describe('buildTimeline', () => {
  const { entries, warnings } = buildTimeline(buildCorpus([gazette, wire, newsletter]), BRIEFING_DATE);
  const find = (words: string) => entries.find((e) => e.text.includes(words));

  it('lists the dated events in calendar order', () => {
    expect(entries.map((e) => [e.start, e.text])).toEqual([
      ['2011-01-01', 'The harbour wall, which was last repaired in 2011.'],
      ['2023-02-27', 'A smaller surge had topped the same wall last week.'],
      ['2023-03-08', 'A storm surge flooded the harbour on Wednesday night.'],
      ['2023-03-09', 'The council declared an emergency on Thursday.'],
      ['2023-03-10', 'The next day, the army sent 40 engineers.'],
      ['2023-03-10', 'Divers inspected the breach yesterday.'],
      ['2023-03-13', 'The ferry service will resume on Monday.'],
      ['2023-03-13', 'The council ordered schools to stay shut until Monday.'],
      ['2023-03-19', 'Volunteers cleared debris from the slipway yesterday.'],
      ['2023-03-24', 'The insurers will publish their estimate on Friday.'],
      ['2023-04-30', 'Repairs to the wall would be finished by the end of April.'],
    ]);
  });

  it('tells one event from several sources once, citing every source and sentence', () => {
    const storm = find('storm surge')!;
    expect(storm.sources).toEqual(['S1', 'S2']);
    expect(storm.evidence).toEqual([
      { source: 'S1', paragraph: 2, sentence: 1 },
      { source: 'S2', paragraph: 1, sentence: 1 },
    ]);
    expect(storm).toMatchObject({ start: '2023-03-08', end: '2023-03-08', granularity: 'day', approximate: false, when: 'on Wednesday night' });
  });

  it('reads each source from its own publication date', () => {
    // The gazette, published Friday 10 March (from the briefing date these would be 15, 16 and 20 March).
    expect(find('flooded the harbour')).toMatchObject({ start: '2023-03-08', when: 'on Wednesday night' });
    expect(find('declared an emergency')).toMatchObject({ start: '2023-03-09', sources: ['S1'], when: 'on Thursday' });
    expect(find('ferry service')).toMatchObject({ start: '2023-03-13', sources: ['S1'], when: 'on Monday' });
    // The wire, published Saturday 11 March (from the briefing date: 19 March, and the week of 13 March).
    expect(find('Divers')).toMatchObject({ start: '2023-03-10', end: '2023-03-10', sources: ['S2'], when: 'yesterday' });
    expect(find('smaller surge')).toMatchObject({ start: '2023-02-27', end: '2023-03-05', granularity: 'week', sources: ['S2'] });
    // The undated newsletter, from the briefing date, Monday 20 March.
    expect(find('slipway')).toMatchObject({ start: '2023-03-19', sources: ['S3'], when: 'yesterday' });
    expect(find('insurers will publish')).toMatchObject({ start: '2023-03-24', sources: ['S3'], when: 'on Friday' });
  });

  it('marks what lies after the briefing date as scheduled, however it read when published', () => {
    expect(entries.filter((e) => e.scheduled).map((e) => e.start)).toEqual(['2023-03-24', '2023-04-30']);
    // "will resume on Monday" was still to come on 10 March, and is past by the briefing date.
    expect(find('ferry service')).toMatchObject({ scheduled: false });
  });

  it('keeps the clause that carries the date, without attribution or datelines', () => {
    expect(entries.some((e) => /coastguard said|PORTHAVEN|Coast Wire/.test(e.text))).toBe(false);
    expect(find('harbour wall')).toMatchObject({ granularity: 'year', when: 'in 2011' });
    expect(find('by the end of April')).toMatchObject({ end: '2023-04-30', granularity: 'day' });
  });

  it('counts "the next day" from the event before it in the same source', () => {
    expect(find('army sent')).toMatchObject({ start: '2023-03-10', when: 'The next day' });
  });

  it('leaves out headings, captions and sentences whose only date is a vague word', () => {
    expect(entries.some((e) => /Waves break|Storm surge floods|now pumping/.test(e.text))).toBe(false);
  });

  it('warns about the source with no date of its own and the step it could not place', () => {
    expect(warnings.map((w) => [w.kind, w.source])).toEqual([
      ['date-reference-assumed', 'fixtures/s3.txt'],
      ['date-unresolved', 'fixtures/s3.txt'],
    ]);
  });

  it('is deterministic', () => {
    const again = buildTimeline(buildCorpus([gazette, wire, newsletter]), BRIEFING_DATE);
    expect(again).toEqual({ entries, warnings });
  });
});

describe('buildTimeline across publication days', () => {
  it('puts the same weekday in two sources published on different days on one date', () => {
    const monday = documentOf('S1', { published: '2024-06-10' }, ['The strike at the port began on Saturday.']);
    const tuesday = documentOf('S2', { published: '2024-06-11' }, ['The port strike began on Saturday, union officials said.']);
    const { entries } = buildTimeline(buildCorpus([monday, tuesday]), '2024-06-11');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ start: '2024-06-08', sources: ['S1', 'S2'] });
  });

  it('cites the sources of one event in numeric order, S2 before S10', () => {
    const reports = Array.from({ length: 11 }, (_, i) => documentOf(`S${i + 1}`, { published: '2024-06-10' }, ['The port strike began on Saturday.']));
    const { entries } = buildTimeline(buildCorpus(reports), '2024-06-10');
    const ids = Array.from({ length: 11 }, (_, i) => `S${i + 1}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sources).toEqual(ids);
    expect(entries[0]!.evidence.map((e) => e.source)).toEqual(ids);
  });

  it('keeps distinct events on the same day apart', () => {
    const doc = documentOf('S1', { published: '2024-06-10' }, [
      'The port strike began on Saturday.',
      'A cargo ship ran aground off the headland on Saturday.',
    ]);
    const { entries } = buildTimeline(buildCorpus([doc]), '2024-06-10');
    expect(entries.map((e) => e.text)).toEqual([
      'The port strike began on Saturday.',
      'A cargo ship ran aground off the headland on Saturday.',
    ]);
  });

  it('dates the saying only when the clause has no date of its own', () => {
    const doc = documentOf('S1', { published: '2024-06-10' }, [
      'The operator said last month that it had stopped loading coal in March 2023.',
      'The union confirmed on Sunday that talks had failed.',
    ]);
    const { entries } = buildTimeline(buildCorpus([doc]), '2024-06-10');
    expect(entries.map((e) => [e.start, e.when])).toEqual([
      ['2023-03-01', 'in March 2023'],
      ['2024-06-09', 'on Sunday'],
    ]);
  });
});

describe('event text', () => {
  /** [sentence, [start, text] of each event] — one source published on Monday 10 June 2024. */
  const rows: Array<[string, Array<[string, string]>]> = [
    ['The mill, which opened in 1998, will close on Friday.', [
      ['1998-01-01', 'The mill, which opened in 1998.'],
      ['2024-06-14', 'The mill will close on Friday.'],
    ]],
    ['Two workers were hurt when a crane toppled on Saturday, police said.', [
      ['2024-06-08', 'Two workers were hurt when a crane toppled on Saturday.'],
    ]],
    ['A spokesperson said the depot had last been inspected in March.', [['2024-03-01', 'The depot had last been inspected in March.']]],
    ['The board met on Friday, and agreed to sell the site by the end of the year.', [
      ['2024-06-07', 'The board met on Friday.'],
      ['2024-12-31', 'The board agreed to sell the site by the end of the year.'],
    ]],
    ['The mayor said on Sunday that the road had been shut since 2019.', [['2019-01-01', 'The road had been shut since 2019.']]],
    ['The operator said on Sunday it had stopped the pumps in May.', [
      ['2024-05-01', 'The operator said on Sunday it had stopped the pumps in May.'],
    ]],
    ['Talks collapsed on Thursday while union leaders said they would strike on Wednesday.', [
      ['2024-06-06', 'Talks collapsed on Thursday.'],
      ['2024-06-12', 'Union leaders said they would strike on Wednesday.'],
    ]],
    ['The ferry resumes service today, a week after the storm hit the coast.', [
      ['2024-06-03', 'The storm hit the coast.'],
      ['2024-06-10', 'The ferry resumes service today, a week after the storm hit the coast.'],
    ]],
    ['Two days after the vote on Sunday, protesters returned to the square.', [
      ['2024-06-11', 'Two days after the vote on Sunday, protesters returned to the square.'],
    ]],
    ['"We will reopen on Thursday," the manager said.', [['2024-06-13', '"We will reopen on Thursday," the manager said.']]],
    ['"We are proud of what we did today," the manager said.', []],
    ["Police were called to Thursday's disturbance at the station.", [
      ['2024-06-06', "Police were called to Thursday's disturbance at the station."],
    ]],
    ['The ferry resumed service a week after the storm hit the coast.', []],
  ];

  it.each(rows)('%s', (sentence, expected) => {
    const doc = documentOf('S1', { published: '2024-06-10' }, [sentence]);
    const { entries } = buildTimeline(buildCorpus([doc]), '2024-06-10');
    expect(entries.map((e) => [e.start, e.text])).toEqual(expected);
  });
});

describe('what is no event', () => {
  it.each([
    ['a photo caption', 'A diver inspects the hull at the harbour, Saturday, June 8, 2024'],
    ['a byline', 'By Tamsin Okoro, June 9, 2024'],
    ['an update stamp', 'Updated Sunday, June 9, 2024, 5:12 p.m.'],
    ['a publication note', 'This article was originally published on June 9, 2024.'],
    ['a caption and its credit', 'The flooded quay on Saturday. Photo: Harbour Trust'],
    ['a vague word only', 'The quay is now closed to the public.'],
  ])('%s', (_, sentence) => {
    const doc = documentOf('S1', { published: '2024-06-10' }, [sentence]);
    expect(buildTimeline(buildCorpus([doc]), '2024-06-10').entries).toEqual([]);
  });

  it('reads a dated wire dateline as no event, and the sentence after it as one', () => {
    const doc = documentOf('S1', { published: '2024-06-10' }, ['HARWICH, England, June 10 (Coast Wire) - The ferry ran aground on Sunday.']);
    const { entries } = buildTimeline(buildCorpus([doc]), '2024-06-10');
    expect(entries.map((e) => [e.start, e.text])).toEqual([['2024-06-09', 'The ferry ran aground on Sunday.']]);
  });
});
