/**
 * Regression: text no font or format can carry — lone surrogates (JSON escapes can spell them), controls,
 * private-use characters, bidi overrides, Zalgo stacks, marks fontkit cannot place — in any field of any
 * source, a sources.json override included. The brief builds, and JSON, Markdown and PDF text are all
 * well-formed Unicode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pdfText, runTool } from '../helpers/pdf-tools.js';
import { buildWithHostile } from '../helpers/hostile.js';

const odd = 'a\u0334 \u0000\u0007 \uE000\u{F0000} \u202Eevil\u202C Z\u0336\u0337\u0338\u0334\u0335\u0336\u0337\u0338\u0334\u0335\u0336\u0337\u0338\u0334\u0335\u0336\u0337\u0338\u0334\u0335 \uFFFE';

/** A JSON article whose every field holds lone surrogates (as JSON escapes) and `odd`. */
const jsonArticle = JSON.stringify([
  {
    title: `Ferry talks \ud800 ${odd}`,
    source: `Island Post \udfff`,
    author: `Rui \ud83d Costa`,
    publishedAt: '2026-03-03',
    content: `The ferry operator met the island council on Tuesday \ud800 to discuss a replacement vessel. ${odd} "We expect a boat by Friday \udc00," said Rui Costa, the operator's director.`,
  },
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

describe('regression: any Unicode in any field', () => {
  it('builds, and every output is well-formed Unicode', () => {
    const build = buildWithHostile({
      'odd.json': jsonArticle,
      'odd.txt': `Harbour ${odd}\n\nThe harbour master ${odd} said the pier would reopen on Thursday.\n`,
      'sources.json': JSON.stringify({ 'odd.txt': { outlet: `Pier News \ud800 ${odd}`, published: '2026-03-02' } }),
    });
    expect(build.stderr).not.toContain('internal error');
    expect(build.status).toBe(0);
    const dir = build.version!;
    for (const name of ['briefing.json', 'briefing.md', 'manifest.json']) {
      const bytes = readFileSync(join(dir, name));
      const text = utf8.decode(bytes);
      expect(text.isWellFormed(), name).toBe(true);
      // JSON.stringify writes a lone surrogate as a \\udXXX escape: none may be there to write.
      expect(text, name).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
    }
    const briefing = JSON.parse(readFileSync(join(dir, 'briefing.json'), 'utf8'));
    expect(JSON.stringify(briefing.sources)).toContain('Island Post');
    const pdf = join(dir, 'briefing.pdf');
    expect(runTool('qpdf', ['--check', pdf]).status).toBe(0);
    expect(pdfText(pdf).isWellFormed()).toBe(true);
  });
});
