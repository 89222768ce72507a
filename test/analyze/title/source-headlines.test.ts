import { describe, expect, it } from 'vitest';
import { cleanHeadline } from '../../../src/analyze/headline/clean.js';
import { titleOf } from './helpers.js';

// An invented story told by three outlets: a ferry aground off a headland, everyone rescued.
const grounding = 'The Marren island ferry ran aground off Kestrel Point on Thursday evening, and lifeboats rescued all 212 passengers and crew.';
const courier = {
  meta: { title: 'Marren ferry runs aground off Kestrel Point, all passengers rescued | Harbour Courier', outlet: 'Harbour Courier' },
  paragraphs: [grounding, 'The coastguard said the ferry lost steering in a strong tide.'],
};
const westfold = {
  meta: { title: 'Ferry operator faces questions over Marren route - Westfold Times', outlet: 'Westfold Times' },
  paragraphs: [
    'Lifeboats rescued 212 passengers and crew after the Marren island ferry ran aground off Kestrel Point on Thursday.',
    'Islanders have long complained that the operator sails in weather other ferries avoid.',
  ],
};
const wire = {
  paragraphs: ['All 212 people aboard the Marren island ferry were rescued after it ran aground off Kestrel Point, the coastguard said.'],
};

describe('chooseTitle with source headlines', () => {
  it('takes the headline the other sources bear out, not one outlet’s angle, and drops its outlet suffix', () => {
    expect(titleOf([westfold, courier, wire])).toBe('Marren ferry runs aground off Kestrel Point, all passengers rescued');
  });

  it('does not depend on the order of the sources', () => {
    expect(titleOf([courier, westfold, wire])).toBe(titleOf([wire, westfold, courier]));
  });

  it('takes the only headline there is, without its outlet suffix', () => {
    expect(titleOf([wire, westfold], wire.paragraphs[0])).toBe('Ferry operator faces questions over Marren route');
  });

  it('passes over a page title that is not about the story, and writes one from the bottom line instead', () => {
    const stray = { ...wire, meta: { title: 'Subscribe to our morning newsletter today' } };
    expect(titleOf([stray], wire.paragraphs[0])).toBe('All 212 people aboard the Marren island ferry rescued');
  });

  it('prefers a statement to a question about the same thing', () => {
    const question = { ...courier, meta: { title: 'Was the Marren ferry safe to sail off Kestrel Point?' } };
    const statement = { ...wire, meta: { title: 'Marren ferry aground off Kestrel Point, 212 rescued' } };
    expect(titleOf([question, statement])).toBe('Marren ferry aground off Kestrel Point, 212 rescued');
  });

  it('cuts a headline longer than twelve words where a clause starts, keeping the clause whole or not at all', () => {
    const long = {
      ...courier,
      meta: { title: 'Marren ferry runs aground off Kestrel Point after its steering fails in a strong tide near the harbour mouth' },
    };
    expect(titleOf([long, wire])).toBe('Marren ferry runs aground off Kestrel Point');
  });
});

describe('cleanHeadline', () => {
  const outlets = ['Harbour Courier', 'Westfold Times', 'harbourcourier.example.com'];
  it.each([
    ['Ferry runs aground off Kestrel Point | Harbour Courier', 'Ferry runs aground off Kestrel Point'],
    ['Ferry runs aground off Kestrel Point - Westfold Times', 'Ferry runs aground off Kestrel Point'],
    ['Harbour Courier - Ferry runs aground off Kestrel Point', 'Ferry runs aground off Kestrel Point'],
    ['Ferry runs aground off Kestrel Point – harbourcourier.example.com', 'Ferry runs aground off Kestrel Point'],
    // An outlet the sources do not name, recognised by how publication names end.
    ['Ferry runs aground off Kestrel Point - Marren Island News', 'Ferry runs aground off Kestrel Point'],
    // Section and outlet after pipes, which headlines do not use themselves.
    ['Ferry runs aground off Kestrel Point | Coast | Harbour Courier', 'Ferry runs aground off Kestrel Point'],
    ['LIVE: Ferry runs aground off Kestrel Point', 'Ferry runs aground off Kestrel Point'],
    ['Analysis | Why the Marren ferry grounding matters', 'Why the Marren ferry grounding matters'],
    ['UPDATE 2-Ferry operator suspends Marren crossings', 'Ferry operator suspends Marren crossings'],
    ['Ferry runs aground off Kestrel Point – live updates', 'Ferry runs aground off Kestrel Point'],
    ['Marren ferry grounding: what we know so far', 'Marren ferry grounding'],
    ['Passengers describe the grounding - video', 'Passengers describe the grounding'],
    // Only after a separator: a word of the headline itself is no tail.
    ['Harbour rescue drill goes live', 'Harbour rescue drill goes live'],
    ['Ferry crews re-live the rescue', 'Ferry crews re-live the rescue'],
    // A dash inside the headline stays, and so does a topic in front of it.
    ['Crossings back on - at last', 'Crossings back on - at last'],
    ['Marren ferry: operator suspends crossings', 'Marren ferry: operator suspends crossings'],
  ])('%j → %j', (headline, title) => {
    expect(cleanHeadline(headline, outlets)).toBe(title);
  });
});
