/** Independent origins: the credit-line grammar, near-identical paragraphs, and how sources are grouped. */
import { describe, expect, it } from 'vitest';
import { creditsOf, looksLikePerson } from '../../src/analyze/credits.js';
import { findOrigins, originsFromEntries } from '../../src/analyze/origins.js';
import { sharedTextLinks } from '../../src/analyze/shared-text.js';
import type { Document, SourceMeta } from '../../src/model/source.js';
import { documentOf } from '../helpers/documents.js';

/** A document whose raw blocks hold `raw` (credit lines included) and whose cleaned paragraphs are `story`. */
function article(id: string, meta: SourceMeta, story: string[], raw: string[] = story): Document {
  const doc = documentOf(id, meta, story);
  return { ...doc, source: { ...doc.source, blocks: raw.map((text) => ({ text, role: 'paragraph' as const })) } };
}

const lead = 'The Oldmere tram line will stay closed until the end of the month while workers replace a cracked section of track near the depot, the transport office said.';
const second = 'About 9,000 passengers use the line on a weekday, and replacement buses will run every ten minutes from the station forecourt until the trams return.';
const other = 'Tram services in Oldmere are suspended for the rest of the month, city officials confirmed, after inspectors found a fractured rail outside the depot.';

describe('creditsOf', () => {
  const credits = (raw: string[], meta: SourceMeta = {}) => creditsOf(article('S1', meta, [lead], raw).source);

  it('reads the agency of a dateline the reader cut, and of one it did not', () => {
    const doc = article('S1', {}, [lead]);
    doc.source.blocks[0] = { text: lead, role: 'paragraph', dateline: 'OLDMERE, May 4 (Lantern News Agency) —' };
    expect(creditsOf(doc.source).agencies).toEqual(['Lantern News Agency']);
    expect(credits([`OLDMERE (Lantern News Agency) — ${lead}`]).agencies).toEqual(['Lantern News Agency']);
  });

  it('reads contribution notes, credit lists with an agency, trailing dashes and copyright lines', () => {
    expect(credits([lead, 'Lantern News Agency contributed to this report.']).agencies).toEqual(['Lantern News Agency']);
    expect(credits([lead, '(Reporting by Ana Brell in Oldmere; Editing by Tomas Veer (Lantern News Agency))'])).toEqual({
      agencies: ['Lantern News Agency'],
      people: ['Ana Brell', 'Tomas Veer'],
    });
    expect(credits([lead, '— Lantern News Agency']).agencies).toEqual(['Lantern News Agency']);
    expect(credits([lead, '© 2024 The Lantern Agency. All rights reserved.']).agencies).toEqual(['The Lantern Agency']);
  });

  it('tells people from organisations in a byline, and ignores desk credits', () => {
    expect(credits([lead], { author: 'Ana Brell, The Lantern Agency' })).toEqual({ agencies: ['The Lantern Agency'], people: ['Ana Brell'] });
    expect(credits([lead], { author: 'Staff' })).toEqual({ agencies: [], people: [] });
    expect(credits([lead], { author: 'Metro' })).toEqual({ agencies: [], people: [] });
  });

  it('does not read prose that opens like a credit as one', () => {
    expect(credits(['Reporting by the local paper first revealed the cracks last year.', lead])).toEqual({ agencies: [], people: [] });
    expect(credits([`${lead} — the office added.`])).toEqual({ agencies: [], people: [] });
  });

  it('knows a name from an organisation by its shape', () => {
    expect(looksLikePerson('Ana de la Cruz')).toBe(true);
    expect(looksLikePerson('Lantern News Agency')).toBe(false);
    expect(looksLikePerson('AP')).toBe(false);
  });
});

describe('sharedTextLinks', () => {
  it('links sources that print a near-identical paragraph, even lightly edited', () => {
    const edited = second.replace('every ten minutes', 'every 10 minutes');
    const docs = [article('S1', {}, [lead, second]), article('S2', {}, [other, edited]), article('S3', {}, [other])];
    expect(sharedTextLinks(docs)).toEqual([{ a: 0, b: 1 }, { a: 1, b: 2 }]);
  });

  it('does not count a shared quotation or short lines as shared copy', () => {
    const quote = '"We will not run a single tram until every metre of that track has been checked and signed off," the chief engineer said.';
    const docs = [article('S1', {}, [lead, quote]), article('S2', {}, [other, quote])];
    expect(sharedTextLinks(docs)).toEqual([]);
  });
});

describe('findOrigins', () => {
  it('makes wire copy and its reprints one origin, labelled by the credited agency', () => {
    const docs = [
      article('S1', { outlet: 'Oldmere Echo' }, [lead, second], [`OLDMERE (Lantern News Agency) — ${lead}`, second]),
      article('S2', { outlet: 'Ridge Daily' }, [lead, second]),
      article('S3', { outlet: 'Canal Street Journal' }, [other]),
    ];
    expect(findOrigins(docs)).toEqual([
      { id: 'O1', label: 'Lantern News Agency', sources: ['S1', 'S2'], basis: 'shared-text' },
      { id: 'O2', label: 'Canal Street Journal', sources: ['S3'], basis: 'own' },
    ]);
  });

  it('joins sources by a credit alone, and the agency\'s own article to its reprints', () => {
    const docs = [
      article('S1', { outlet: 'Lantern News Agency' }, [lead]),
      article('S2', { outlet: 'Ridge Daily' }, [other], [other, 'Lantern News Agency contributed to this report.']),
    ];
    expect(findOrigins(docs)).toEqual([{ id: 'O1', label: 'Lantern News Agency', sources: ['S1', 'S2'], basis: 'credit' }]);
  });

  it('labels shared text with no credit as shared copy, and keeps one outlet\'s articles together', () => {
    const docs = [
      article('S1', { outlet: 'Oldmere Echo' }, [lead]),
      article('S2', { outlet: 'Ridge Daily' }, [lead]),
      article('S3', { outlet: 'Canal Street Journal' }, [other]),
      article('S4', { outlet: 'canal street journal' }, [second]),
      article('S5', {}, [second.replace('weekday', 'working day').replace('About', 'Roughly')]),
    ];
    const origins = findOrigins(docs);
    expect(origins.map((o) => [o.label, o.sources, o.basis])).toEqual([
      ['shared copy', ['S1', 'S2'], 'shared-text'],
      ['Canal Street Journal', ['S3', 'S4', 'S5'], 'shared-text'],
    ]);
  });

  it('puts every source in exactly one origin, a source of unknown outlet on its own', () => {
    const docs = [article('S1', {}, [lead]), article('S2', {}, [other]), article('S3', { outlet: 'Ridge Daily' }, [second])];
    const origins = findOrigins(docs);
    expect(origins.map((o) => o.sources)).toEqual([['S1'], ['S2'], ['S3']]);
    expect(origins.map((o) => o.label)).toEqual(['outlet unknown', 'outlet unknown', 'Ridge Daily']);
  });
});

describe('originsFromEntries', () => {
  it('groups a briefing written before origins by outlet', () => {
    const entry = (id: string, outlet: string | null) => ({ id, outlet });
    const origins = originsFromEntries([entry('S1', 'Ridge Daily'), entry('S2', null), entry('S3', 'ridge daily')] as never);
    expect(origins).toEqual([
      { id: 'O1', label: 'Ridge Daily', sources: ['S1', 'S3'], basis: 'own' },
      { id: 'O2', label: 'outlet unknown', sources: ['S2'], basis: 'own' },
    ]);
  });
});
