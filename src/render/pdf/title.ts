/**
 * The top of the brief: the title block (kicker, logo, title, date · version · sources) and the bottom
 * line in its shaded box.
 */
import type { Briefing, SourceEntry, SummaryPoint } from '../../model/briefing.js';
import type { ThemeImage } from '../theme.js';
import { bookmark, citedRuns, rule, supportNote, type Frame } from './blocks.js';
import { longDateLabel } from './dates.js';
import { ensureSpace } from './layout.js';
import type { Run } from './text.js';

/** "Based on 3 sources from 2 outlets": outlets counted by name, sources without one not counted. */
export function sourcesLine(sources: readonly SourceEntry[]): string {
  const outlets = new Set(sources.map((s) => s.outlet?.trim().toLowerCase()).filter((o): o is string => !!o));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const base = `Based on ${plural(sources.length, 'source')}`;
  return outlets.size === 0 ? base : `${base} from ${plural(outlets.size, 'outlet')}`;
}

/** The largest box a logo is drawn in, in points: it brands the page, it does not lead it. */
export const logoBox = { width: 150, height: 40 } as const;

/** Kicker and logo, title, and the line with date, version and source count, closed by a rule. */
export function drawTitleBlock(f: Frame, briefing: Briefing, version: number, logo: ThemeImage | undefined): void {
  const { doc, type, tags, styles } = f;
  const box = { x: f.left, width: f.width };
  const top = doc.y;
  let below = top;
  if (logo) {
    const scale = Math.min(logoBox.width / logo.width, logoBox.height / logo.height);
    const width = logo.width * scale;
    const height = logo.height * scale;
    // Decoration: the logo says nothing the title block does not, so screen readers skip it.
    tags.artifact(() => doc.image(logo.bytes, f.left + f.width - width, top, { width, height }));
    below = top + height;
  }
  doc.y = top;
  tags.block('P', tags.root, () => type.paragraph([{ text: 'BRIEFING', style: styles.kicker }], { ...box, width: f.width - (logo ? logoBox.width + 12 : 0) }));
  doc.y = Math.max(doc.y + 4, below + 6);
  tags.block('H1', tags.root, () => type.paragraph([{ text: briefing.title, style: styles.title }], { ...box, lineGap: 0 }));
  doc.y += 5;
  const meta = [longDateLabel(briefing.date), `Version ${version}`, sourcesLine(briefing.sources)].join('  ·  ');
  tags.block('P', tags.root, () => type.paragraph([{ text: meta, style: styles.meta }], box));
  doc.y += 6;
  rule(f, doc.y, f.colors.accent, 1.2);
  doc.y += 12;
}

const boxPadding = 10;
const accentWidth = 3;

/** The first summary point, in a lightly shaded box with a bar on its left. */
export function drawBottomLine(f: Frame, point: SummaryPoint | undefined): void {
  if (!point) return;
  const { doc, type, tags, styles } = f;
  const inner = { x: f.left + accentWidth + boxPadding + 2, width: f.width - accentWidth - 2 * boxPadding - 2 };
  const label: Run[] = [{ text: 'BOTTOM LINE', style: styles.label }];
  const runs = citedRuns(f, point.text, point.sources, styles.bottomLine, supportNote(f, point));
  const labelGap = 3;
  const height = 2 * boxPadding + type.height(label, inner) + labelGap + type.height(runs, inner);
  ensureSpace(doc, height);
  const top = doc.y;
  tags.artifact(() => {
    doc.save().rect(f.left, top, f.width, height).fillColor(f.colors.highlight).fill();
    doc.rect(f.left, top, accentWidth, height).fillColor(f.colors.accent).fill().restore();
  });
  const sect = tags.element('Sect');
  bookmark(f, 'Bottom line');
  doc.y = top + boxPadding;
  tags.block('H2', sect, () => type.paragraph(label, inner));
  doc.y += labelGap;
  tags.block('P', sect, () => type.paragraph(runs, inner));
  sect.end();
  doc.y = top + height;
}
