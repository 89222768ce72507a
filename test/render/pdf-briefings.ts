/** Briefings made to stress the PDF layout: long timelines, long paragraphs, long unbroken words. */
import type { Briefing, TimelineEntry } from '../../src/model/briefing.js';
import { sampleBriefing } from '../helpers/briefings.js';

/** A sample briefing whose timeline has `rows` entries, some long enough to wrap. */
export function longBriefing(rows: number): Briefing {
  const b = sampleBriefing();
  const base = b.timeline;
  b.timeline = Array.from({ length: rows }, (_, i): TimelineEntry => {
    const e = base[i % base.length] as TimelineEntry;
    const extra = i % 5 === 0 ? ' Officials said the figures would be reviewed again once the inspectors had finished their report on the welds.' : '';
    return { ...e, text: `Row ${i + 1}: ${e.text}${extra}` };
  });
  return b;
}

const vocabulary = ['harbour', 'inspectors', 'said', 'the', 'welds', 'council', 'would', 'review', 'cracks', 'in', 'main', 'span', 'traffic', 'diverted'];

/**
 * A paragraph of `words` words, every word ending in "q<id>", so each line of extracted text tells which
 * paragraph it belongs to.
 */
export function taggedParagraph(id: number, words: number): string {
  return Array.from({ length: words }, (_, i) => `${vocabulary[(i * 7 + id) % vocabulary.length]}q${id}`).join(' ');
}
