/**
 * "What changed since v<N>", right after the bottom line on a version after the first: per part of the
 * brief, short lists of what is new and what was dropped. Empty lists are left out.
 */
import type { ChangeSet, ListChange } from '../../model/briefing.js';
import { drawList, firstItemMeasure, listItemHeight, openSection, type Frame, type ListItem } from './blocks.js';
import { keepWithNext } from './layout.js';

/** The parts a ChangeSet covers, in the brief's order, with the headings they get here. */
const parts: ReadonlyArray<{ key: keyof Omit<ChangeSet, 'since'>; title: string }> = [
  { key: 'summary', title: 'Summary' },
  { key: 'timeline', title: 'Timeline' },
  { key: 'quotes', title: 'Key quotes' },
  { key: 'questions', title: 'Open questions' },
];

/** Room for "Dropped:" in the gutter. */
const labelGutter = 50;
const subheadGap = 3;

export function drawChanges(f: Frame, changes: ChangeSet | undefined): void {
  if (!changes) return;
  const { doc, type, tags, styles } = f;
  const title = `What changed since v${changes.since}`;
  const groups = parts
    .map((part) => ({ title: part.title, items: changeItems(f, changes[part.key]) }))
    .filter((g) => g.items.length > 0);
  const box = { x: f.left, width: f.width };
  const subheadHeight = type.lineAdvance(styles.subheading, 0) + subheadGap;

  if (groups.length === 0) {
    const none = [{ text: 'Nothing in the summary, timeline, quotes or questions changed.', style: styles.bodyMuted }];
    const sect = openSection(f, title, firstItemMeasure(f, type.height(none, box)));
    tags.block('P', sect, () => type.paragraph(none, box));
    sect.end();
    return;
  }
  const firstItem = groups[0]?.items[0];
  const firstHeight = firstItem ? listItemHeight(f, firstItem, labelGutter) : 0;
  const sect = openSection(f, title, firstItemMeasure(f, subheadHeight + firstHeight));
  for (const [i, group] of groups.entries()) {
    const first = group.items[0];
    if (i > 0) {
      doc.y += 8;
      if (first) keepWithNext(doc, subheadHeight, firstItemMeasure(f, listItemHeight(f, first, labelGutter)));
    }
    tags.block('H3', sect, () => type.paragraph([{ text: group.title, style: styles.subheading }], { ...box, lineGap: 0 }));
    doc.y += subheadGap;
    drawList(f, 'What changed', group.items, sect, labelGutter);
  }
  sect.end();
}

function changeItems(f: Frame, change: ListChange): ListItem[] {
  const { styles } = f;
  return [
    ...change.added.map((text): ListItem => ({ marker: 'New:', markerStyle: styles.changeLabel, runs: [{ text, style: styles.body }] })),
    ...change.dropped.map((text): ListItem => ({ marker: 'Dropped:', markerStyle: styles.changeLabel, runs: [{ text, style: styles.bodyMuted }] })),
  ];
}
