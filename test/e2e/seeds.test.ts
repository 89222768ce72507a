/**
 * The main job on the seeds, end to end through the library: golden JSON and Markdown, the PDF checked
 * with poppler and qpdf, the schema, and byte-identical output from two builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrief, type BriefResult } from '../../src/brief.js';
import { filesUnder, tempDir } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { pdfFonts, pdfInfo, pdfText, runTool } from '../helpers/pdf-tools.js';
import { schemaErrors, validateBriefing } from '../helpers/schema.js';

async function buildSeeds(): Promise<BriefResult> {
  return buildBrief({
    inputs: ['seeds'],
    analyze: { date: '2022-02-21', summaryWords: 150, keyQuotes: 6 },
    output: { outDir: tempDir(), formats: ['pdf', 'md', 'json'], pageSize: 'A4' },
  });
}

describe('brief of seeds/', () => {
  let first: BriefResult;
  let second: BriefResult;
  const read = (r: BriefResult, name: string) => readFileSync(join(r.version.dir, name));

  beforeAll(async () => {
    first = await buildSeeds();
    second = await buildSeeds();
  });

  it('writes the three outputs and a manifest', () => {
    expect(filesUnder(first.version.dir)).toEqual(['briefing.json', 'briefing.md', 'briefing.pdf', 'manifest.json']);
  });

  it('matches the golden JSON', async () => {
    await expectGolden(read(first, 'briefing.json').toString('utf8'), 'seeds/briefing.json');
  });

  it('matches the golden Markdown', async () => {
    await expectGolden(read(first, 'briefing.md').toString('utf8'), 'seeds/briefing.md');
  });

  it('writes JSON that the published schema accepts', () => {
    const ok = validateBriefing(JSON.parse(read(first, 'briefing.json').toString('utf8')));
    expect(schemaErrors()).toEqual([]);
    expect(ok).toBe(true);
  });

  it('writes byte-identical JSON, Markdown and PDF for the same inputs', () => {
    for (const name of ['briefing.json', 'briefing.md', 'briefing.pdf']) {
      expect(read(second, name).equals(read(first, name)), name).toBe(true);
    }
  });

  it('writes a PDF that qpdf finds clean, with every font embedded, that gives back the summary', () => {
    const pdf = join(first.version.dir, 'briefing.pdf');
    const check = runTool('qpdf', ['--check', pdf]);
    expect(check.stdout + check.stderr).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);

    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);

    expect(pdfInfo(pdf)['Title']).toBe(first.briefing.title);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(first.briefing.summary.length).toBeGreaterThan(0);
    for (const point of first.briefing.summary) {
      expect(text).toContain(point.text.replace(/\s+/g, ' ').slice(0, 60));
    }
  });

  it('records the inputs, outputs and warnings in the manifest', () => {
    const manifest = JSON.parse(read(first, 'manifest.json').toString('utf8'));
    expect(manifest.inputs).toHaveLength(2);
    expect(manifest.outputs.map((o: { path: string }) => o.path)).toEqual(['briefing.pdf', 'briefing.md', 'briefing.json']);
    expect(manifest.warnings.some((w: { kind: string }) => w.kind === 'duplicate-dropped')).toBe(true);
  });
});
