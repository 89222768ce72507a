import { describe, expect, it } from 'vitest';
import { MAX_HELD_SPAN, sentencesOf, splitSentences } from '../../src/analyze/sentences.js';
import type { Document } from '../../src/model/source.js';

/** [input, expected sentences] — abbreviations, initials, quotes, decimals, times, ellipses. */
const cases: Array<[string, string[]]> = [
  // Abbreviations that never end a sentence before a name or number.
  ['Gov. Kate Lind spoke first. Then she left.', ['Gov. Kate Lind spoke first.', 'Then she left.']],
  ['Dr. Ana Roe and Mr. Piet Vos met at St. Olaf\'s hospital.', ['Dr. Ana Roe and Mr. Piet Vos met at St. Olaf\'s hospital.']],
  ['Soldiers at Ft. Marren were told. They complied.', ['Soldiers at Ft. Marren were told.', 'They complied.']],
  ['Gen. Mark Ode said so. Adm. Joe Ray agreed.', ['Gen. Mark Ode said so.', 'Adm. Joe Ray agreed.']],
  ['Lt. Col. Ray Fox and Sgt. Amy Cole testified.', ['Lt. Col. Ray Fox and Sgt. Amy Cole testified.']],
  ['Rep. Jim Doe, R-Texas, objected. Sen. Sue Roe, D-Ill., agreed.', ['Rep. Jim Doe, R-Texas, objected.', 'Sen. Sue Roe, D-Ill., agreed.']],
  ['He lives at No. 10 Harbour Row. It is old.', ['He lives at No. 10 Harbour Row.', 'It is old.']],
  ['Vol. 3 was published. It sold well.', ['Vol. 3 was published.', 'It sold well.']],
  ['Operations resumed on Jan. 5. Staff returned.', ['Operations resumed on Jan. 5.', 'Staff returned.']],
  ['Prof. Ada Ng, Ph.D., led the study. It found gaps.', ['Prof. Ada Ng, Ph.D., led the study.', 'It found gaps.']],
  // Abbreviations that may end a sentence.
  ['She moved to the U.S. in 1999 and stayed.', ['She moved to the U.S. in 1999 and stayed.']],
  ['The envoy flew back to the U.S. The talks had failed.', ['The envoy flew back to the U.S.', 'The talks had failed.']],
  ['The U.S. Embassy said it paid $1.5 million.', ['The U.S. Embassy said it paid $1.5 million.']],
  ['He was born in Salem, Ore. He later moved east.', ['He was born in Salem, Ore.', 'He later moved east.']],
  ['He came from Washington, D.C. He left soon.', ['He came from Washington, D.C.', 'He left soon.']],
  ['Acme Inc. said it would appeal.', ['Acme Inc. said it would appeal.']],
  // Initials.
  ['J. R. Hollis founded the firm. It grew fast.', ['J. R. Hollis founded the firm.', 'It grew fast.']],
  ['The yard was run by Martin J. Hollis until 2010.', ['The yard was run by Martin J. Hollis until 2010.']],
  ['J. A. Smith signed the letter.', ['J. A. Smith signed the letter.']],
  ['The tests found vitamin C. The study was small.', ['The tests found vitamin C.', 'The study was small.']],
  // Decimals and times.
  ['Inflation rose 1.5 percent. Prices fell 0.3 points.', ['Inflation rose 1.5 percent.', 'Prices fell 0.3 points.']],
  ['The meeting began at 9 a.m. and ended at 5 p.m. on Friday.', ['The meeting began at 9 a.m. and ended at 5 p.m. on Friday.']],
  ['The shelter order ended at 6 a.m. Friday.', ['The shelter order ended at 6 a.m. Friday.']],
  ['The meeting ended at 5 p.m. Officials then left.', ['The meeting ended at 5 p.m.', 'Officials then left.']],
  ['The blast came at approx. 7.40pm. Smoke rose.', ['The blast came at approx. 7.40pm.', 'Smoke rose.']],
  ['Sales reached $3.2 bn. in the third quarter.', ['Sales reached $3.2 bn. in the third quarter.']],
  // Ellipses.
  ['He paused... Then he spoke again.', ['He paused...', 'Then he spoke again.']],
  ['He paused … then he spoke again.', ['He paused … then he spoke again.']],
  ['"We will rebuild … The town deserves it," she said.', ['"We will rebuild … The town deserves it," she said.']],
  // Quotations stay whole with their attribution.
  ['"We heard a crack. Then silence," he said.', ['"We heard a crack. Then silence," he said.']],
  ['She said: "We heard a crack. Then silence." Police came later.', ['She said: "We heard a crack. Then silence."', 'Police came later.']],
  ['“We are ready. We will win,” said Sen. Ann Roe of Ga.', ['“We are ready. We will win,” said Sen. Ann Roe of Ga.']],
  ['"It is over." He left the room.', ['"It is over."', 'He left the room.']],
  ['He asked, "Who did this?" Nobody answered.', ['He asked, "Who did this?"', 'Nobody answered.']],
  ['"Who did this?" he asked.', ['"Who did this?" he asked.']],
  ['He wrote "no." Then he left.', ['He wrote "no."', 'Then he left.']],
  ['He said ‘we are ready. We will win,’ and left.', ['He said ‘we are ready. We will win,’ and left.']],
  ['The workers’ union agreed. It was late.', ['The workers’ union agreed.', 'It was late.']],
  // Closing brackets belong to the sentence before.
  ['It was over. (The court later disagreed.) Then came the appeal.', ['It was over.', '(The court later disagreed.)', 'Then came the appeal.']],
  ['The vote was 5-4 (the judges split.) The ruling stands.', ['The vote was 5-4 (the judges split.)', 'The ruling stands.']],
  ['The report (see p. 31) was damning.', ['The report (see p. 31) was damning.']],
  ['Is it safe? Officials say yes! Work resumes.', ['Is it safe?', 'Officials say yes!', 'Work resumes.']],
];

describe('splitSentences', () => {
  it.each(cases)('%j', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });

  it('has at least 25 table cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it('returns trimmed substrings of the input', () => {
    for (const [input] of cases) for (const s of splitSentences(input)) expect(input).toContain(s);
  });

  it('does not hold sentences together with a quotation that never closes in the paragraph', () => {
    // Newspaper convention: a quote running on into the next paragraph has no closing mark here.
    expect(splitSentences('"We waited all night. Nobody came. The water kept rising.')).toEqual([
      '"We waited all night.',
      'Nobody came.',
      'The water kept rising.',
    ]);
  });

  it('does not hold together a quotation longer than MAX_HELD_SPAN', () => {
    const long = `"${'We waited and waited. '.repeat(Math.ceil(MAX_HELD_SPAN / 22))}Nobody came," she said.`;
    expect(splitSentences(long).length).toBeGreaterThan(2);
  });

  it('treats a blank line as a boundary and single line breaks as spaces', () => {
    expect(splitSentences('Ferry grounded\n\nThe port\nclosed. It reopened.')).toEqual([
      'Ferry grounded',
      'The port\nclosed.',
      'It reopened.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
  });

  // Speed on long texts is measured by npm run bench; this checks the splitting holds over a long text.
  it('splits about 20,000 words of repeated tricky text into exactly the expected sentences', () => {
    const paragraph =
      'Sen. Ann Roe said on Jan. 5 that the U.S. would pay $1.5 million. "We heard a crack. Then silence," he said. ' +
      'The meeting ended at 5 p.m. Officials left... Then J. R. Hollis spoke (briefly.) Was it over? Yes! ';
    const text = paragraph.repeat(Math.ceil(20_000 / paragraph.split(' ').length));
    const sentences = splitSentences(text);
    expect(sentences.length).toBe(7 * Math.ceil(20_000 / paragraph.split(' ').length));
  });
});

describe('sentencesOf', () => {
  it('addresses each sentence by source id, 1-based paragraph index and 1-based sentence index', () => {
    const doc = {
      source: { id: 'S3' },
      paragraphs: [
        { index: 1, text: 'Ferry grounded', role: 'heading' },
        { index: 2, text: 'The port closed. It reopened on Friday.', role: 'paragraph' },
      ],
    } as unknown as Document;
    expect(sentencesOf(doc)).toEqual([
      { source: 'S3', paragraph: 1, index: 1, text: 'Ferry grounded' },
      { source: 'S3', paragraph: 2, index: 1, text: 'The port closed.' },
      { source: 'S3', paragraph: 2, index: 2, text: 'It reopened on Friday.' },
    ]);
  });
});

describe('splitSentences after a time of day', () => {
  it.each([
    ['The vote closed at 8 p.m. Mayor Ana Roe conceded.', ['The vote closed at 8 p.m.', 'Mayor Ana Roe conceded.']],
    ['The vote closed at 8 p.m. EST on Tuesday.', ['The vote closed at 8 p.m. EST on Tuesday.']],
    ['The shelter opened at 9 a.m. Jan. 4 and closed a week later.', ['The shelter opened at 9 a.m. Jan. 4 and closed a week later.']],
  ])('%j', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });
});
