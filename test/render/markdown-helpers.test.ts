import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../src/model/briefing.js';
import { dayLabel, longDateLabel, spanLabel } from '../../src/render/date-labels.js';
import { escapeInline } from '../../src/render/markdown-escape.js';
import { registerMarkdownHelpers } from '../../src/render/markdown-helpers.js';

function render(template: string, view: object = {}): string {
  const hb = Handlebars.create();
  registerMarkdownHelpers(hb);
  return hb.compile(template, { noEscape: true, strict: true })(view);
}

describe('escapeInline', () => {
  it.each([
    ['Plain prose, with commas; colons: and “quotes” — as it is.', 'Plain prose, with commas; colons: and “quotes” — as it is.'],
    ['the *ring road* and **bold**', 'the \\*ring road\\* and \\*\\*bold\\*\\*'],
    ['2 * 3 = 6', '2 * 3 = 6'],
    ['_emphasis_ but snake_case_name', '\\_emphasis\\_ but snake_case_name'],
    ['see [x] and [A12](http://x.test)', 'see \\[x\\] and \\[A12\\](http://x.test)'],
    ['a | b', 'a | b'],
    ['# Not a heading', '\\# Not a heading'],
    ['Vote count #1 and #', 'Vote count #1 and \\#'],
    ['1. Not a list', '1\\. Not a list'],
    ['2022) Not a list either', '2022\\) Not a list either'],
    ['- not a bullet', '\\- not a bullet'],
    ['+ not a bullet', '\\+ not a bullet'],
    ['-5% is a number', '-5% is a number'],
    ['> not a quote, but a > b', '\\> not a quote, but a > b'],
    ['<tag> and </b> and <!-- c -->, but 3 < 4', '\\<tag> and \\</b> and \\<!-- c -->, but 3 < 4'],
    ['`code` and ``more``', '\\`code\\` and \\`\\`more\\`\\`'],
    ['back\\slash', 'back\\\\slash'],
    ['AT&T &amp; &#169;', 'AT&T \\&amp; \\&#169;'],
    ['~40 people', '~40 people'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['$5 or $7 million', '\\$5 or \\$7 million'],
    ['costs $5', 'costs $5'],
    ['two\nlines  and\ttabs ', 'two lines and tabs'],
    ['no\u00a0break', 'no\u00a0break'],
  ])('%j → %j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });

  it('escapes "|" only in table cells', () => {
    expect(escapeInline('a | b', { table: true })).toBe('a \\| b');
  });
});

describe('date labels', () => {
  const span = (start: string, end: string, granularity: Granularity, approximate = false) =>
    spanLabel({ start, end, granularity, approximate });

  it.each([
    [span('2022-02-21', '2022-02-21', 'day'), 'Mon 21 Feb 2022'],
    [span('2022-02-21', '2022-02-23', 'day'), '21–23 Feb 2022'],
    [span('2022-02-28', '2022-03-02', 'day'), '28 Feb – 2 Mar 2022'],
    [span('2021-12-30', '2022-01-02', 'day'), '30 Dec 2021 – 2 Jan 2022'],
    [span('2022-02-21', '2022-02-27', 'week'), '21–27 Feb 2022'],
    [span('2022-02-21', '2022-02-21', 'day', true), 'around Mon 21 Feb 2022'],
    [span('2022-02-01', '2022-02-28', 'month'), 'Feb 2022'],
    [span('2022-09-01', '2022-09-30', 'month'), 'Sep 2022'],
    [span('2022-01-01', '2022-01-10', 'month', true), 'early Jan 2022'],
    [span('2022-01-01', '2022-01-15', 'month', true), 'early Jan 2022'],
    [span('2022-01-11', '2022-01-20', 'month', true), 'mid Jan 2022'],
    [span('2022-01-21', '2022-01-31', 'month', true), 'late Jan 2022'],
    [span('2022-02-01', '2022-02-28', 'month', true), 'around Feb 2022'],
    [span('2022-01-01', '2022-03-31', 'month'), 'Jan–Mar 2022'],
    [span('2021-11-01', '2022-02-28', 'month'), 'Nov 2021 – Feb 2022'],
    [span('2022-01-01', '2022-03-31', 'quarter'), 'Q1 2022'],
    [span('2022-07-01', '2022-12-31', 'half'), 'second half of 2022'],
    [span('2014-01-01', '2014-12-31', 'year'), '2014'],
    [span('2014-01-01', '2014-04-30', 'year', true), 'early 2014'],
    [span('2014-09-01', '2014-12-31', 'year', true), 'late 2014'],
    [span('2014-01-01', '2016-12-31', 'year'), '2014–2016'],
    [span('1990-01-01', '1999-12-31', 'decade'), '1990s'],
    [span('1990-01-01', '1993-12-31', 'decade', true), 'early 1990s'],
    [span('next week', 'next week', 'week'), 'next week'],
  ])('%s', (label, expected) => {
    expect(label).toBe(expected);
  });

  it('formats single and long dates', () => {
    expect(dayLabel('2022-02-21')).toBe('Mon 21 Feb 2022');
    expect(longDateLabel('2022-02-21')).toBe('Monday 21 February 2022');
    expect(dayLabel('2022-02-30')).toBe('2022-02-30');
  });
});

describe('helpers', () => {
  it('md escapes, with table=true for cells, and shows null as "—"', () => {
    expect(render('{{md a}} | {{md a table=true}} | {{md b}}', { a: '*x* | y', b: null })).toBe('\\*x\\* | y | \\*x\\* \\| y | —');
  });

  it('date takes an ISO day, a dated item or positional fields; longDate the long form', () => {
    const entry = { start: '2022-01-01', end: '2022-01-10', granularity: 'month', approximate: true };
    const template = '{{date d}} · {{date e}} · {{date "2014-01-01" "2014-12-31" "year" false}} · {{longDate d}} · {{date n}}';
    expect(render(template, { d: '2022-02-21', e: entry, n: null })).toBe(
      'Mon 21 Feb 2022 · early Jan 2022 · 2014 · Monday 21 February 2022 · —',
    );
  });

  it('cite links each source id to its entry', () => {
    expect(render('{{cite s}}', { s: ['S1', 'S2'] })).toBe('[[S1](#s1), [S2](#s2)]');
    expect(render('{{cite s}}', { s: ['S12'] })).toBe('[[S12](#s12)]');
    expect(render('{{cite s}}', { s: [] })).toBe('');
  });

  it('plural counts with a regular or given plural; add numbers lists', () => {
    expect(render('{{plural 1 "source"}}, {{plural 3 "source"}}, {{plural 0 "outlet"}}, {{plural 2 "person" "people"}}')).toBe(
      '1 source, 3 sources, 0 outlets, 2 people',
    );
    expect(render('{{#each xs}}{{add @index 1}}.{{/each}}', { xs: ['a', 'b'] })).toBe('1.2.');
  });

  it('url makes an autolink, "—" for null, and escaped text for something that is not a URL', () => {
    expect(render('{{url u}}', { u: 'https://x.test/a?b=1&c=2' })).toBe('<https://x.test/a?b=1&c=2>');
    expect(render('{{url u}}', { u: null })).toBe('—');
    expect(render('{{url u}}', { u: 'see <page> 2' })).toBe('see \\<page> 2');
  });

  it('refuse a missing field instead of printing "undefined"', () => {
    for (const helper of ['md', 'date', 'longDate', 'cite', 'url']) {
      expect(() => render(`{{${helper} nope}}`, {})).toThrow(`helper "${helper}" was given a missing value`);
    }
  });
});
