import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/analyze/corpus.js';
import { groupClaims } from '../../src/analyze/group.js';
import { buildQuestions } from '../../src/analyze/questions/index.js';
import { buildTimeline } from '../../src/analyze/timeline.js';
import { documentOf } from '../helpers/documents.js';

const DATE = '2024-06-10';

/** Build questions for sources given as lists of paragraphs, all published on the briefing date. */
function questionsOf(...sources: string[][]) {
  const docs = sources.map((paragraphs, i) => documentOf(`S${i + 1}`, { published: DATE }, paragraphs));
  const corpus = buildCorpus(docs);
  return buildQuestions(corpus, groupClaims(corpus), DATE, buildTimeline(corpus, DATE).entries);
}

const texts = (...sources: string[][]) => questionsOf(...sources).questions.map((q) => q.text);

describe('pending and scheduled items', () => {
  it('turns a deadline into a question about what must happen by then', () => {
    const { questions } = questionsOf(['The mill operator has until July 2 to file an appeal.']);
    expect(questions).toEqual([
      { text: 'Will the mill operator file an appeal by July 2?', kind: 'pending', sources: ['S1'], evidence: [{ source: 'S1', paragraph: 1, sentence: 1 }] },
    ]);
  });

  it('asks what a scheduled event will decide', () => {
    expect(texts(['A tribunal hearing on the pay claim is set for October.'])).toEqual(['What will the October tribunal hearing on the pay claim decide?']);
  });

  it('asks whether a reported plan will happen, naming the speaker for a pronoun', () => {
    expect(texts(['Transport minister Ada Quist said she would announce a decision on the bridge on Thursday.'])).toEqual([
      'Will Ada Quist announce a decision on the bridge on Thursday?',
    ]);
  });

  it('asks about promised and demanded outcomes', () => {
    expect(texts(['The union has denounced the closure and promised a response.', 'Residents called for an independent review of the flood defences.'])).toEqual([
      'Will the union deliver the promised response?',
      'Will there be an independent review of the flood defences?',
    ]);
  });

  it('leaves out logistics, denied plans and what the speaker says in the first person', () => {
    expect(
      texts([
        'The library will be open from 9 a.m. to 5 p.m. every day.',
        'The operator did not plan to appeal.',
        '"We will vote on the plan," said the chair.',
      ]),
    ).toEqual([]);
  });

  it('drops a plan whose date is already past', () => {
    expect(texts(['The council said in April that it would vote on the budget on May 2, 2024.'])).toEqual([]);
  });
});

describe('stated unknowns', () => {
  it('makes an embedded question direct', () => {
    expect(texts(['The ferry company has not said what caused the collision.'])).toEqual(['What caused the collision?']);
    expect(texts(['It remains unclear whether the bridge will reopen before winter.'])).toEqual(['Will the bridge reopen before winter?']);
    expect(texts(['Officials did not say why the operator ignored the warnings.'])).toEqual(['Why did the operator ignore the warnings?']);
  });

  it('asks for a thing said to be unknown', () => {
    expect(questionsOf(['The cause of the collapse is not yet known.']).questions).toMatchObject([{ text: 'What is the cause of the collapse?', kind: 'unknown' }]);
    expect(texts(['The insurer declined to disclose the value of the settlement.'])).toEqual(['What is the value of the settlement?']);
  });

  it('asks what an investigation will find', () => {
    expect(texts(['The safety regulator said it had opened an inquiry.'])).toEqual(['What will the inquiry by the safety regulator find?']);
    expect(texts(['The collapse of the stand is under investigation.'])).toEqual(['What will the investigation into the collapse of the stand find?']);
  });

  it('turns "has yet to" into a question about the step still to come', () => {
    expect(texts(['The port authority has yet to approve the expansion.'])).toEqual(['Will the port authority approve the expansion?']);
  });

  it('asks nothing when someone declines to comment on a report', () => {
    expect(texts(['A spokesman refused to comment on the reports.'])).toEqual([]);
  });
});

describe('conditionals', () => {
  it('asks about the consequence under the condition', () => {
    expect(questionsOf(['If the truce collapses, the aid convoys could be suspended.']).questions).toMatchObject([
      { text: 'Could the aid convoys be suspended if the truce collapses?', kind: 'conditional', sources: ['S1'] },
    ]);
    expect(texts(['The airline will cancel more flights if the strike goes ahead.'])).toEqual(['Will the airline cancel more flights if the strike goes ahead?']);
  });

  it('reads "in the event of" and "should" conditions', () => {
    expect(texts(['Tougher penalties are to follow in the event of a second breach.'])).toEqual(['What happens in the event of a second breach?']);
    expect(texts(['Should the regulator reject the merger, the two banks will appeal.'])).toEqual(['Will the two banks appeal should the regulator reject the merger?']);
  });

  it.each([
    ['an "if" that means whether', 'Reporters asked if the minister would resign.'],
    ['a concession', 'Even if the rain stops, the river could rise for days.'],
    ['an idiom', 'The damage, if any, will be assessed by the insurer.'],
    ['a past habit with no modal', 'If the gate was shut, drivers took the long road.'],
    ['a condition about what might have been', 'Passengers could claim a refund if they had been denied boarding.'],
  ])('is not asked for %s', (_, sentence) => {
    expect(questionsOf([sentence]).questions.filter((q) => q.kind === 'conditional')).toEqual([]);
  });
});

describe('conflicts between sources', () => {
  it('names both figures and which source gives each', () => {
    const result = questionsOf(
      ['The regulator found that the lender overcharged about 2.3 million customers on their loans.'],
      ['The lender overcharged roughly 2.6 million customers on loans, the regulator found.'],
    );
    expect(result.questions[0]).toEqual({
      text: 'How many customers were involved: 2.3 million (S1) or 2.6 million (S2)?',
      kind: 'conflict',
      sources: ['S1', 'S2'],
      evidence: [
        { source: 'S1', paragraph: 1, sentence: 1 },
        { source: 'S2', paragraph: 1, sentence: 1 },
      ],
    });
    expect(result.conflicts).toEqual([
      {
        about: 'customers',
        values: [
          { value: '2.3 million', sources: ['S1'], evidence: [{ source: 'S1', paragraph: 1, sentence: 1 }] },
          { value: '2.6 million', sources: ['S2'], evidence: [{ source: 'S2', paragraph: 1, sentence: 1 }] },
        ],
      },
    ]);
  });

  it('compares counts of people written in words, across different nouns for the same event', () => {
    const result = questionsOf(
      ['Four miners died when a tunnel collapsed at the Ashby colliery on Sunday.'],
      ['Five workers were killed in the tunnel collapse at Ashby colliery.'],
      ['Rescuers said four people died in the collapse at the colliery.'],
    );
    expect(result.questions[0]?.text).toBe('How many people died: four (S1, S3) or five (S2)?');
    expect(result.conflicts[0]).toMatchObject({ about: 'deaths', values: [{ value: 'four', sources: ['S1', 'S3'] }, { value: 'five', sources: ['S2'] }] });
  });

  it('sees no conflict in one figure written two ways, or in a bound the other figure meets', () => {
    const result = questionsOf(
      ['The lender overcharged 1.5 million customers, the regulator found. At least eight people were injured in the crash at the depot.'],
      ['The regulator found the lender overcharged 1,500,000 customers. Eleven people were injured in the depot crash.'],
    );
    expect(result.conflicts).toEqual([]);
  });

  it('does not compare figures that measure different things', () => {
    const result = questionsOf(
      ['The case was brought by a group of 12 customers after a newspaper report.'],
      ['The lender overcharged 1.2 million customers on their loans.'],
      ['The depot employs 300 people and was fined 50,000 pounds in 2019.'],
      ['Nearly 200 people attended a meeting about the depot on Monday night.'],
    );
    expect(result.conflicts).toEqual([]);
  });

  it('does not count dates, times, ages or page numbers as figures', () => {
    const result = questionsOf(
      ['The 40-page report was published at 9.30pm on 3 June, 12 days after the crash.'],
      ['The 60-page report came out on 5 June, 14 days after the crash.'],
    );
    expect(result.conflicts).toEqual([]);
  });
});

describe('the list of questions', () => {
  it('puts conflicts first, then pending, unknown and conditional questions, each once', () => {
    const first = [
      'Four miners died when a tunnel collapsed at the Ashby colliery on Sunday.',
      'The mine operator has not said what caused the collapse.',
      'The mine operator has until July 2 to file a safety plan.',
      'If the inspectors find fresh faults, the colliery could be closed for good.',
    ];
    const second = ['Five workers were killed in the tunnel collapse at Ashby colliery.', 'The operator has until July 2 to file a safety plan.'];
    const { questions } = questionsOf(first, second);
    expect(questions.map((q) => q.kind)).toEqual(['conflict', 'pending', 'unknown', 'conditional']);
    expect(questions[1]).toMatchObject({ text: 'Will the mine operator file a safety plan by July 2?', sources: ['S1', 'S2'] });
    expect(questions.every((q) => q.text.endsWith('?'))).toBe(true);
  });

  it('keeps at most eight questions', () => {
    const many = Array.from({ length: 12 }, (_, i) => `Board number ${i + 1} of the ${['port', 'rail', 'bus', 'tram', 'ferry', 'road', 'air', 'canal', 'bridge', 'tunnel', 'park', 'dock'][i]} authority will vote on the budget on June ${i + 12}.`);
    expect(questionsOf(many).questions.length).toBeLessThanOrEqual(8);
  });

  it('is deterministic', () => {
    const sources = [['The ferry company has not said what caused the collision.', 'The company has until July 2 to file an appeal.']];
    expect(questionsOf(...sources)).toEqual(questionsOf(...sources));
  });
});
