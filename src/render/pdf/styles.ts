/**
 * The brief's typography in one place, coloured by the theme. The built-in theme is greys only, except a
 * dark blue for links that still prints as dark grey: the brief must read the same on a black-and-white
 * printer.
 */
import { defaultColors, type ThemeColors } from '../theme.js';
import type { FontRole } from './fonts.js';

export interface TextStyle {
  font: FontRole;
  /** Font size in points. */
  size: number;
  color: string;
  /** Extra space between letters. Keep it 0 for words: pdftotext and screen readers then split letters apart. */
  characterSpacing?: number;
}

/** Every colour the writer draws with: the theme's, and two lighter greys derived from them. */
export interface Palette {
  text: string;
  muted: string;
  /** Small print in footers and "continued" labels: the muted colour lightened. */
  faint: string;
  link: string;
  accent: string;
  rule: string;
  /** Hairlines between table rows and under the running header: the rule colour lightened. */
  hairline: string;
  highlight: string;
}

/** The palette of a theme's colours. */
export function palette(c: ThemeColors): Palette {
  return {
    text: c.text,
    muted: c.muted,
    faint: mix(c.muted, '#ffffff', 0.2),
    link: c.link,
    accent: c.accent,
    rule: c.rule,
    hairline: mix(c.rule, '#ffffff', 0.55),
    highlight: c.boxBackground,
  };
}

/** Every text style of the brief, in the colours of `p`. */
export function makeStyles(p: Palette) {
  return {
    kicker: { font: 'sansBold', size: 8, color: p.accent },
    title: { font: 'serifBold', size: 20, color: p.text },
    meta: { font: 'sans', size: 9, color: p.muted },
    label: { font: 'sansBold', size: 7.5, color: p.muted },
    bottomLine: { font: 'serif', size: 12, color: p.text },
    heading: { font: 'sansBold', size: 12, color: p.text },
    subheading: { font: 'sansBold', size: 9, color: p.muted },
    continued: { font: 'sansItalic', size: 8, color: p.faint },
    body: { font: 'serif', size: 10.5, color: p.text },
    bodyMuted: { font: 'serif', size: 10.5, color: p.muted },
    bullet: { font: 'sans', size: 10.5, color: p.muted },
    number: { font: 'sansBold', size: 9.5, color: p.muted },
    changeLabel: { font: 'sansBold', size: 8.5, color: p.muted },
    citation: { font: 'sans', size: 8, color: p.link },
    citationPlain: { font: 'sans', size: 8, color: p.faint },
    /** "2 sources", "pending": small notes after an item's citations. */
    note: { font: 'sans', size: 8, color: p.muted },
    /** "single source": set apart from a plain count, not by colour alone. */
    noteWarn: { font: 'sansItalic', size: 8, color: p.muted },
    tableHead: { font: 'sansBold', size: 7.5, color: p.muted },
    when: { font: 'sansBold', size: 9, color: p.text },
    scheduled: { font: 'sansBoldItalic', size: 8, color: p.muted },
    quote: { font: 'serifItalic', size: 11.5, color: p.text },
    speaker: { font: 'sansBold', size: 9, color: p.text },
    role: { font: 'sans', size: 9, color: p.muted },
    sourceId: { font: 'sansBold', size: 9, color: p.text },
    outlet: { font: 'sansBold', size: 9.5, color: p.text },
    sourceTitle: { font: 'serif', size: 10, color: p.text },
    sourceMeta: { font: 'sans', size: 8.5, color: p.muted },
    url: { font: 'sans', size: 8.5, color: p.link },
    running: { font: 'sans', size: 7.5, color: p.faint },
    banner: { font: 'sansBold', size: 8, color: p.text },
  } as const satisfies Record<string, TextStyle>;
}

export type Styles = ReturnType<typeof makeStyles>;

/** The built-in theme's palette and styles. */
export const colors: Palette = palette(defaultColors);
export const styles: Styles = makeStyles(colors);

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

/** `a` moved toward `b` by `share` (0..1), both "#rrggbb". */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * share));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
