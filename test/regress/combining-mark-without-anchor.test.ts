/**
 * Regression: one article with "a\u0334" (a base and a combining mark the font has no anchor for on that
 * base) made fontkit throw inside pdfkit and took the whole build down with an internal error.
 * Now the mark is left off its base, reported once as glyph-missing, and the rest of the text prints.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { pdfText, runTool, writeTempPdf } from '../helpers/pdf-tools.js';

const context: RenderContext = { version: 1, generator: 'briefwright 0.1.0', pageSize: 'A4' };

/** Every combining mark of the main combining blocks, after a few kinds of base. */
function everyMarkAfter(bases: string): string {
  const marks: number[] = [];
  for (const [from, to] of [[0x0300, 0x036f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]] as const) {
    for (let cp = from; cp <= to; cp++) marks.push(cp);
  }
  return Array.from(bases, (base) => marks.map((cp) => base + String.fromCodePoint(cp)).join(' ')).join(' ');
}

describe('regression: a combining mark the font cannot place', () => {
  it('renders "a\\u0334" in title, summary and quote, reports the mark and keeps the letters', async () => {
    const b = sampleBriefing();
    b.title = 'Harbour bridge a\u0334 closes';
    b.summary[0]!.text = `Marker a\u0334 in the bottom line. ${b.summary[0]!.text}`;
    b.quotes[0]!.text = 'We closed it a\u0334 today';
    const result = await renderPdf(b, context);
    const file = writeTempPdf(result.bytes);
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Marker a in the bottom line');
    const unplaced = result.warnings.filter((w) => w.kind === 'glyph-missing' && w.reason.includes('U+0334'));
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]!.reason).toMatch(/no PDF font can place U\+0334 on its base/);
  });

  it('renders every combining mark after letters, digits, space and punctuation, and Zalgo stacks', async () => {
    const b = sampleBriefing();
    const zalgo = `Z${'\u0334\u0335\u0336\u0337\u0338\u0300\u0301\u0316\u0317\u0330'.repeat(5)}algo`;
    b.summary.push({ text: `${everyMarkAfter('aIg0 ".')} ${zalgo} end of marks`, sources: ['S1'], evidence: [] });
    const result = await renderPdf(b, context);
    const file = writeTempPdf(result.bytes);
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    const text = pdfText(file);
    expect(text.isWellFormed()).toBe(true);
    expect(text.replace(/\s+/g, ' ')).toContain('end of marks');
  });
});
