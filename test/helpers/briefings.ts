/**
 * Hand-written Briefing values for writer tests. The story is invented; it exercises every section,
 * citations to several sources, Markdown-significant characters and non-Latin names.
 */
import { SCHEMA_VERSION, type Briefing } from '../../src/model/briefing.js';

export function sampleBriefing(): Briefing {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: 'Harbour bridge closed after cracks found in main span',
    date: '2023-03-09',
    sources: [
      {
        id: 'S1',
        path: 'fixtures/harbour/coast-gazette.html',
        title: 'Harbour bridge shut "until further notice"',
        outlet: 'Coast Gazette',
        url: 'https://gazette.example/news/harbour-bridge-shut?ref=rss&id=42',
        published: '2023-03-08',
        author: 'Ilse Varga',
        format: 'html',
        sha256: 'a'.repeat(64),
        origin: 'O1',
      },
      {
        id: 'S2',
        path: 'fixtures/harbour/wire.txt',
        title: 'Engineers find cracks in harbour bridge',
        outlet: 'Meridian Wire',
        url: null,
        published: '2023-03-09',
        author: null,
        format: 'text',
        sha256: 'b'.repeat(64),
        origin: 'O2',
      },
      {
        id: 'S3',
        path: 'fixtures/harbour/council.md',
        title: 'Council statement: Київ delegation & Αθήνα engineers to assist',
        outlet: null,
        url: null,
        published: null,
        author: null,
        format: 'markdown',
        sha256: 'c'.repeat(64),
        origin: 'O3',
      },
    ],
    origins: [
      { id: 'O1', label: 'Coast Gazette', sources: ['S1'], basis: 'own' },
      { id: 'O2', label: 'Meridian Wire', sources: ['S2'], basis: 'own' },
      { id: 'O3', label: 'outlet unknown', sources: ['S3'], basis: 'own' },
    ],
    summary: [
      {
        text: 'The Harbour Bridge was closed on Wednesday after inspectors found cracks in its main span, and will stay shut for at least three weeks.',
        sources: ['S1', 'S2'],
        evidence: [
          { source: 'S1', paragraph: 1, sentence: 1 },
          { source: 'S2', paragraph: 1, sentence: 1 },
        ],
      },
      {
        text: 'About 40,000 vehicles a day used the bridge; traffic is diverted via the *ring road* [A12] at a cost of £1.5 million_per_week.',
        sources: ['S1'],
        evidence: [{ source: 'S1', paragraph: 3, sentence: 2 }],
      },
      {
        text: 'Engineers from Łódź and Jürg Meier’s team in Αθήνα will review the welds.',
        sources: ['S3'],
        evidence: [{ source: 'S3', paragraph: 2, sentence: 1 }],
      },
    ],
    timeline: [
      {
        start: '1962-01-01',
        end: '1962-12-31',
        granularity: 'year',
        approximate: false,
        scheduled: false,
        text: 'The bridge opened in 1962.',
        when: 'in 1962',
        sources: ['S2'],
        evidence: [{ source: 'S2', paragraph: 4, sentence: 1 }],
      },
      {
        start: '2023-02-01',
        end: '2023-02-10',
        granularity: 'month',
        approximate: true,
        scheduled: false,
        text: 'A routine inspection began in early February.',
        when: 'in early February',
        sources: ['S1'],
        evidence: [{ source: 'S1', paragraph: 2, sentence: 1 }],
      },
      {
        start: '2023-03-08',
        end: '2023-03-08',
        granularity: 'day',
        approximate: false,
        scheduled: false,
        text: 'The bridge was closed to all traffic.',
        when: 'on Wednesday',
        sources: ['S1', 'S2'],
        evidence: [
          { source: 'S1', paragraph: 1, sentence: 1 },
          { source: 'S2', paragraph: 1, sentence: 1 },
        ],
      },
      {
        start: '2023-03-14',
        end: '2023-03-14',
        granularity: 'day',
        approximate: false,
        scheduled: true,
        text: 'The council will vote on emergency repair funding.',
        when: 'next Tuesday',
        sources: ['S3'],
        evidence: [{ source: 'S3', paragraph: 3, sentence: 1 }],
      },
    ],
    quotes: [
      {
        text: 'We will not reopen a single lane until every weld has been checked.',
        speaker: 'Olena Petrenko',
        role: 'chief engineer of the Harbour Authority',
        partial: false,
        key: true,
        sources: ['S1', 'S2'],
        evidence: [
          { source: 'S1', paragraph: 4, sentence: 1 },
          { source: 'S2', paragraph: 2, sentence: 1 },
        ],
      },
      {
        text: 'It is a nightmare for the school run.',
        speaker: 'Dara Quinn',
        role: null,
        partial: false,
        key: true,
        sources: ['S1'],
        evidence: [{ source: 'S1', paragraph: 6, sentence: 1 }],
      },
      {
        text: 'precautionary',
        speaker: 'Olena Petrenko',
        role: 'chief engineer of the Harbour Authority',
        partial: true,
        key: false,
        sources: ['S2'],
        evidence: [{ source: 'S2', paragraph: 3, sentence: 1 }],
      },
    ],
    questions: [
      {
        text: 'Will the council approve the emergency repair funding on Tuesday?',
        kind: 'pending',
        sources: ['S3'],
        evidence: [{ source: 'S3', paragraph: 3, sentence: 1 }],
      },
      {
        text: 'How many vehicles a day used the bridge: 40,000 (S1) or 45,000 (S2)?',
        kind: 'conflict',
        sources: ['S1', 'S2'],
        evidence: [
          { source: 'S1', paragraph: 3, sentence: 1 },
          { source: 'S2', paragraph: 3, sentence: 2 },
        ],
      },
    ],
    conflicts: [
      {
        about: 'vehicles a day',
        values: [
          { value: '40,000', sources: ['S1'], evidence: [{ source: 'S1', paragraph: 3, sentence: 1 }] },
          { value: '45,000', sources: ['S2'], evidence: [{ source: 'S2', paragraph: 3, sentence: 2 }] },
        ],
      },
    ],
  };
}

/** A briefing with only a summary: sections with nothing in them must be left out, not faked. */
export function summaryOnlyBriefing(): Briefing {
  const full = sampleBriefing();
  return { ...full, timeline: [], quotes: [], questions: [], conflicts: [] };
}
