import { afterEach, describe, expect, it } from 'vitest';
import { findDates, scanDates, type DateContext } from '../../src/analyze/dates/index.js';
import type { Granularity } from '../../src/model/briefing.js';

/**
 * [reference, sentence, start, end, granularity, approximate, when?] — `when` is the expression as the
 * mention should quote it. Reference weekdays: 2023-03-08 Wed, 2023-03-10 Fri, 2023-09-20 Wed, 2023-11-20 Mon.
 */
type Row = [string, string, string, string, Granularity, boolean, string?];

/** The first date found in the sentence, as compact fields. */
function first(sentence: string, context: DateContext) {
  const m = findDates(sentence, context)[0];
  return m && { start: m.start, end: m.end, granularity: m.granularity, approximate: m.approximate, text: m.text };
}

function table(rows: Row[], previous?: DateContext['previous']): void {
  it.each(rows)('%s: %s', (reference, sentence, start, end, granularity, approximate, when) => {
    const found = first(sentence, { reference, ...(previous ? { previous } : {}) });
    expect(found).toMatchObject({ start, end, granularity, approximate });
    if (when !== undefined) expect(found?.text).toBe(when);
  });
}

describe('absolute and partial dates', () => {
  table([
    ['2023-03-08', 'The bridge reopened to traffic on Feb. 24.', '2023-02-24', '2023-02-24', 'day', false, 'on Feb. 24'],
    ['2023-03-08', 'The treaty was signed on 24 February 2019 in Oslo.', '2019-02-24', '2019-02-24', 'day', false],
    ['2023-03-08', 'The board set 2023-04-15 as the filing deadline.', '2023-04-15', '2023-04-15', 'day', false],
    ['2023-03-08', 'The paper mill closed its gates on Feb 24th.', '2023-02-24', '2023-02-24', 'day', false],
    ['2023-03-08', 'A second tunnel opens in April 2027.', '2027-04-01', '2027-04-30', 'month', false, 'in April 2027'],
    ['2023-03-08', 'The regatta takes place in June.', '2023-06-01', '2023-06-30', 'month', false, 'in June'],
    ['2023-03-08', 'The regatta was held in June.', '2022-06-01', '2022-06-30', 'month', false],
    ['2023-11-20', 'Profits fell sharply in the third quarter.', '2023-07-01', '2023-09-30', 'quarter', false],
    ['2023-11-20', 'Sales will recover in the first quarter.', '2024-01-01', '2024-03-31', 'quarter', false],
    ['2023-11-20', 'The merger closed in Q2 2021.', '2021-04-01', '2021-06-30', 'quarter', false],
    ['2023-11-20', 'Hiring slowed in the first half of 2022.', '2022-01-01', '2022-06-30', 'half', false],
    ['2023-03-08', 'The monastery was rebuilt in the 1990s.', '1990-01-01', '1999-12-31', 'decade', false],
  ]);

  describe('a day and month without a year take the year the tense points to (chrono takes the nearest)', () => {
    table([
      ['2023-09-20', 'The smelter closed on Nov. 30.', '2022-11-30', '2022-11-30', 'day', false],
      ['2023-09-20', 'The smelter will close on Nov. 30.', '2023-11-30', '2023-11-30', 'day', false],
      // Jan. 24, 2023 was a Tuesday: the date decides, the weekday is doubted (see weekday-mismatch below).
      ['2023-03-08', 'Ministers met on Monday, Jan. 24, to discuss it.', '2023-01-24', '2023-01-24', 'day', false],
    ]);
  });
});

describe('relative dates', () => {
  describe('weekdays: the tense decides between the last one and the coming one', () => {
    table([
      ['2023-03-08', 'The council met on Monday.', '2023-03-06', '2023-03-06', 'day', false, 'on Monday'],
      ['2023-03-08', 'The council will meet on Monday.', '2023-03-13', '2023-03-13', 'day', false],
      ['2023-03-08', 'Police were called to the quay on Sunday morning.', '2023-03-05', '2023-03-05', 'day', false],
      ['2023-03-08', 'The warehouse caught fire on Saturday night.', '2023-03-04', '2023-03-04', 'day', false],
      ['2023-03-08', 'Talks broke down late Thursday.', '2023-03-02', '2023-03-02', 'day', false, 'late Thursday'],
      ['2023-03-08', 'The strike ended on Wednesday.', '2023-03-08', '2023-03-08', 'day', false],
      ['2023-03-08', 'Talks will resume on Wednesday.', '2023-03-08', '2023-03-08', 'day', false],
      ['2023-03-08', 'Inspectors are expected at the dam on Friday.', '2023-03-10', '2023-03-10', 'day', false],
      ['2023-03-08', 'The minister said she would publish the plan on Tuesday.', '2023-03-14', '2023-03-14', 'day', false],
      ['2023-03-08', 'Divers were told to stay ashore on Tuesday.', '2023-03-07', '2023-03-07', 'day', false],
    ]);
  });

  describe('days around the publication date', () => {
    table([
      ['2023-03-08', 'The mayor resigned yesterday.', '2023-03-07', '2023-03-07', 'day', false],
      ['2023-03-08', 'The inquiry reports today.', '2023-03-08', '2023-03-08', 'day', false],
      ['2023-03-08', 'The trial opens tomorrow.', '2023-03-09', '2023-03-09', 'day', false],
      ['2023-03-08', 'The regulator confirmed the recall this morning.', '2023-03-08', '2023-03-08', 'day', false],
      ['2023-03-08', 'Crews worked overnight to clear the road.', '2023-03-07', '2023-03-08', 'day', false, 'overnight'],
      ['2023-03-08', 'Crews will work overnight to clear the road.', '2023-03-08', '2023-03-09', 'day', false],
    ]);
  });

  describe('weeks, months and counts from the publication date', () => {
    table([
      ['2023-03-08', 'Bread prices rose last week.', '2023-02-27', '2023-03-05', 'week', false, 'last week'],
      ['2023-03-08', 'The audit is due next week.', '2023-03-13', '2023-03-19', 'week', false],
      ['2023-03-08', 'The bakery shut three weeks ago.', '2023-02-15', '2023-02-15', 'day', true, 'three weeks ago'],
      ['2023-03-08', 'The mine flooded two days ago.', '2023-03-06', '2023-03-06', 'day', false],
      ['2023-03-08', 'The lease ran out a month ago.', '2023-02-01', '2023-02-28', 'month', true],
      ['2023-03-08', 'The firm must repay the grant within 30 days.', '2023-04-07', '2023-04-07', 'day', false],
      ['2023-03-08', 'The depot will be sold by the end of the year.', '2023-12-31', '2023-12-31', 'day', false, 'by the end of the year'],
      ['2023-03-08', 'Repairs will finish by the end of March.', '2023-03-31', '2023-03-31', 'day', false],
      ['2023-03-08', 'Protesters plan to march at the weekend.', '2023-03-11', '2023-03-12', 'day', false, 'at the weekend'],
      ['2023-03-08', 'Protesters gathered at the weekend.', '2023-03-04', '2023-03-05', 'day', false],
      ['2023-03-08', 'Sales have doubled this month.', '2023-03-01', '2023-03-31', 'month', false, 'this month'],
      ['2023-03-08', 'Shares fell earlier this week.', '2023-03-06', '2023-03-07', 'week', true, 'earlier this week'],
      ['2023-03-08', 'A ruling is expected in the next few days.', '2023-03-09', '2023-03-11', 'week', true],
    ]);
  });

  describe('steps from the previous event (chrono counts them from the publication date)', () => {
    table(
      [
        ['2023-03-08', 'A few days later, the school reopened.', '2023-01-13', '2023-01-13', 'day', true, 'A few days later'],
        ['2023-03-08', 'Two days later, the school reopened.', '2023-01-12', '2023-01-12', 'day', false],
        ['2023-03-08', 'The school reopened the next day.', '2023-01-11', '2023-01-11', 'day', false],
        ['2023-03-08', 'Parents were told that day.', '2023-01-10', '2023-01-10', 'day', false],
        ['2023-03-08', 'Classes moved online the following week.', '2023-01-16', '2023-01-22', 'week', false],
      ],
      { start: '2023-01-10', end: '2023-01-10' },
    );

    it('leaves a step out when there is no earlier event to count from, and says so', () => {
      const scan = scanDates('A few days later, the school reopened.', { reference: '2023-03-08' });
      expect(scan.mentions).toEqual([]);
      expect(scan.unresolved.map((u) => u.text)).toEqual(['A few days later']);
    });
  });
});

describe('parts and spans', () => {
  table([
    ['2023-03-08', 'Snow closed the pass in late January.', '2023-01-21', '2023-01-31', 'month', true, 'in late January'],
    ['2023-03-08', 'Snow closed the pass in early January.', '2023-01-01', '2023-01-10', 'month', true],
    ['2023-03-08', 'Snow closed the pass in mid-January.', '2023-01-11', '2023-01-20', 'month', true, 'in mid-January'],
    ['2023-03-08', 'The line has been idle since 2011.', '2011-01-01', '2011-12-31', 'year', false, 'since 2011'],
    ['2023-03-08', 'The club was relegated in 2021.', '2021-01-01', '2021-12-31', 'year', false, 'in 2021'],
    ['2023-03-08', 'Output recovered in mid-2022.', '2022-05-01', '2022-08-31', 'year', true],
    ['2023-03-08', 'The estate was built in the late 1960s.', '1967-01-01', '1969-12-31', 'decade', true],
    ['2023-03-10', 'The ring road will stay shut until Wednesday.', '2023-03-15', '2023-03-15', 'day', false, 'until Wednesday'],
    ['2023-03-08', 'The new fares apply from July 1.', '2023-07-01', '2023-07-01', 'day', false, 'from July 1'],
    ['2023-03-08', 'The museum was shut from 2010 to 2015.', '2010-01-01', '2015-12-31', 'year', false],
    ['2023-03-08', 'The festival runs Aug. 4-6.', '2023-08-04', '2023-08-06', 'day', false],
  ]);
});

describe('holidays and named periods', () => {
  table([
    ['2023-03-08', 'The shop was looted on Christmas Eve.', '2022-12-24', '2022-12-24', 'day', false],
    ['2023-11-20', 'The market will close at Christmas.', '2023-12-25', '2023-12-25', 'day', false],
    ['2023-03-08', 'The ferry stops running over Easter.', '2023-04-09', '2023-04-09', 'day', false],
    ['2023-03-08', 'The pier was damaged on Good Friday 2021.', '2021-04-02', '2021-04-02', 'day', false],
    ['2023-11-20', 'The parade returns on Thanksgiving.', '2023-11-23', '2023-11-23', 'day', false],
    ['2023-03-08', 'The tunnel flooded last summer.', '2022-06-01', '2022-08-31', 'quarter', true],
    ['2023-03-08', 'The works will finish in the spring of 2024.', '2024-03-01', '2024-05-31', 'quarter', true],
    ['2023-03-08', 'The mine closed a decade ago.', '2013-01-01', '2013-12-31', 'year', true],
  ]);
});

describe('what chrono-node gets wrong by default', () => {
  it('reads an event named after "a week after" as a week before the date the sentence speaks from', () => {
    // chrono alone puts "a week after" a week after the publication date.
    const [m] = findDates('The inquiry opens just over a week after the ferry sank.', { reference: '2023-03-08' });
    expect(m).toMatchObject({ start: '2023-03-01', approximate: true, text: 'just over a week after' });
  });

  it('counts "two days before <event>" from the other date in the sentence', () => {
    const dates = findDates('The vote on March 3 came two days before the walkout.', { reference: '2023-03-08' });
    expect(dates.map((d) => d.start)).toEqual(['2023-03-03', '2023-03-05']);
  });

  it('counts "two days after <event> on <day>" from the event\'s own date, taking it in', () => {
    const dates = findDates('Two days after the vote on Sunday, protesters returned.', { reference: '2023-03-08' });
    expect(dates).toEqual([
      { text: 'Two days after the vote on Sunday', index: 0, start: '2023-03-07', end: '2023-03-07', granularity: 'day', approximate: false },
    ]);
  });

  it('leaves "a week after <event>" unplaced in a past-tense sentence with no other date', () => {
    const scan = scanDates('The strike began a week after the election.', { reference: '2023-03-08' });
    expect(scan.mentions).toEqual([]);
    expect(scan.unresolved).toHaveLength(1);
  });

  describe('gives calendar dates that no time zone can move (chrono implies 12:00 local time)', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('in %s', (zone) => {
      process.env.TZ = zone;
      const dates = findDates('The pier collapsed on Sunday, and repairs begin on Jan. 2.', { reference: '2022-12-31' });
      expect(dates.map((d) => [d.start, d.end])).toEqual([
        ['2022-12-25', '2022-12-25'],
        ['2023-01-02', '2023-01-02'],
      ]);
    });
  });
});

describe('what is no date', () => {
  it.each([
    'The fire is now under control.',
    'The ward was recently refurbished.',
    'The plant currently employs 300 people.',
    'The mayor, who was at the time a teacher, objected.',
    'The alarm sounded at 6.15pm in the main hall.',
    'Shares slipped in morning trading.',
    'The family has farmed the valley for 20 years.',
    'Thousands of students march on the capital each spring break.',
    'Prices may rise again.',
    'Power was cut in 2000 homes.',
    'The 45-year-old was released on bail.',
    'Details are at www.example.org/2022/02/21/story.',
    'In a year when prices soared, the bakery held its own.',
    'In one day, volunteers raised $8,000.',
    'They finished in second place.',
    'The 2019 report was never published.',
  ])('%s', (sentence) => {
    expect(findDates(sentence, { reference: '2023-03-08' })).toEqual([]);
  });
});

describe('mentions', () => {
  it('are in text order, with the offset of the expression as written', () => {
    const sentence = 'The dam failed in 2019 and was rebuilt by March 2021.';
    const dates = findDates(sentence, { reference: '2023-03-08' });
    expect(dates.map((d) => d.text)).toEqual(['in 2019', 'by March 2021']);
    for (const d of dates) expect(sentence.slice(d.index, d.index + d.text.length)).toBe(d.text);
  });
});

describe('date forms news writes (regressions from real-news checks)', () => {
  table([
    ['2023-11-20', 'Output fell during the 2009-2010 recession.', '2009-01-01', '2010-12-31', 'year', false],
    ['2023-11-20', 'He served as mayor in 1957-58 before moving to the senate.', '1957-01-01', '1958-12-31', 'year', false, 'in 1957-58'],
    ['2023-11-20', 'The 1975–90 civil war left the city divided.', '1975-01-01', '1990-12-31', 'year', false],
    ['2023-11-20', 'She recalled that January day in 2011 when the dam broke.', '2011-01-01', '2011-01-31', 'month', false],
    ['2023-11-20', 'In March of 2019 the plant closed for good.', '2019-03-01', '2019-03-31', 'month', false],
    ['2023-03-08', 'In November the board rejected the offer.', '2022-11-01', '2022-11-30', 'month', false],
    ['2023-03-08', 'The board, which rejected the offer in April, meets again today.', '2022-04-01', '2022-04-30', 'month', false],
    ['2023-11-20', 'Profits rose in the third-quarter.', '2023-07-01', '2023-09-30', 'quarter', false],
    ['2023-11-20', 'The company reported a loss for fiscal 2022.', '2022-01-01', '2022-12-31', 'year', true],
  ]);

  it('reads an ISO month ("2024-03") as no span of years', () => {
    expect(findDates('The figures for 2021-03 were revised.', { reference: '2023-11-20' }).some((m) => m.end.startsWith('2103'))).toBe(false);
  });

  it('reads the second date of a sentence too', () => {
    const dates = findDates('The council approved the plan on March 3 and the works began on April 10.', { reference: '2023-05-01' });
    expect(dates.map((d) => d.start)).toEqual(['2023-03-03', '2023-04-10']);
  });

  it('weekday-mismatch: a weekday that is not the date\'s keeps the written date and is reported', () => {
    // 3 March 2026 is a Tuesday; the old resolver moved the event to 2025, when 3 March was a Monday.
    const scan = scanDates('The ferry sank on Monday, March 3.', { reference: '2026-03-10' });
    expect(scan.mentions.map((m) => m.start)).toEqual(['2026-03-03']);
    expect(scan.weekdayMismatches.map((m) => m.text)).toEqual(['on Monday, March 3']);
    expect(scanDates('The ferry sank on Tuesday, March 3.', { reference: '2026-03-10' }).weekdayMismatches).toEqual([]);
  });
});
