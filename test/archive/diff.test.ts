import { describe, expect, it } from 'vitest';
import { diffBriefings, isEmptyChangeSet, normalise } from '../../src/archive/diff.js';
import type { Briefing } from '../../src/model/briefing.js';
import { sampleBriefing } from '../helpers/briefings.js';

const none = { added: [], dropped: [] };

/** A copy of the sample with some lists edited. */
function edited(edit: (b: Briefing) => void): Briefing {
  const b = structuredClone(sampleBriefing());
  edit(b);
  return b;
}

describe('diffBriefings', () => {
  it('finds nothing between a briefing and itself, and keeps the version it was given', () => {
    const changes = diffBriefings(sampleBriefing(), sampleBriefing(), 3);
    expect(changes).toEqual({ since: 3, summary: none, timeline: none, quotes: none, questions: none });
    expect(isEmptyChangeSet(changes)).toBe(true);
  });

  it('lists what entered and left each section, in each version’s own order', () => {
    const previous = sampleBriefing();
    const current = edited((b) => {
      b.summary.splice(1, 1);
      b.summary.push({ text: 'Ferries will run every 20 minutes while the bridge is closed.', sources: ['S2'], evidence: [] });
      b.timeline.shift();
      b.timeline.push({
        start: '2023-03-20', end: '2023-03-20', granularity: 'day', approximate: false, scheduled: true,
        text: 'Repairs are due to start.', when: 'on 20 March', sources: ['S1'], evidence: [],
      });
      b.quotes[1]!.key = false;
      b.questions.shift();
      b.questions.unshift({ text: 'Who will pay for the repairs?', kind: 'unknown', sources: ['S1'], evidence: [] });
    });
    expect(diffBriefings(previous, current, 1)).toEqual({
      since: 1,
      summary: {
        added: ['Ferries will run every 20 minutes while the bridge is closed.'],
        dropped: [previous.summary[1]!.text],
      },
      timeline: {
        added: ['Mon 20 Mar 2023 — Repairs are due to start.'],
        dropped: ['1962 — The bridge opened in 1962.'],
      },
      quotes: { added: [], dropped: ['“It is a nightmare for the school run.” — Dara Quinn'] },
      questions: {
        added: ['Who will pay for the repairs?'],
        dropped: ['Will the council approve the emergency repair funding on Tuesday?'],
      },
    });
  });

  it('does not count changes of spacing, case, punctuation or quote marks as changes', () => {
    const current = edited((b) => {
      b.summary[0]!.text = '  the harbour   bridge was closed on Wednesday, after inspectors found cracks in its main span and will stay shut for at least three weeks ';
      b.questions[0]!.text = 'Will the council approve the emergency-repair funding on Tuesday ?';
      b.quotes[0]!.text = 'We will NOT reopen a single lane until every weld has been checked';
      b.timeline[2]!.text = 'The bridge was closed to all traffic!';
    });
    expect(isEmptyChangeSet(diffBriefings(sampleBriefing(), current, 1))).toBe(true);
  });

  it('treats a near-identical rewording as the same item', () => {
    const current = edited((b) => {
      // One distinct word of 24 replaced: token Jaccard 23/25.
      b.summary[0]!.text = b.summary[0]!.text.replace('inspectors', 'engineers');
    });
    expect(diffBriefings(sampleBriefing(), current, 1).summary).toEqual(none);
  });

  it('always reports a changed number or an added negation, however similar the rest', () => {
    const previous = sampleBriefing();
    const current = edited((b) => {
      b.summary[0]!.text = b.summary[0]!.text.replace('three weeks', 'four weeks');
      b.questions[1]!.text = b.questions[1]!.text.replace('45,000', '48,000');
      b.quotes[0]!.text = 'We will reopen a single lane until every weld has been checked.';
    });
    const changes = diffBriefings(previous, current, 1);
    expect(changes.summary).toEqual({ added: [current.summary[0]!.text], dropped: [previous.summary[0]!.text] });
    expect(changes.questions.added).toEqual([current.questions[1]!.text]);
    expect(changes.quotes).toEqual({
      added: ['“We will reopen a single lane until every weld has been checked.” — Olena Petrenko'],
      dropped: ['“We will not reopen a single lane until every weld has been checked.” — Olena Petrenko'],
    });
  });

  it('reports a timeline entry whose date moved, and a quote given to another speaker', () => {
    const current = edited((b) => {
      b.timeline[3]!.start = '2023-03-15';
      b.timeline[3]!.end = '2023-03-15';
      b.quotes[1]!.speaker = null;
    });
    const changes = diffBriefings(sampleBriefing(), current, 2);
    expect(changes.timeline).toEqual({
      added: ['Wed 15 Mar 2023 — The council will vote on emergency repair funding.'],
      dropped: ['Tue 14 Mar 2023 — The council will vote on emergency repair funding.'],
    });
    expect(changes.quotes).toEqual({
      added: ['“It is a nightmare for the school run.”'],
      dropped: ['“It is a nightmare for the school run.” — Dara Quinn'],
    });
  });

  it('pairs items one to one, so a repeated line that loses a copy is reported once', () => {
    const previous = edited((b) => b.questions.push({ ...b.questions[0]! }));
    const changes = diffBriefings(previous, sampleBriefing(), 1);
    expect(changes.questions).toEqual({ added: [], dropped: [previous.questions[0]!.text] });
  });

  it('pairs a reworded item with its closest match', () => {
    const base = 'the council approved a plan to close the harbour bridge for repairs during the summer months';
    const previous = edited((b) => {
      b.summary = [
        { text: `${base} and autumn`, sources: ['S1'], evidence: [] },
        { text: base, sources: ['S2'], evidence: [] },
      ];
    });
    const current = edited((b) => {
      b.summary = [{ text: `${base} ahead`, sources: ['S1'], evidence: [] }];
    });
    // 14 distinct words in common: Jaccard 14/17 with the first, 14/15 with the second, the better pair.
    expect(diffBriefings(previous, current, 1).summary).toEqual({ added: [], dropped: [`${base} and autumn`] });
  });
});

describe('normalise', () => {
  it.each([
    ['  Hello,   World! ', 'hello world'],
    ['Council’s “final” vote', 'council s final vote'],
    ['ＦＵＬＬ－ＷＩＤＴＨ', 'full width'],
    ['£1.5m — 40,000', '£1 5m 40 000'],
  ])('%j → %j', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});
