import { describe, expect, it } from 'vitest';
import { extract, quoteWith, quotesOf } from './helpers.js';

/** Speaker and role of the one quote holding `words` in an article of these paragraphs. */
const said = (paragraphs: string[], words: string) => {
  const q = quoteWith(quotesOf(paragraphs), words);
  return { text: q.text, speaker: q.speaker, role: q.role, partial: q.partial };
};

describe('attribution forms', () => {
  it('"…," X said', () => {
    expect(said(['"The water is rising fast," Ines Marlow said.'], 'rising')).toMatchObject({
      text: 'The water is rising fast.',
      speaker: 'Ines Marlow',
    });
  });

  it('X said: "…"', () => {
    expect(said(['Harbour master Tomas Lind said: "No boat leaves tonight."'], 'No boat')).toMatchObject({
      text: 'No boat leaves tonight.',
      speaker: 'Tomas Lind',
      role: 'Harbour master',
    });
  });

  it('said X, <role>', () => {
    expect(said(['"We counted every vote twice," said Ruth Abara, the county clerk.'], 'counted')).toMatchObject({
      speaker: 'Ruth Abara',
      role: 'county clerk',
    });
  });

  it('X told reporters', () => {
    expect(said(['"The talks are over," Minister Pavel Drozd told reporters on Tuesday.'], 'talks')).toMatchObject({
      speaker: 'Pavel Drozd',
      role: 'Minister',
    });
  });

  it('X wrote:', () => {
    expect(said(['In a letter to staff, Selma Ekholm wrote: "We will not close the plant."'], 'close the plant')).toMatchObject({
      speaker: 'Selma Ekholm',
    });
  });

  it('X said in a statement', () => {
    expect(said(['"We regret the delay," Orla Fenn said in a statement.'], 'regret')).toMatchObject({ speaker: 'Orla Fenn' });
  });

  it('according to X', () => {
    expect(said(['"The line will reopen by noon," according to Juno Rail spokesman Arvid Holm.'], 'reopen')).toMatchObject({
      speaker: 'Arvid Holm',
    });
    expect(said(['"Repairs start today," according to a statement from Kessling Water.'], 'Repairs')).toMatchObject({
      speaker: 'Kessling Water',
    });
  });

  it('a speaker named in the paragraph before that ends with a colon', () => {
    expect(said(['Dr. Amara Osei, who led the study, put it plainly:', '"The drug works, but only at high doses."'], 'drug works')).toMatchObject({
      text: 'The drug works, but only at high doses.',
      speaker: 'Amara Osei',
    });
  });

  it('he / she → the right earlier person', () => {
    const paragraphs = [
      'Felix Okonjo, the site manager, met inspector Mrs. Helka Roos on Monday.',
      'Okonjo said the cracks were old. "They were there when we bought it," he said.',
      'Roos disagreed. "These cracks are new," she said.',
    ];
    expect(said(paragraphs, 'bought it').speaker).toBe('Felix Okonjo');
    expect(said(paragraphs, 'cracks are new').speaker).toBe('Helka Roos');
  });

  it('they → the organisation just named', () => {
    expect(said(['Brightwater Foods recalled 4,000 jars on Friday.', '"Safety comes first," they said.'], 'Safety').speaker).toBe('Brightwater Foods');
  });

  it('organisations: "the company said"', () => {
    const paragraphs = ['Brightwater Foods recalled 4,000 jars on Friday after a labelling error.', '"No one has fallen ill," the company said.'];
    expect(said(paragraphs, 'fallen ill').speaker).toBe('Brightwater Foods');
  });

  it('a quote broken by its attribution keeps one speaker, one quote per source sentence by default', () => {
    const quotes = quotesOf(['"The roof held," said Ines Marlow. "The walls did not."']);
    expect(quoteWith(quotes, 'roof held')).toMatchObject({ text: 'The roof held.', speaker: 'Ines Marlow' });
    expect(quoteWith(quotes, 'walls did not')).toMatchObject({ text: 'The walls did not.', speaker: 'Ines Marlow' });
  });

  it('a quote broken by its attribution is one quote when joining is asked for', () => {
    const q = quoteWith(extract([['"The roof held," said Ines Marlow. "The walls did not."']], 6, true).quotes, 'roof held');
    expect(q).toMatchObject({ text: 'The roof held. The walls did not.', speaker: 'Ines Marlow' });
  });

  it('a quote continued in the same paragraph without a new attribution keeps its speaker', () => {
    const quotes = quotesOf(['"We expected rain," Tomas Lind said. "Not this much."', 'The council met on Monday.']);
    expect(quoteWith(quotes, 'Not this much').speaker).toBe('Tomas Lind');
  });

  it('a multi-paragraph quote in wire style keeps its speaker in every paragraph', () => {
    const paragraphs = ['"We lost the harvest in two days," said farmer Ida Brekke. "Nobody had seen water like it.', '"Now we start again."'];
    const quotes = quotesOf(paragraphs);
    expect(quoteWith(quotes, 'Now we start again').speaker).toBe('Ida Brekke');
    expect(quoteWith(quotes, 'Nobody had seen').speaker).toBe('Ida Brekke');
  });

  it('a multi-paragraph quote in wire style is one quote when joining is asked for', () => {
    const paragraphs = ['"We lost the harvest in two days," said farmer Ida Brekke. "Nobody had seen water like it.', '"Now we start again."'];
    const q = quoteWith(extract([paragraphs], 6, true).quotes, 'harvest');
    expect(q).toMatchObject({ text: 'We lost the harvest in two days. Nobody had seen water like it. Now we start again.', speaker: 'Ida Brekke' });
    expect([...new Set(q.evidence.map((e) => e.paragraph))]).toEqual([1, 2]);
  });

  it('a quote-only paragraph continues the speaker of the paragraph before', () => {
    const quotes = quotesOf(['"The budget is balanced," Finance Minister Lea Horvat said on Monday.', '"We did it without new taxes."']);
    expect(quoteWith(quotes, 'without new taxes').speaker).toBe('Lea Horvat');
  });
});

describe('partial quotes', () => {
  it('keeps a few quoted words apart, with the speaker of the sentence', () => {
    expect(said(['Mayor Ruth Abara called the proposal "a gift to developers" at the meeting.'], 'gift')).toEqual({
      text: 'a gift to developers',
      speaker: 'Ruth Abara',
      role: 'Mayor',
      partial: true,
    });
  });

  it('gives a scare-quoted word no speaker when the sentence names none', () => {
    expect(said(['The storm brought a "perfect" swell to the bay.'], 'perfect')).toMatchObject({ partial: true, speaker: null });
  });

  it('does not take a quoted title for a quotation', () => {
    expect(quotesOf(['She appeared on the "Morning Harbour Show" on Tuesday.'])).toEqual([]);
  });
});
