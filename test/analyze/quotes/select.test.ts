import { describe, expect, it } from 'vitest';
import { extract } from './helpers.js';

const articles = [
  [
    'Flooding closed the coastal road on Sunday.',
    '"We have never seen the river this high in forty years of records," said hydrologist Ivo Brandt.',
    'Mayor Ruth Abara called the response "too slow."',
    '"Every family will have a bed tonight, and the shelters will stay open all week," Abara said.',
    '"Bring the cattle in," one farmer shouted.',
  ],
  ['"Every family will have a bed tonight, and the shelters will stay open all week," Mayor Ruth Abara said.', '"It was chaos," a driver said.'],
];

describe('key quotes', () => {
  it('marks the requested number of key quotes, full quotes with a speaker only', () => {
    const { quotes } = extract(articles, 2);
    const key = quotes.filter((q) => q.key);
    expect(key).toHaveLength(2);
    expect(key.every((q) => !q.partial && q.speaker !== null)).toBe(true);
  });

  it('ranks a corroborated quote first, then lists the rest in source order', () => {
    const { quotes } = extract(articles, 2);
    expect(quotes[0]!.text).toMatch(/^Every family/);
    expect(quotes[0]!.sources).toEqual(['S1', 'S2']);
    const rest = quotes.filter((q) => !q.key);
    const order = rest.map((q) => [Number(q.evidence[0]!.source.slice(1)), q.evidence[0]!.paragraph]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('holds every quote in the JSON list, key or not', () => {
    const { quotes } = extract(articles, 1);
    expect(quotes.map((q) => q.text)).toEqual(
      expect.arrayContaining(['too slow.', 'Bring the cattle in.', 'It was chaos.']),
    );
  });
});

describe('key quotes when full quotes run short', () => {
  it('fills the remaining places with partial quotes that have a speaker, after the full ones', () => {
    const { quotes } = extract([['"The ferry will run," said captain Odd Nyhus.', 'Mayor Ruth Abara called the timetable "a joke."', 'The weather was "unusual" all week.']], 3);
    expect(quotes.filter((q) => q.key).map((q) => q.text)).toEqual(['The ferry will run.', 'a joke.']);
  });
});
