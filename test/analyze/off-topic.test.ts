/**
 * Off-topic sources: invented folders under test/fixtures/off-topic/, one per behaviour, the articles in
 * input.json and what findOffTopic returns in expected.json. `UPDATE_GOLDEN=1 npx vitest run
 * test/analyze/off-topic.test.ts` rewrites the expected files; read the diff before committing them.
 */
import { describe, expect, it } from 'vitest';
import { findOffTopic } from '../../src/analyze/off-topic.js';
import type { Document } from '../../src/model/source.js';
import { documentOf } from '../helpers/documents.js';
import { storyCases, type StoryCase } from '../helpers/story-fixtures.js';

const cases = new Map(storyCases('off-topic').map((c) => [c.name, c]));

function story(name: string): StoryCase {
  const found = cases.get(name);
  if (found === undefined) throw new Error(`test/fixtures/off-topic/${name} is missing`);
  return found;
}

/** The documents renumbered S1…Sn in the order given, as ingest would number a folder of them. */
function renumbered(documents: Document[]): Document[] {
  return documents.map((d, i) => documentOf(`S${i + 1}`, d.source.meta, d.paragraphs.map((p) => p.text)));
}

describe('findOffTopic', () => {
  describe('on the fixtures', () => {
    for (const c of cases.values()) {
      it(`${c.name}: ${c.about}`, () => {
        c.matchesExpected({ flagged: findOffTopic(c.documents) });
      });
    }
  });

  describe('when one article of seven tells another story', () => {
    it('flags that one, with its similarity and a reason that compares it with the rest', () => {
      const flagged = findOffTopic(story('stray-football-report').documents);
      expect(flagged.map((f) => f.source)).toEqual(['S4']);
      const [football] = flagged;
      expect(football!.similarity).toBeLessThan(0.1);
      expect(football!.reason).toMatch(/^shares few terms with the other 6 sources \(similarity 0\.\d\d; the least related of the others is 0\.\d\d\)$/);
    });
  });

  describe('when every article tells one story from its own angle', () => {
    it('flags nothing', () => {
      expect(findOffTopic(story('one-story-many-angles').documents)).toEqual([]);
    });
  });

  describe('when there are fewer than 3 sources', () => {
    it('flags nothing, however different the two are', () => {
      expect(findOffTopic(story('two-sources').documents)).toEqual([]);
      expect(findOffTopic(story('two-sources').documents.slice(0, 1))).toEqual([]);
      expect(findOffTopic([])).toEqual([]);
    });
  });

  describe('when half the sources tell another story', () => {
    it('flags nothing: neither half is a stray', () => {
      expect(findOffTopic(story('half-another-story').documents)).toEqual([]);
    });

    it('flags nothing when three strays stand against three articles of the story, but all three against four', () => {
      const strike = story('stray-football-report').documents;
      const [ferry, festival] = story('two-sources').documents;
      const strays = [strike[3]!, ferry!, festival!];
      const story3 = [strike[0]!, strike[1]!, strike[2]!];
      expect(findOffTopic(renumbered([...story3, ...strays]))).toEqual([]);
      const flagged = findOffTopic(renumbered([...story3, strike[4]!, ...strays]));
      expect(flagged.map((f) => f.source)).toEqual(['S5', 'S6', 'S7']);
    });
  });

  describe('when the stray is printed twice', () => {
    it('flags both copies: a reprint does not vouch for its original', () => {
      const documents = story('stray-football-report').documents;
      const football = documents[3]!;
      const flagged = findOffTopic(renumbered([...documents, football]));
      expect(flagged.map((f) => f.source)).toEqual(['S4', 'S8']);
    });
  });

  describe('when a source has no content words', () => {
    it('does not judge it: nothing in it can be off topic', () => {
      const strike = story('stray-football-report').documents.filter((d) => d.source.id !== 'S4');
      const empty = documentOf('S7', {}, ['—', '…']);
      expect(findOffTopic(renumbered([...strike.slice(0, 4), empty]))).toEqual([]);
    });
  });

  describe('with options', () => {
    it('flags nothing under a floor of 0', () => {
      expect(findOffTopic(story('stray-football-report').documents, { floor: 0 })).toEqual([]);
    });
  });

  it('is deterministic: the same input, or a copy of it, gives the same output', () => {
    const documents = story('stray-football-report').documents;
    const first = findOffTopic(documents);
    expect(findOffTopic(documents)).toEqual(first);
    expect(findOffTopic(structuredClone(documents))).toEqual(first);
  });
});
