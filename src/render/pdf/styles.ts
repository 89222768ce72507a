/**
 * The brief's typography in one place. Greys only, except a dark blue for links that still prints as
 * dark grey: the brief must read the same on a black-and-white printer.
 */
import type { FontRole } from './fonts.js';

export interface TextStyle {
  font: FontRole;
  /** Font size in points. */
  size: number;
  color: string;
  /** Extra space between letters. Keep it 0 for words: pdftotext and screen readers then split letters apart. */
  characterSpacing?: number;
}

export const colors = {
  text: '#111111',
  muted: '#4a4a4a',
  faint: '#6b6b6b',
  link: '#1f3d66',
  rule: '#9a9a9a',
  hairline: '#d0d0d0',
  highlight: '#eeeeee',
  accent: '#333333',
} as const;

export const styles = {
  kicker: { font: 'sansBold', size: 8, color: colors.muted },
  title: { font: 'serifBold', size: 20, color: colors.text },
  meta: { font: 'sans', size: 9, color: colors.muted },
  label: { font: 'sansBold', size: 7.5, color: colors.muted },
  bottomLine: { font: 'serif', size: 12, color: colors.text },
  heading: { font: 'sansBold', size: 12, color: colors.text },
  continued: { font: 'sansItalic', size: 8, color: colors.faint },
  body: { font: 'serif', size: 10.5, color: colors.text },
  bullet: { font: 'sans', size: 10.5, color: colors.muted },
  number: { font: 'sansBold', size: 9.5, color: colors.muted },
  citation: { font: 'sans', size: 8, color: colors.link },
  citationPlain: { font: 'sans', size: 8, color: colors.faint },
  when: { font: 'sansBold', size: 9, color: colors.text },
  scheduled: { font: 'sansBoldItalic', size: 8, color: colors.muted },
  quote: { font: 'serifItalic', size: 11.5, color: colors.text },
  speaker: { font: 'sansBold', size: 9, color: colors.text },
  role: { font: 'sans', size: 9, color: colors.muted },
  sourceId: { font: 'sansBold', size: 9, color: colors.text },
  outlet: { font: 'sansBold', size: 9.5, color: colors.text },
  sourceTitle: { font: 'serif', size: 10, color: colors.text },
  sourceMeta: { font: 'sans', size: 8.5, color: colors.muted },
  url: { font: 'sans', size: 8.5, color: colors.link },
  footer: { font: 'sans', size: 7.5, color: colors.faint },
} as const satisfies Record<string, TextStyle>;

/** Vertical rhythm, in points. */
export const spacing = {
  /** Added to a font's own line height between lines: Noto's (1.36 em) is looser than a brief needs. */
  lineGap: -0.6,
  /** Space between items of a list. */
  item: 6,
  /** Space above a section heading. */
  beforeHeading: 14,
  /** Space between a heading's rule and the first item. */
  afterHeading: 7,
} as const;
