import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/analyze/corpus.js';
import { groupClaims } from '../../src/analyze/group.js';
import { buildQuestions } from '../../src/analyze/questions/index.js';
import { buildTimeline } from '../../src/analyze/timeline.js';
import type { SourceMeta } from '../../src/model/source.js';
import { documentOf } from '../helpers/documents.js';

/** A Wednesday: "on Monday" in a source published that day is 3 March 2025. */
const DATE = '2025-03-05';

interface Article {
  text: string[];
  meta?: SourceMeta;
}

/** Questions and conflicts for invented articles, each published on DATE unless its meta says otherwise. */
function briefOf(...articles: Array<string[] | Article>) {
  const docs = articles.map((a, i) => {
    const { text, meta } = Array.isArray(a) ? { text: a, meta: {} } : a;
    return documentOf(`S${i + 1}`, { published: DATE, ...meta }, text);
  });
  const corpus = buildCorpus(docs);
  return buildQuestions(corpus, groupClaims(corpus), DATE, buildTimeline(corpus, DATE).entries);
}

const conflictTexts = (...articles: Array<string[] | Article>) =>
  briefOf(...articles).questions.filter((q) => q.kind === 'conflict').map((q) => q.text);

describe('date conflicts', () => {
  it('names both dates of a scheduled event and which source gives each', () => {
    const result = briefOf(
      ['The disciplinary hearing for the two officers is on 3 March, the police federation said.'],
      ['Police chiefs said the two officers would face a disciplinary hearing.', 'A disciplinary hearing for the two officers will take place on 10 March.'],
    );
    expect(result.questions.filter((q) => q.kind === 'conflict')).toEqual([
      {
        text: 'When is the disciplinary hearing for the two officers: 3 March (S1) or 10 March (S2)?',
        kind: 'conflict',
        sources: ['S1', 'S2'],
        evidence: [
          { source: 'S1', paragraph: 1, sentence: 1 },
          { source: 'S2', paragraph: 2, sentence: 1 },
        ],
      },
    ]);
    expect(result.conflicts).toEqual([
      {
        about: 'date of the disciplinary hearing for the two officers',
        values: [
          { value: '3 March', sources: ['S1'], evidence: [{ source: 'S1', paragraph: 1, sentence: 1 }] },
          { value: '10 March', sources: ['S2'], evidence: [{ source: 'S2', paragraph: 2, sentence: 1 }] },
        ],
      },
    ]);
  });

  it('places weekdays on the calendar from the publication date and cites every source of each day', () => {
    const result = briefOf(
      ['Former harbour master Edwin Tull died on Monday at his home in Saltby, his family said.'],
      ['Edwin Tull, the former harbour master, died at his home in Saltby on Tuesday.'],
      ['Former harbour master Edwin Tull died at home on Monday.'],
    );
    expect(result.questions.map((q) => q.text)).toEqual(['When did former harbour master Edwin Tull die: Monday, March 3 (S1, S3) or Tuesday, March 4 (S2)?']);
    expect(result.conflicts[0]).toMatchObject({
      about: 'date former harbour master Edwin Tull died',
      values: [
        { value: 'Monday, March 3', sources: ['S1', 'S3'] },
        { value: 'Tuesday, March 4', sources: ['S2'] },
      ],
    });
  });

  it('sees no conflict in one date written two ways', () => {
    expect(conflictTexts(['The board of the port authority signed the lease on 3 March.'], ['The board of the port authority signed the lease on Monday.'])).toEqual([]);
  });

  it('sees no conflict between a month and a day in it, or one day and month read in different years', () => {
    expect(conflictTexts(['The inquest into the death of Mara Vell is due in March.'], ['The inquest into the death of Mara Vell is due on 10 March.'])).toEqual([]);
    expect(conflictTexts(['The funeral of Bishop Aldous is on 3 March at the cathedral.'], ['The funeral of Bishop Aldous will be held on 3 March.'])).toEqual([]);
  });

  it('sees no conflict when a source updates its own report', () => {
    // The same source gives both dates: the hearing moved.
    expect(
      conflictTexts(
        ['The disciplinary hearing for the two officers is on 3 March.'],
        ['The disciplinary hearing for the two officers, first set for 3 March, will take place on 10 March.'],
      ),
    ).toEqual([]);
    expect(
      conflictTexts(
        ['The disciplinary hearing for the two officers will take place on 10 March.', 'The disciplinary hearing for the two officers was due on 3 March.'],
        ['The disciplinary hearing for the two officers is on 3 March.'],
      ),
    ).toEqual([]);
    // "now" says the date changed.
    expect(
      conflictTexts(['The disciplinary hearing for the two officers is on 3 March.'], ['The disciplinary hearing for the two officers will now take place on 10 March.']),
    ).toEqual([]);
    // Two articles of one outlet: the later one corrects the earlier.
    expect(
      conflictTexts(
        { text: ['The disciplinary hearing for the two officers is on 3 March.'], meta: { outlet: 'Valley Courier', published: '2025-02-20' } },
        { text: ['The disciplinary hearing for the two officers will take place on 10 March.'], meta: { outlet: 'Valley Courier', published: DATE } },
      ),
    ).toEqual([]);
  });

  it('sees no conflict in events that recur or in a source that cannot say which Monday', () => {
    expect(conflictTexts(['Protesters gathered outside the town hall on Monday.'], ['Protesters gathered outside the town hall on Tuesday.'])).toEqual([]);
    expect(conflictTexts(['The mayor of Saltby resigned on Monday.'], { text: ['The mayor of Saltby resigned on Tuesday.'], meta: { published: undefined } })).toEqual([]);
  });

  it('asks once when the same two sentences disagree on a figure and a date', () => {
    const result = briefOf(
      ['The collapse of the Rowan Street footbridge killed three people on Monday, police said.'],
      ['The collapse of the Rowan Street footbridge killed four people on Tuesday.'],
    );
    expect(result.questions.filter((q) => q.kind === 'conflict')).toHaveLength(1);
    expect(result.conflicts).toHaveLength(1);
  });
});

describe('contradicting claims', () => {
  it('names a confirmation and a denial and which source gives each', () => {
    const result = briefOf(['The defence ministry confirmed that troops had crossed the river.'], ['The defence ministry denied that troops had crossed the river.']);
    expect(result.questions).toEqual([
      {
        text: 'Did the defence ministry confirm that troops had crossed the river: confirmed (S1) or denied (S2)?',
        kind: 'conflict',
        sources: ['S1', 'S2'],
        evidence: [
          { source: 'S1', paragraph: 1, sentence: 1 },
          { source: 'S2', paragraph: 1, sentence: 1 },
        ],
      },
    ]);
    expect(result.conflicts).toEqual([
      {
        about: 'the defence ministry confirmed that troops had crossed the river',
        values: [
          { value: 'the defence ministry confirmed that troops had crossed the river', sources: ['S1'], evidence: [{ source: 'S1', paragraph: 1, sentence: 1 }] },
          { value: 'the defence ministry denied that troops had crossed the river', sources: ['S2'], evidence: [{ source: 'S2', paragraph: 1, sentence: 1 }] },
        ],
      },
    ]);
  });

  it('asks yes or no when one source negates what another asserts', () => {
    const result = briefOf(
      ['The planning committee approved the harbour plan at a meeting on Tuesday night.'],
      ['Residents protested outside.', 'The planning committee did not approve the harbour plan, officials said.'],
      ['The planning committee approved the harbour plan after a long debate.'],
    );
    expect(result.questions.map((q) => q.text)).toEqual(['Did the planning committee approve the harbour plan: yes (S1, S3) or no (S2)?']);
    expect(result.conflicts[0]?.values).toEqual([
      {
        value: 'the planning committee approved the harbour plan',
        sources: ['S1', 'S3'],
        evidence: [
          { source: 'S1', paragraph: 1, sentence: 1 },
          { source: 'S3', paragraph: 1, sentence: 1 },
        ],
      },
      { value: 'the planning committee did not approve the harbour plan', sources: ['S2'], evidence: [{ source: 'S2', paragraph: 2, sentence: 1 }] },
    ]);
  });

  it('asks a disputed plan once, as the conflict', () => {
    expect(briefOf(['The competition regulator will approve the dairy merger, the firm said.'], ['The firm said the competition regulator will not approve the dairy merger.']).questions).toMatchObject([
      { text: 'Will the competition regulator approve the dairy merger: yes (S1) or no (S2)?', kind: 'conflict' },
    ]);
    expect(conflictTexts(['The bottling plant will close the packing line.'], ['The bottling plant will not close the packing line.'])).toEqual([
      'Will the bottling plant close the packing line: yes (S1) or no (S2)?',
    ]);
  });

  it('reads a negated verb against another verb of its pair', () => {
    expect(conflictTexts(['The rail union did not accept the pay offer.'], ['The rail union approved the pay offer.'])).toEqual([
      'Did the rail union approve the pay offer: yes (S2) or no (S1)?',
    ]);
  });

  it('sees no conflict in paraphrases that agree', () => {
    expect(
      conflictTexts(
        ['The planning committee approved the harbour plan.'],
        ['The harbour plan was approved by the planning committee.'],
        ['The planning committee did not reject the harbour plan.'],
        ['The planning committee accepted the harbour plan.'],
      ),
    ).toEqual([]);
  });

  it('sees no conflict between not approving and not rejecting', () => {
    expect(conflictTexts(['The planning committee did not approve the harbour plan.'], ['The planning committee did not reject the harbour plan.'])).toEqual([]);
  });

  it('sees no conflict in negations about something else', () => {
    expect(
      conflictTexts(
        ['The planning committee approved the harbour plan.', 'Police named the victim as Jon Ashe.'],
        ['The planning committee did not approve the school budget.', 'Police did not name the driver of the van.'],
      ),
    ).toEqual([]);
  });

  it('takes silence, conditions, modals and denied reports for no claim', () => {
    expect(
      conflictTexts(
        ['The company confirmed the job cuts at the Redmoor plant.', 'The planning committee approved the harbour plan.', 'Troops crossed the river.'],
        [
          'The company did not confirm the job cuts at the Redmoor plant.',
          'If the planning committee does not approve the harbour plan, the port could close.',
          'The planning committee could not approve the harbour plan.',
          'The ministry denied that troops had not crossed the river.',
        ],
      ),
    ).toEqual([]);
    expect(conflictTexts(['Troops did not cross the river.'], ['The ministry denied that troops crossed the river.'])).toEqual([]);
  });

  it('sees no conflict between "did not … all" and "did … some"', () => {
    expect(conflictTexts(['The airline did not cancel all flights to the island.'], ['The airline cancelled flights to the island.'])).toEqual([]);
  });

  it('sees no conflict between claims made on different days or a "no" older than the "yes"', () => {
    expect(conflictTexts(['The union rejected the pay offer on Monday.'], ['The union accepted the pay offer on Wednesday.'])).toEqual([]);
    expect(
      conflictTexts(
        { text: ['The planning committee did not approve the harbour plan.'], meta: { published: '2025-02-20' } },
        ['The planning committee approved the harbour plan.'],
      ),
    ).toEqual([]);
  });

  it('reads "has not" as true when written, contradicted only by a "yes" dated before', () => {
    expect(conflictTexts(['Rescuers have not found the missing climber.'], ['Rescuers found the missing climber.'])).toEqual([]);
    expect(conflictTexts(['The water board has not approved the reservoir plan.'], ['The water board approved the reservoir plan on Monday.'])).toEqual([
      'Did the water board approve the reservoir plan: yes (S2) or no (S1)?',
    ]);
  });

  it('sees no disagreement when one source tells both', () => {
    expect(
      conflictTexts(
        ['The planning committee did not approve the harbour plan.'],
        ['The planning committee approved the harbour plan.', 'The planning committee did not approve the harbour plan at first.'],
      ),
    ).toEqual([]);
  });
});

describe('conflicts in the list of questions', () => {
  it('gives the same questions and conflicts for the same articles', () => {
    const articles = [
      ['The disciplinary hearing for the two officers is on 3 March.', 'The defence ministry confirmed that troops had crossed the river.'],
      ['A disciplinary hearing for the two officers will take place on 10 March.', 'The defence ministry denied that troops had crossed the river.'],
    ];
    const first = briefOf(...articles);
    expect(first.conflicts).toHaveLength(2);
    expect(briefOf(...articles)).toEqual(first);
  });
});
