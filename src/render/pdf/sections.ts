/**
 * One draw function per part of the brief, in reading order. A section with nothing in it is not
 * drawn at all: no empty headings.
 */
import type { Briefing, Question, Quote, SourceEntry, SummaryPoint, TimelineEntry } from '../../model/briefing.js';
import { citationRuns, citedRuns, drawList, firstItemMeasure, listItemHeight, placeItem, sectionHeading, sourceDestination, type Frame, type ListItem } from './blocks.js';
import { dayLabel, longDateLabel, spanLabel } from './dates.js';
import { ensureSpace } from './layout.js';
import { colors, spacing, styles } from './styles.js';
import type { Run } from './text.js';

/** "Based on 3 sources from 2 outlets": outlets counted by name, sources without one not counted. */
export function sourcesLine(sources: readonly SourceEntry[]): string {
  const outlets = new Set(sources.map((s) => s.outlet?.trim().toLowerCase()).filter((o): o is string => !!o));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const base = `Based on ${plural(sources.length, 'source')}`;
  return outlets.size === 0 ? base : `${base} from ${plural(outlets.size, 'outlet')}`;
}

/** Kicker, title, and the line with date, version and source count, closed by a rule. */
export function drawTitleBlock(f: Frame, briefing: Briefing, version: number): void {
  const { doc, type } = f;
  const box = { x: f.left, width: f.width };
  type.paragraph([{ text: 'BRIEFING', style: styles.kicker }], box);
  doc.y += 4;
  type.paragraph([{ text: briefing.title, style: styles.title }], { ...box, lineGap: 0 });
  doc.y += 5;
  const meta = [longDateLabel(briefing.date), `Version ${version}`, sourcesLine(briefing.sources)].join('  ·  ');
  type.paragraph([{ text: meta, style: styles.meta }], box);
  doc.y += 6;
  doc.save().moveTo(f.left, doc.y).lineTo(f.left + f.width, doc.y).lineWidth(1.2).strokeColor(colors.accent).stroke().restore();
  doc.y += 12;
}

const boxPadding = 10;
const accentWidth = 3;

/** The first summary point, in a lightly shaded box with a dark bar on its left. */
export function drawBottomLine(f: Frame, point: SummaryPoint | undefined): void {
  if (!point) return;
  const { doc, type } = f;
  const inner = { x: f.left + accentWidth + boxPadding + 2, width: f.width - accentWidth - 2 * boxPadding - 2 };
  const label: Run[] = [{ text: 'BOTTOM LINE', style: styles.label }];
  const runs = citedRuns(f, point.text, point.sources, styles.bottomLine);
  const labelGap = 3;
  const height = 2 * boxPadding + type.height(label, inner) + labelGap + type.height(runs, inner);
  ensureSpace(doc, height);
  const top = doc.y;
  doc.save().rect(f.left, top, f.width, height).fillColor(colors.highlight).fill();
  doc.rect(f.left, top, accentWidth, height).fillColor(colors.accent).fill().restore();
  doc.y = top + boxPadding;
  type.paragraph(label, inner);
  doc.y += labelGap;
  type.paragraph(runs, inner);
  doc.y = top + height;
}

/** Every summary point after the bottom line, as bullets. */
export function drawSummary(f: Frame, points: readonly SummaryPoint[]): void {
  const items = points.map((p): ListItem => ({ marker: '•', markerStyle: styles.bullet, runs: citedRuns(f, p.text, p.sources) }));
  drawListSection(f, 'Summary', items);
}

/** Open questions, numbered. */
export function drawQuestions(f: Frame, questions: readonly Question[]): void {
  const items = questions.map((q, i): ListItem => ({ marker: `${i + 1}.`, markerStyle: styles.number, runs: citedRuns(f, q.text, q.sources) }));
  drawListSection(f, 'Open questions', items);
}

function drawListSection(f: Frame, title: string, items: readonly ListItem[]): void {
  const first = items[0];
  if (!first) return;
  sectionHeading(f, title, firstItemMeasure(f, listItemHeight(f, first)));
  drawList(f, title, items);
}

const dateColumn = 112;
const columnGap = 14;

/** Date | event rows; entries after the briefing date are marked "Scheduled". */
export function drawTimeline(f: Frame, entries: readonly TimelineEntry[]): void {
  const first = entries[0];
  if (!first) return;
  const { doc, type } = f;
  const dateBox = { x: f.left, width: dateColumn };
  const eventBox = { x: f.left + dateColumn + columnGap, width: f.width - dateColumn - columnGap };
  const rows = entries.map((e) => {
    const date: Run[] = [{ text: spanLabel(e), style: styles.when }];
    const event = citedRuns(f, e.text, e.sources);
    const dateHeight = type.height(date, dateBox) + (e.scheduled ? type.lineAdvance(styles.scheduled) : 0);
    return { entry: e, date, event, height: Math.max(dateHeight, type.height(event, eventBox)) };
  });
  const rowGap = 5;
  sectionHeading(f, 'Timeline', firstItemMeasure(f, rows[0]?.height ?? 0));
  // The date sits on the event's first baseline, though it is set smaller.
  const dateDrop = type.ascent(styles.body) - type.ascent(styles.when);
  for (const [i, row] of rows.entries()) {
    // A hairline between rows, except where a row starts a new page.
    if (i > 0 && !placeItem(f, 'Timeline', row.height + 2 * rowGap)) {
      const ruleY = doc.y + rowGap;
      doc.save().moveTo(f.left, ruleY).lineTo(f.left + f.width, ruleY).lineWidth(0.4).strokeColor(colors.hairline).stroke().restore();
      doc.y = ruleY + rowGap;
    }
    const top = doc.y;
    doc.y = top + dateDrop;
    type.paragraph(row.date, dateBox);
    if (row.entry.scheduled) type.paragraph([{ text: 'Scheduled', style: styles.scheduled }], dateBox);
    doc.y = top;
    type.paragraph(row.event, eventBox);
    doc.y = top + row.height;
  }
}

/** The key quotes, full quotations before quoted phrases, each with its speaker and role. */
export function drawQuotes(f: Frame, quotes: readonly Quote[]): void {
  const key = quotes.filter((q) => q.key);
  const ordered = [...key.filter((q) => !q.partial), ...key.filter((q) => q.partial)];
  const first = ordered[0];
  if (!first) return;
  const { doc, type } = f;
  const indent = 16;
  const box = { x: f.left + indent, width: f.width - indent };
  const blocks = ordered.map((q) => {
    const text: Run[] = [{ text: `“${q.text}”`, style: styles.quote }];
    const who = attributionRuns(f, q);
    const gap = 3;
    return { text, who, gap, height: type.height(text, box) + gap + type.height(who, box) };
  });
  sectionHeading(f, 'Key quotes', firstItemMeasure(f, blocks[0]?.height ?? 0, styles.quote));
  for (const [i, block] of blocks.entries()) {
    if (i > 0) doc.y += spacing.item + 2;
    placeItem(f, 'Key quotes', block.height);
    const top = doc.y;
    type.paragraph(block.text, box);
    doc.y += block.gap;
    type.paragraph(block.who, box);
    doc.save().rect(f.left + 2, top + 2, 2, doc.y - top - 4).fillColor(colors.rule).fill().restore();
  }
}

function attributionRuns(f: Frame, q: Quote): Run[] {
  const speaker: Run[] = [{ text: `— ${q.speaker ?? 'Unattributed'}`, style: q.speaker ? styles.speaker : styles.role }];
  const role: Run[] = q.role ? [{ text: `, ${q.role}`, style: styles.role }] : [];
  const cites = citationRuns(f, q.sources);
  return [...speaker, ...role, ...(cites.length > 0 ? [{ text: ' ', style: styles.role }, ...cites] : [])];
}

/** Each source with its id (the target of every citation), outlet, title, date and link. */
export function drawSources(f: Frame, sources: readonly SourceEntry[]): void {
  const first = sources[0];
  if (!first) return;
  const { doc, type } = f;
  const idColumn = 28;
  const box = { x: f.left + idColumn, width: f.width - idColumn };
  const entries = sources.map((s) => {
    const head: Run[] = [
      { text: s.outlet ?? 'Outlet unknown', style: s.outlet ? styles.outlet : styles.sourceMeta },
      { text: '  ·  ', style: styles.sourceMeta },
      s.title ? { text: s.title, style: styles.sourceTitle } : { text: 'Untitled', style: styles.sourceMeta },
    ];
    // The URL is the way back to the original; without one, the file the source came from.
    const where: Run = s.url ? { text: s.url, style: styles.url, link: s.url } : { text: `file ${s.path}`, style: styles.sourceMeta };
    const meta: Run[] = [{ text: `${sourceMeta(s)} · `, style: styles.sourceMeta }, where];
    return { source: s, head, meta, height: type.height(head, box) + type.height(meta, box) };
  });
  sectionHeading(f, 'Sources', firstItemMeasure(f, entries[0]?.height ?? 0, styles.sourceTitle));
  for (const [i, e] of entries.entries()) {
    if (i > 0) doc.y += spacing.item;
    placeItem(f, 'Sources', e.height);
    const top = doc.y;
    const drop = type.ascent(styles.outlet) - type.ascent(styles.sourceId);
    doc.y = top + drop;
    type.paragraph([{ text: e.source.id, style: styles.sourceId, destination: sourceDestination(e.source.id) }], { x: f.left, width: idColumn });
    doc.y = top;
    type.paragraph(e.head, box);
    type.paragraph(e.meta, box);
  }
}

function sourceMeta(s: SourceEntry): string {
  const parts = [s.published ? `Published ${dayLabel(s.published)}` : 'Publication date unknown'];
  return parts.join(' · ');
}
