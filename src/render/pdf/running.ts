/**
 * The running header and footer of every page: brief title, date and version above, "Page X of Y" below,
 * and the distribution banner, when there is one, at the top and the foot. Drawn after all content, when
 * the page count is known, and tagged as pagination artifacts.
 */
import type { Frame } from './blocks.js';
import type { TextStyle } from './styles.js';
import type { Typesetter } from './text.js';

export interface RunningText {
  /** Brief title; shortened with "…" to fit. */
  title: string;
  /** Briefing date, short form ("Thu 9 Mar 2023"). */
  date: string;
  version: number;
  banner?: string;
}

/** Smallest size a banner is shrunk to before it is shortened. */
const minBannerSize = 5.5;

export function drawRunningText(f: Frame, text: RunningText): void {
  const { doc, type, geometry: g, styles } = f;
  const range = doc.bufferedPageRange();
  const left = g.margins.left;
  const right = g.width - g.margins.right;
  const width = right - left;
  const headRuleY = g.margins.top - 14;
  const headY = headRuleY - 4 - type.lineAdvance(styles.running, 0);
  const bannerY = headY - 4 - type.lineAdvance(styles.banner, 0);
  const footRuleY = g.height - g.margins.bottom + 14;
  const footY = footRuleY + 6;
  const stamp = `${text.date} · Version ${text.version}`;
  for (let i = 0; i < range.count; i++) {
    const page = doc.switchToPage(range.start + i);
    const bottom = page.margins.bottom;
    // Lifted while drawing in the margins, so pdfkit does not start a new page.
    page.margins.bottom = 0;
    f.tags.artifact(() => {
      const stampWidth = type.width(stamp, styles.running);
      type.line(fitWidth(type, text.title, styles.running, width - stampWidth - 24), styles.running, left, headY);
      type.line(stamp, styles.running, right, headY, { align: 'right' });
      const pageLabel = `Page ${i + 1} of ${range.count}`;
      const labelWidth = type.width(pageLabel, styles.running);
      type.line(pageLabel, styles.running, right, footY, { align: 'right' });
      if (text.banner) {
        const top = fitBanner(type, text.banner, styles.banner, width);
        type.line(top.text, top.style, left + (width - type.width(top.text, top.style)) / 2, bannerY);
        const foot = fitBanner(type, text.banner, styles.banner, width - labelWidth - 24);
        type.line(foot.text, foot.style, left, footY + (type.ascent(styles.running) - type.ascent(foot.style)));
      }
      doc.save().lineWidth(0.5).strokeColor(f.colors.hairline);
      doc.moveTo(left, headRuleY).lineTo(right, headRuleY).stroke();
      doc.moveTo(left, footRuleY).lineTo(right, footRuleY).stroke();
      doc.restore();
    }, 'Pagination');
    page.margins.bottom = bottom;
  }
}

/** The banner in its style, made smaller (down to a floor) and then shortened until it fits `width`. */
function fitBanner(type: Typesetter, banner: string, style: TextStyle, width: number): { text: string; style: TextStyle } {
  const full = type.width(banner, style);
  if (full <= width) return { text: banner, style };
  const size = Math.max(minBannerSize, Math.floor(((style.size * width) / full) * 10) / 10);
  const smaller = { ...style, size };
  return { text: fitWidth(type, banner, smaller, width), style: smaller };
}

/** `text` shortened at a word boundary with "…" so it is at most `width` points wide in `style`. */
export function fitWidth(type: Typesetter, text: string, style: TextStyle, width: number): string {
  if (type.width(text, style) <= width) return text;
  const words = text.split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:.–—-]+$/u, '')}…`;
    if (type.width(candidate, style) <= width) return candidate;
  }
  // One word too long on its own: cut it.
  const chars = [...(words[0] ?? '')];
  while (chars.length > 0) {
    chars.pop();
    const candidate = `${chars.join('')}…`;
    if (type.width(candidate, style) <= width) return candidate;
  }
  return '…';
}
