import { describe, expect, it } from 'vitest';
import { headlineFrom } from '../../../src/analyze/headline/derive.js';
import { titleOf } from './helpers.js';

// An invented story with no headlines anywhere: a harbour channel closed after a ship hit the breakwater.
const bottomLine =
  'The Kestrel Bay harbour authority said on Wednesday it was closing the northern channel to all commercial shipping for at least a month, two days after a cargo vessel lost power and drifted onto the breakwater, which was badly damaged.';
const gazette = { paragraphs: [bottomLine, 'Engineers found cracks along forty metres of the breakwater, the authority said.'] };
const bulletin = { paragraphs: ['Commercial ships may not use the northern channel of Kestrel Bay harbour for at least a month, the harbour authority said.'] };

describe('chooseTitle without source headlines', () => {
  it('writes a headline from the bottom line: no attribution, time phrase or trailing clause, within twelve words', () => {
    const title = titleOf([gazette, bulletin], bottomLine);
    expect(title).toBe('Kestrel Bay harbour authority closing the northern channel to all commercial shipping');
    expect(title).not.toBe(bottomLine);
  });

  it('falls back to "Briefing" when there is nothing to write a title from', () => {
    expect(titleOf([], undefined)).toBe('Briefing');
  });
});

describe('headlineFrom', () => {
  it.each([
    // "X said Monday it …": the subject stands in for the pronoun, the saying goes.
    [bottomLine, 'Kestrel Bay harbour authority closing the northern channel to all commercial shipping'],
    [
      'The Orlen Valley water board announced on Monday that it will ban garden hoses across the county from next week as reservoir levels fall.',
      'Orlen Valley water board will ban garden hoses across the county',
    ],
    // An attribution after the clause, and a time phrase inside it.
    ['Divers recovered the second flight recorder from the lake bed late Tuesday, the transport ministry said.', 'Divers recovered the second flight recorder from the lake bed'],
    ['According to the coastguard, all 212 passengers were brought ashore by lifeboats before midnight.', 'All 212 passengers brought ashore by lifeboats before midnight'],
    // The person told goes with the telling; reported speech's "had died" is "died".
    ['Police told reporters on Friday that two people had died in the warehouse fire.', 'Two people died in the warehouse fire'],
    // A clause that hangs on the main one goes first, before anything is cut for length.
    ['Four climbers were stranded and two hurt when a rockfall blocked the upper path on Brennock Crag.', 'Four climbers stranded and two hurt'],
    // What follows the verb is no clause of its own: the announcement is the news.
    ['The council announced on Friday a new cycle lane for the seafront.', 'Council announced a new cycle lane for the seafront'],
    // A day that names a thing is no time phrase.
    ["Volunteers cleared debris from Sunday's storm along the seafront.", "Volunteers cleared debris from Sunday's storm along the seafront"],
    ['Rail services were suspended.', 'Rail services suspended'],
  ])('%j → %j', (sentence, headline) => {
    expect(headlineFrom(sentence)).toBe(headline);
  });
});
