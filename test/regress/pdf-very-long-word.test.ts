/**
 * Regression: a "word" of tens of thousands of characters (a pasted hash, a dump) took the PDF writer
 * minutes: pdfkit splits an over-long word by measuring ever-longer prefixes, again on every line. Now
 * such words get break opportunities every 200 characters; the text still comes out whole. (Its speed is
 * measured in npm run bench, not here.)
 */
import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/render/pdf/glyphs.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { pdfText, writeTempPdf } from '../helpers/pdf-tools.js';

describe('regression: a very long word in the PDF', () => {
  it('gets a zero-width break every 200 characters, never inside a cluster, and nothing shorter does', () => {
    const url = `https://gazette.example/${'a'.repeat(150)}`;
    expect(sanitizeText(url)).toBe(url);
    const word = 'ä\u0301'.repeat(300);
    const broken = sanitizeText(word);
    expect(broken.replaceAll('\u200B', '')).toBe(word.normalize('NFC'));
    for (const piece of broken.split('\u200B')) expect(piece.length).toBeLessThanOrEqual(200);
    expect(broken.split('\u200B').every((piece) => !/^\p{M}/u.test(piece))).toBe(true);
  });

  it('renders a 20,000-character word, and pdftotext gives all of it back', async () => {
    const b = sampleBriefing();
    b.summary[0]!.text = `Start ${'ж'.repeat(20_000)} end.`;
    const file = writeTempPdf((await renderPdf(b, { version: 1, generator: 'briefwright 0.1.0', pageSize: 'A4' })).bytes);
    const text = pdfText(file);
    // The word runs over pages, so running headers and footers stand between its pieces.
    expect(text.match(/ж/g)?.length).toBe(20_000);
    expect(text).toMatch(/Start\s*ж/);
    expect(text).toMatch(/ж\s*end\./);
  });
});
