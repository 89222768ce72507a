import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boilerplateRules, findBoilerplate } from '../../src/clean/boilerplate.js';
import { clean } from '../../src/clean/index.js';
import type { Block, Source } from '../../src/model/source.js';

const fixtures = fileURLToPath(new URL('../fixtures/clean/', import.meta.url));

function sourceOf(blocks: Block[]): Source {
  return { id: 'S1', path: 'fixture.txt', format: 'text', encoding: 'utf-8', sha256: '', meta: {}, metaOrigin: {}, blocks };
}

/** The rule id a dropped-block warning names. */
function ruleIdOf(reason: string): string | undefined {
  return /\(rule ([\w-]+)\)/.exec(reason)?.[1];
}

describe('boilerplate fixtures (one folder per behaviour)', () => {
  const cases = readdirSync(fixtures).sort();

  it('finds its fixture folders (at least the 14 it started with)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  for (const name of cases) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(fixtures, name, 'input.json'), 'utf8')) as { blocks: Block[] };
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as {
        kept: string[];
        droppedBy: string[];
      };
      const { documents, warnings } = clean([sourceOf(input.blocks)]);
      expect(documents[0]!.paragraphs.map((p) => p.text)).toEqual(expected.kept);
      const dropped = warnings.filter((w) => w.kind === 'boilerplate-dropped').map((w) => ruleIdOf(w.reason));
      expect(dropped).toEqual(expected.droppedBy);
    });
  }
});

describe('boilerplate rule table', () => {
  it('has unique ids and a description for every rule', () => {
    const ids = boilerplateRules.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of boilerplateRules) expect(rule.description.length).toBeGreaterThan(5);
  });

  it('names the rule that matched each block, undefined for story text', () => {
    const rules = findBoilerplate([
      { text: 'Tags: courts, privacy', role: 'paragraph' },
      { text: 'The court sat for three days.', role: 'paragraph' },
    ]);
    expect(rules.map((r) => r?.id)).toEqual(['tags', undefined]);
  });

  it('keeps long story paragraphs whatever keyword they open with', () => {
    const long =
      'Related to the closure, the port said it would hire twelve extra inspectors, publish their reports every ' +
      'month, and invite passengers to a public meeting at the town hall on the first Monday of every month until ' +
      'the repairs are finished and the ferry is back in service on its usual timetable.';
    expect(findBoilerplate([{ text: long, role: 'paragraph' }])[0]).toBeUndefined();
  });

  it.each([
    'Follow the money, investigators told the committee.',
    'Photos taken by residents showed flames above the roof.',
    'The council will publish its decision on its website on Friday.',
    'Subscribers to the ferry pass will get a refund, the operator said.',
    'Published in 2019, the report warned of corrosion.',
    'Updated figures released on Monday showed 40 crossings were cancelled.',
    'Home owners near the quay were told to keep windows shut.',
    'Copyright holders have until June to object.',
    'Share prices fell 4% after the announcement.',
    'By 2030 the port hopes to run only electric ferries.',
    'Watch the tides, the harbour master warned.',
  ])('keeps the story sentence %j', (text) => {
    expect(findBoilerplate([{ text, role: 'paragraph' }])[0]).toBeUndefined();
  });

  it('drops a headline-like picture description only when captions give it away', () => {
    const rules = findBoilerplate([
      { text: 'Ferry service resumes on March 9, 2025', role: 'heading' },
      { text: 'Crowds gather on the quay in Westquay, Norland, Sunday, March 9, 2025', role: 'heading' },
    ]);
    expect(rules.map((r) => r?.id)).toEqual([undefined, 'caption-dated']);
  });
});

describe('boilerplate rule examples from the table comments', () => {
  it.each([
    ['Read the full story on Example News', 'read-original'],
    ['This story originally appeared in The Gazette.', 'read-original'],
    ['More on this topic', 'related-links'],
    ['Have a news tip? Message us', 'promo'],
    ['You have one free story left. Subscribe now.', 'paywall-cookie'],
    ['We use cookies to improve your visit.', 'paywall-cookie'],
    ['Words by Ann Lee | Chief Reporter', 'byline'],
    ['Copyright 2025 Example Corp.', 'copyright'],
    ['Ann Lee contributed to this report.', 'credits'],
    ['— Ann Lee (@annlee) March 7, 2025', 'social-embed'],
    ['REUTERS/Ann Lee/File Photo', 'photo-credit'],
    ['Bloomberg via Getty Images', 'photo-credit'],
  ])('%j is dropped by %s', (text, id) => {
    expect(findBoilerplate([{ text, role: 'paragraph' }])[0]?.id).toBe(id);
  });
});
