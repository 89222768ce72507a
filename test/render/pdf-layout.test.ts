/**
 * Page layout, checked on the drawn pages: paragraphs break with widow/orphan control, nothing runs out
 * of the text column (A4 and Letter), the running header and footer and the banner are on every page.
 */
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/model/briefing.js';
import { paragraphBreak, pageGeometry } from '../../src/render/pdf/layout.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { PageSize, RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { pdfPages, writeTempPdf } from '../helpers/pdf-tools.js';
import { longBriefing, taggedParagraph } from './pdf-briefings.js';
import { wordBoxes, type WordBox } from './pdf-inspect.js';

const context: RenderContext = { version: 1, generator: 'briefwright 0.1.0', pageSize: 'A4' };

async function render(briefing: Briefing, ctx: RenderContext = context): Promise<string> {
  return writeTempPdf((await renderPdf(briefing, ctx)).bytes);
}

/** Words grouped into lines (same page, same top), top to bottom. */
function linesOf(words: WordBox[]): Array<{ page: number; top: number; words: WordBox[] }> {
  const out: Array<{ page: number; top: number; words: WordBox[] }> = [];
  for (const w of [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)) {
    const last = out.at(-1);
    if (last && last.page === w.page && Math.abs(last.top - w.yMin) < 2) last.words.push(w);
    else out.push({ page: w.page, top: w.yMin, words: [w] });
  }
  return out;
}

describe('paragraphBreak: widow and orphan control', () => {
  it('draws a paragraph that fits where it is', () => {
    expect(paragraphBreak(3, 3, 50)).toEqual({ kind: 'here' });
    expect(paragraphBreak(1, 1, 50)).toEqual({ kind: 'here' });
  });

  it('moves paragraphs of up to four lines whole, and any paragraph when fewer than two lines fit', () => {
    for (let lines = 2; lines <= 4; lines++) {
      for (let fit = 0; fit < lines; fit++) expect(paragraphBreak(lines, fit, 50), `${lines} lines, ${fit} fit`).toEqual({ kind: 'next-page' });
    }
    expect(paragraphBreak(12, 1, 50)).toEqual({ kind: 'next-page' });
  });

  it('splits a long paragraph leaving at least two lines here and three for the next page', () => {
    for (let lines = 5; lines <= 20; lines++) {
      for (let fit = 2; fit < lines; fit++) {
        const plan = paragraphBreak(lines, fit, 50);
        expect(plan.kind, `${lines} lines, ${fit} fit`).toBe('split');
        if (plan.kind !== 'split') continue;
        expect(plan.lines).toBeGreaterThanOrEqual(2);
        expect(plan.lines).toBeLessThanOrEqual(fit);
        expect(lines - plan.lines).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('breaks a paragraph taller than a page as late as it can', () => {
    expect(paragraphBreak(70, 10, 50)).toEqual({ kind: 'split', lines: 10 });
  });
});

describe('page breaks inside paragraphs', () => {
  it('never strands one line of a paragraph at the foot or the head of a page', async () => {
    // Summary points of 2 to 9 lines after a varying number of short ones, so that every kind of
    // paragraph meets the page break at every line of its length.
    const checked = { split: 0, whole: 0 };
    for (let before = 0; before < 8; before++) {
      const b = sampleBriefing();
      const short = Array.from({ length: 18 + before }, (_, i) => ({ text: `Short point ${i + 1} of the summary.`, sources: ['S1'], evidence: [] }));
      const long = Array.from({ length: 14 }, (_, i) => ({ text: taggedParagraph(i, 20 + 12 * (i % 8)), sources: ['S1', 'S2'], evidence: [] }));
      b.summary = [b.summary[0]!, ...short, ...long];
      const { words } = wordBoxes(await render(b));
      const perPage = new Map<number, Map<number, number>>();
      for (const line of linesOf(words)) {
        const ids = new Set(line.words.map((w) => /q(\d+)$/.exec(w.text)?.[1]).filter((id) => id !== undefined));
        if (ids.size !== 1) continue;
        const id = Number([...ids][0]);
        const counts = perPage.get(id) ?? new Map<number, number>();
        counts.set(line.page, (counts.get(line.page) ?? 0) + 1);
        perPage.set(id, counts);
      }
      for (const [id, pages] of perPage) {
        const total = [...pages.values()].reduce((a, c) => a + c, 0);
        if (pages.size === 1) {
          checked.whole++;
          continue;
        }
        checked.split++;
        expect(total, `paragraph ${id} (${before} before) has ${total} lines but was split`).toBeGreaterThanOrEqual(5);
        for (const [page, count] of pages) expect(count, `paragraph ${id} (${before} before): ${count} line(s) on page ${page}`).toBeGreaterThanOrEqual(2);
      }
    }
    // The check saw both long paragraphs split and short ones kept whole.
    expect(checked.split).toBeGreaterThan(3);
    expect(checked.whole).toBeGreaterThan(50);
  });
});

describe('margins', () => {
  /** A briefing full of long unbroken words: URLs, identifiers, a title with a very long word. */
  function unbroken(): Briefing {
    const b = longBriefing(30);
    const long = 'https://gazette.example/' + 'very-long-path-segment/'.repeat(12) + '?id=42';
    b.title = `Harbour ${'Brückenbauwerksinstandsetzung'.repeat(3)} closed after cracks found`;
    b.sources[0]!.url = long;
    b.sources[1]!.title = 'X'.repeat(140);
    b.summary[1]!.text = `Identifier ${'0123456789'.repeat(12)} was logged.`;
    b.quotes[0]!.role = 'chief engineer of the Harbour Authority and of the '.repeat(4);
    b.timeline[0]!.text = 'A'.repeat(90);
    return b;
  }

  for (const pageSize of ['A4', 'Letter'] as PageSize[]) {
    it(`keeps every word inside the page's text column (${pageSize})`, async () => {
      const g = pageGeometry(pageSize);
      const b = unbroken();
      const banner = `${'INTERNAL — DO NOT FORWARD — '.repeat(6)}END`;
      const { pages, words } = wordBoxes(await render(b, { ...context, pageSize, banner }));
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect([p.width, p.height]).toEqual([g.width, g.height].map((n) => Number(n.toFixed(2))));
      const outside = words.filter((w) => w.xMin < g.margins.left - 0.5 || w.xMax > g.width - g.margins.right + 0.5 || w.yMin < 8 || w.yMax > g.height - 8);
      expect(outside.map((w) => `p${w.page} ${w.text.slice(0, 30)} [${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}]`)).toEqual([]);
      // Above and below the body: only the running header, footer and banner.
      const running = new Set(`${b.title} Thu 9 Mar 2023 · Version 1 ${banner} Page of`.split(/\s+/));
      const isRunning = (w: WordBox) => running.has(w.text) || /^\d+$/.test(w.text) || (w.text.endsWith('…') && running.has(w.text.slice(0, -1)));
      const margins = words.filter((w) => w.yMin < g.margins.top - 2 || w.yMax > g.height - g.margins.bottom + 2);
      expect(margins.length).toBeGreaterThan(0);
      expect(margins.filter((w) => !isRunning(w)).map((w) => `p${w.page} ${w.text}`)).toEqual([]);
    });
  }
});

describe('running header, footer and banner', () => {
  it('prints the banner at the top and the foot of every page, with the header and footer', async () => {
    const banner = 'INTERNAL — DO NOT FORWARD';
    const pages = pdfPages(await render(longBriefing(50), { ...context, version: 4, banner }), { layout: true }).map((p) =>
      p.split('\n').map((l) => l.trim()).filter(Boolean),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, lines] of pages.entries()) {
      expect(lines[0], `page ${i + 1}`).toBe(banner);
      expect(lines[1]).toMatch(/^Harbour bridge closed after cracks found in main span\s+Thu 9 Mar 2023 · Version 4$/);
      expect(lines.at(-1)).toMatch(new RegExp(`^${banner}\\s+Page ${i + 1} of ${pages.length}$`));
    }
  });

  it('shortens a title too long for the header, and prints no banner when there is none', async () => {
    const b = { ...sampleBriefing(), title: `The harbour bridge ${'and the tunnel '.repeat(12)}closed` };
    const lines = pdfPages(await render(b), { layout: true })[0]!.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toMatch(/^The harbour bridge and the tunnel .*…\s+Thu 9 Mar 2023 · Version 1$/);
    expect(lines.join('\n')).not.toContain('FORWARD');
  });
});
