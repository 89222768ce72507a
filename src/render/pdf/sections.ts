/**
 * The list-like parts of the brief, in reading order: summary, key quotes, open questions and sources
 * (title block and bottom line are in title.ts, the timeline table in timeline.ts, "What changed" in
 * changes.ts). A section with nothing in it is not drawn at all: no empty headings.
 */
import type { LeftOutSource, Question, Quote, SourceEntry, SummaryPoint } from '../../model/briefing.js';
import {
  citationRuns, citedRuns, drawList, firstItemMeasure, listItemHeight, openSection, placeItem, sourceDestination,
  supportNote, type Frame, type ListItem,
} from './blocks.js';
import { dayLabel } from './dates.js';
import { spacing } from './styles.js';
import { questionKindLabels, type SharedOrigin } from '../labels.js';
import type { Run } from './text.js';

/** Every summary point after the bottom line, as bullets, each with how well it is supported. */
export function drawSummary(f: Frame, points: readonly SummaryPoint[]): void {
  const items = points.map(
    (p): ListItem => ({ marker: '•', markerStyle: f.styles.bullet, runs: citedRuns(f, p.text, p.sources, f.styles.body, supportNote(f, p)) }),
  );
  drawListSection(f, 'Summary', items);
}

/** Open questions, numbered, each followed by its kind. */
export function drawQuestions(f: Frame, questions: readonly Question[]): void {
  const items = questions.map(
    (q, i): ListItem => ({
      marker: `${i + 1}.`,
      markerStyle: f.styles.number,
      runs: citedRuns(f, q.text, q.sources, f.styles.body, { text: questionKindLabels[q.kind] ?? q.kind, style: f.styles.noteWarn }),
    }),
  );
  drawListSection(f, 'Open questions', items);
}

function drawListSection(f: Frame, title: string, items: readonly ListItem[]): void {
  const first = items[0];
  if (!first) return;
  const sect = openSection(f, title, firstItemMeasure(f, listItemHeight(f, first)));
  drawList(f, title, items, sect);
  sect.end();
}

/** The key quotes as pull quotes, full quotations before quoted phrases, each with speaker, role and sources. */
export function drawQuotes(f: Frame, quotes: readonly Quote[]): void {
  const key = quotes.filter((q) => q.key);
  const ordered = [...key.filter((q) => !q.partial), ...key.filter((q) => q.partial)];
  if (ordered.length === 0) return;
  const { doc, type, tags, styles } = f;
  const indent = 16;
  const box = { x: f.left + indent, width: f.width - indent };
  const gap = 3;
  const blocks = ordered.map((q) => {
    const text: Run[] = [{ text: `“${q.text}”`, style: styles.quote }];
    const who = attributionRuns(f, q);
    return { text, who, height: type.height(text, box) + gap + type.height(who, box) };
  });
  const sect = openSection(f, 'Key quotes', firstItemMeasure(f, blocks[0]?.height ?? 0, styles.quote));
  for (const [i, block] of blocks.entries()) {
    if (i > 0) doc.y += spacing.item + 2;
    placeItem(f, 'Key quotes', block.height);
    const top = doc.y;
    const quote = tags.element('BlockQuote', sect);
    tags.block('P', quote, () => type.paragraph(block.text, box));
    doc.y += gap;
    tags.block('P', quote, () => type.paragraph(block.who, box));
    quote.end();
    const bottom = doc.y;
    tags.artifact(() => doc.save().rect(f.left + 2, top + 2, 2.5, bottom - top - 4).fillColor(f.colors.accent).fill().restore());
  }
  sect.end();
}

function attributionRuns(f: Frame, q: Quote): Run[] {
  const { styles } = f;
  const speaker: Run[] = [{ text: `— ${q.speaker ?? 'Unattributed'}`, style: q.speaker ? styles.speaker : styles.role }];
  const role: Run[] = q.role ? [{ text: `, ${q.role}`, style: styles.role }] : [];
  const cites = citationRuns(f, q.sources);
  const note = supportNote(f, q);
  const tail: Run[] = note ? [{ text: cites.length > 0 ? ' · ' : ' ', style: styles.note }, note] : [];
  return [...speaker, ...role, ...(cites.length > 0 ? [{ text: ' ', style: styles.role }, ...cites] : []), ...tail];
}

const idColumn = 28;

/**
 * Each source with its id (the target of every citation), outlet, title, date and link, as a list; then
 * each origin several sources share ("[S1, S2] 2 outlets, 1 origin: AP (credit line)").
 */
export function drawSources(
  f: Frame,
  sources: readonly SourceEntry[],
  shared: readonly SharedOrigin[] = [],
  leftOut: readonly LeftOutSource[] = [],
): void {
  if (sources.length === 0) return;
  const { doc, type, tags, styles } = f;
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
  const sect = openSection(f, 'Sources', firstItemMeasure(f, entries[0]?.height ?? 0, styles.sourceTitle));
  const list = tags.element('L', sect);
  for (const [i, e] of entries.entries()) {
    if (i > 0) doc.y += spacing.item;
    placeItem(f, 'Sources', e.height);
    const top = doc.y;
    const li = tags.element('LI', list);
    const drop = type.ascent(styles.outlet) - type.ascent(styles.sourceId);
    doc.y = top + drop;
    const id: Run[] = [{ text: e.source.id, style: styles.sourceId, destination: sourceDestination(e.source.id) }];
    tags.block('Lbl', li, () => type.paragraph(id, { x: f.left, width: idColumn }));
    doc.y = top;
    const body = tags.element('LBody', li);
    tags.block('P', body, () => type.paragraph(e.head, box));
    tags.block('P', body, () => type.paragraph(e.meta, box));
    body.end();
    li.end();
  }
  list.end();
  drawSharedOrigins(f, shared, sect);
  drawLeftOut(f, leftOut, sect);
  sect.end();
}

/** One line per source left out as telling another story, so that none of the inputs vanishes from the page. */
function drawLeftOut(f: Frame, leftOut: readonly LeftOutSource[], sect: PDFKit.PDFStructureElement): void {
  const { doc, type, tags, styles } = f;
  const box = { x: f.left, width: f.width };
  for (const s of leftOut) {
    const file = s.entry === undefined ? s.path : `${s.path} (entry ${s.entry})`;
    const runs: Run[] = [
      { text: 'Left out: ', style: styles.sourceMeta },
      { text: `${s.id} `, style: styles.sourceId },
      { text: `${s.outlet ?? 'Outlet unknown'} · ${s.title ?? 'Untitled'} — tells another story (file ${file})`, style: styles.noteWarn },
    ];
    doc.y += spacing.item;
    placeItem(f, 'Sources', type.height(runs, box));
    tags.block('P', sect, () => type.paragraph(runs, box));
  }
}

/** One line per shared origin, under the list of sources: who shares it and what it is. */
function drawSharedOrigins(f: Frame, shared: readonly SharedOrigin[], sect: PDFKit.PDFStructureElement): void {
  const { doc, type, tags, styles } = f;
  const box = { x: f.left, width: f.width };
  for (const origin of shared) {
    const runs: Run[] = [
      { text: 'Shared origin: ', style: styles.sourceMeta },
      ...citationRuns(f, origin.sources),
      { text: ' ', style: styles.sourceMeta },
      { text: origin.wording, style: styles.noteWarn },
    ];
    doc.y += spacing.item;
    placeItem(f, 'Sources', type.height(runs, box));
    tags.block('P', sect, () => type.paragraph(runs, box));
  }
}

function sourceMeta(s: SourceEntry): string {
  return s.published ? `Published ${dayLabel(s.published)}` : 'Publication date unknown';
}
