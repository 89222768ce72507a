/** Support wording: calibrated words tied to independent origins, and when a brief says nothing. */
import { describe, expect, it } from 'vitest';
import { supportContext, supportOf, withSupport } from '../../src/analyze/support.js';
import type { Conflict, Origin, SourceEntry } from '../../src/model/briefing.js';
import { sampleBriefing } from '../helpers/briefings.js';

const source = (id: string, outlet: string | null, origin: string): SourceEntry =>
  ({ id, outlet, origin } as SourceEntry);

/** Three outlets: two reprint one agency (O1), one reports on its own (O2). */
const sources = [source('S1', 'Ridge Daily', 'O1'), source('S2', 'Oldmere Echo', 'O1'), source('S3', 'Canal Street Journal', 'O2')];
const origins: Origin[] = [
  { id: 'O1', label: 'Lantern News Agency', sources: ['S1', 'S2'], basis: 'credit' },
  { id: 'O2', label: 'Canal Street Journal', sources: ['S3'], basis: 'own' },
];
const conflict: Conflict = {
  about: 'passengers a day',
  values: [
    { value: '9,000', sources: ['S1'], evidence: [{ source: 'S1', paragraph: 2, sentence: 1 }] },
    { value: '12,000', sources: ['S3'], evidence: [{ source: 'S3', paragraph: 4, sentence: 1 }] },
  ],
};
const context = supportContext({ sources, origins, conflicts: [conflict] });
const at = (source: string, paragraph = 1) => ({ source, paragraph, sentence: 1 });

describe('supportOf', () => {
  it('counts independent origins, not outlets, when it calls an item corroborated', () => {
    expect(supportOf({ sources: ['S1', 'S3'], evidence: [at('S1'), at('S3')] }, context)).toEqual({
      outlets: 2, origins: 2, level: 'corroborated', wording: 'reported by 2 independent outlets',
    });
    expect(supportOf({ sources: ['S1', 'S2', 'S3'], evidence: [at('S1'), at('S2'), at('S3')] }, context)).toEqual({
      outlets: 3, origins: 2, level: 'corroborated', wording: '3 outlets, 2 independent origins',
    });
  });

  it('names the one origin several outlets reprint, and says when one outlet alone reports', () => {
    expect(supportOf({ sources: ['S1', 'S2'], evidence: [at('S1'), at('S2')] }, context)).toEqual({
      outlets: 2, origins: 1, level: 'single', wording: '2 outlets, 1 origin: Lantern News Agency',
    });
    expect(supportOf({ sources: ['S3'], evidence: [at('S3')] }, context)).toMatchObject({ level: 'single', wording: 'one outlet reports' });
  });

  it('says sources disagree when a conflict cites the item\'s evidence', () => {
    expect(supportOf({ sources: ['S1', 'S2'], evidence: [at('S1', 2), at('S2', 2)] }, context)).toEqual({
      outlets: 2, origins: 1, level: 'disputed', wording: 'sources disagree',
    });
  });

  it('says nothing on each line when the whole brief rests on one origin', () => {
    const one = supportContext({ sources: [source('S1', 'Ridge Daily', 'O1')], origins: [origins[0]!], conflicts: [] });
    expect(supportOf({ sources: ['S1'], evidence: [at('S1')] }, one)).toEqual({ outlets: 1, origins: 1, level: 'single', wording: '' });
    const reprints = supportContext({ sources: sources.slice(0, 2), origins: [origins[0]!], conflicts: [] });
    expect(supportOf({ sources: ['S1', 'S2'], evidence: [] }, reprints)).toMatchObject({ level: 'single', wording: '' });
  });
});

describe('withSupport', () => {
  it('sets support on every summary point, timeline entry and quote, and nothing else', () => {
    const b = withSupport(sampleBriefing());
    const items = [...b.summary, ...b.timeline, ...b.quotes];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.support?.wording).toMatch(/^(?:reported by \d independent outlets|one outlet reports|sources disagree)$/);
    expect(b.questions.every((q) => !('support' in q))).toBe(true);
  });
});
