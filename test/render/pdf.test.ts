/**
 * The PDF writer, checked the way a reader's tools see the file: qpdf for structure, pdffonts for
 * embedding, pdfinfo for metadata and page size, pdftotext for what can be read and copied.
 * (Tags, bookmarks and PDF/A metadata: pdf-structure.test.ts; page breaks and margins: pdf-layout.test.ts;
 * themes: theme.test.ts.)
 */
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefwrightError } from '../../src/errors.js';
import type { Briefing, ChangeSet } from '../../src/model/briefing.js';
import { FontBook } from '../../src/render/pdf/fonts.js';
import { pdfWriter, renderPdf } from '../../src/render/pdf/index.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing, summaryOnlyBriefing } from '../helpers/briefings.js';
import { longBriefing } from './pdf-briefings.js';
import { pdfFonts, pdfInfo, pdfObjects, pdfPages, pdfText, runTool, writeTempPdf } from '../helpers/pdf-tools.js';

const context: RenderContext = { version: 1, generator: 'briefwright 0.1.0', pageSize: 'A4' };
const headings = ['Summary', 'Timeline', 'Key quotes', 'Open questions', 'Sources'];

async function renderToFile(briefing: Briefing, ctx: RenderContext = context): Promise<{ file: string; bytes: Uint8Array; warnings: string[] }> {
  const result = await renderPdf(briefing, ctx);
  return { file: writeTempPdf(result.bytes), bytes: result.bytes, warnings: result.warnings.map((w) => `${w.kind}: ${w.reason}`) };
}

/** Lines of extracted text, trimmed, blank ones dropped. */
function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('PDF writer: the sample briefing', () => {
  let file: string;
  let warnings: string[];
  let text: string;
  beforeAll(async () => {
    ({ file, warnings } = await renderToFile(sampleBriefing()));
    text = pdfText(file);
  });

  it('declares itself as a PDF writer', () => {
    expect(pdfWriter).toMatchObject({ format: 'pdf', extension: 'pdf', mediaType: 'application/pdf' });
  });

  it('passes qpdf --check', () => {
    const r = runTool('qpdf', ['--check', file]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('embeds and subsets every font, with a Unicode map', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+Noto(Sans|Serif)-/);
    }
  });

  it('carries title, author, subject, language and a creation date taken from the briefing date', () => {
    const info = pdfInfo(file);
    expect(info['Title']).toBe('Harbour bridge closed after cracks found in main span');
    expect(info['Author']).toBe('briefwright 0.1.0');
    expect(info['Subject']).toContain('Thursday 9 March 2023');
    expect(info['CreationDate']).toMatch(/Mar\s+9 00:00:00 2023/);
    expect(info['ModDate']).toBe(info['CreationDate']);
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect(info['Pages']).toBe('2');
    expect(info['Tagged']).toBe('yes');
    expect(info['Metadata Stream']).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    const objects = pdfObjects(file);
    const catalog = Object.values(objects).find((v) => (v as Record<string, unknown> | null)?.['/Type'] === '/Catalog') as Record<string, string>;
    expect(catalog).toMatchObject({ '/Lang': 'u:en-GB', '/MarkInfo': expect.any(String), '/StructTreeRoot': expect.any(String) });
    const prefs = objects[`obj:${catalog['/ViewerPreferences']}`];
    expect(prefs).toEqual({ '/DisplayDocTitle': true });
  });

  it('reads the title block, the bottom line and the rest in the order of the brief', () => {
    const t = flat(text);
    const order = [
      'BRIEFING',
      'Harbour bridge closed after cracks found in main span',
      'Thursday 9 March 2023 · Version 1 · Based on 3 sources from 2 outlets',
      'BOTTOM LINE',
      'The Harbour Bridge was closed on Wednesday after inspectors found cracks in its main span, and will stay shut for at least three weeks. [S1, S2] · reported by 2 independent outlets',
      'Summary',
      'Timeline',
      'Key quotes',
      'Open questions',
      'Sources',
      'S3 Outlet unknown',
    ];
    const at = order.map((s) => t.indexOf(s, t.indexOf('BRIEFING')));
    expect(at.every((i) => i >= 0), `found at ${at.join(',')}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has every section heading, in order, each once', () => {
    const all = lines(text);
    const at = headings.map((h) => all.indexOf(h));
    expect(at.every((i) => i >= 0), `headings found at ${at.join(',')}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const h of headings) expect(all.filter((l) => l === h)).toHaveLength(1);
  });

  it('keeps text as written: citations, punctuation, non-Latin names', () => {
    const t = flat(text);
    for (const s of ['[S1, S2]', '[S3]', '*ring road* [A12]', '£1.5 million_per_week', 'Київ', 'Αθήνα', 'Łódź', 'Jürg Meier’s']) expect(t).toContain(s);
    expect(t).toContain('https://gazette.example/news/harbour-bridge-shut?ref=rss&id=42');
    expect(warnings).toEqual([]);
  });

  it('says how well each point, event and quote is supported, in origins, marking one-outlet claims', () => {
    const t = flat(text);
    expect(t).toContain('£1.5 million_per_week. [S1] · one outlet reports');
    expect(t).toContain('will review the welds. [S3] · one outlet reports');
    expect(t).toContain('The bridge was closed to all traffic. [S1, S2] · reported by 2 independent outlets');
    expect(t).toContain('chief engineer of the Harbour Authority [S1, S2] · reported by 2 independent outlets');
    // The note is set in an italic face, not told by colour alone.
    expect(pdfFonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContain('NotoSans-Italic');
  });

  it('sets the timeline as a date | event table and marks what is scheduled with a word', () => {
    const all = lines(pdfText(file, { layout: true }));
    const row = (needle: string) => all.find((l) => l.includes(needle)) ?? '';
    expect(row('DATE')).toMatch(/^DATE\s+EVENT$/);
    expect(row('The bridge opened in 1962.')).toMatch(/^1962\s/);
    expect(row('routine inspection')).toMatch(/^early Feb 2023\s/);
    expect(row('closed to all traffic')).toMatch(/^Wed 8 Mar 2023\s/);
    expect(row('emergency repair funding. [S3]')).toMatch(/^Tue 14 Mar 2023\s/);
    const scheduledAt = all.findIndex((l) => l.startsWith('Scheduled'));
    expect(all[scheduledAt - 1]).toMatch(/^Tue 14 Mar 2023/);
    expect(all.filter((l) => l.startsWith('Scheduled'))).toHaveLength(1);
  });

  it('shows only key quotes, with speaker and role, and numbers the questions with their kind', () => {
    const t = flat(text);
    expect(t).toContain('“We will not reopen a single lane until every weld has been checked.”');
    expect(t).toContain('— Olena Petrenko, chief engineer of the Harbour Authority [S1, S2]');
    expect(t).toContain('— Dara Quinn [S1]');
    expect(t).not.toContain('precautionary');
    expect(t).toMatch(/1\. Will the council approve the emergency repair funding on Tuesday\? \[S3\] · pending/);
    expect(t).toMatch(/2\. How many vehicles a day used the bridge: 40,000 \(S1\) or 45,000 \(S2\)\? \[S1, S2\] · sources disagree/);
  });

  it('lists each source with outlet, title, date and where to find it', () => {
    const t = flat(pdfText(file, { raw: true }));
    expect(t).toMatch(/S1 Coast Gazette · Harbour bridge shut "until further notice" Published Wed 8 Mar 2023/);
    expect(t).toMatch(/S2 Meridian Wire · Engineers find cracks in harbour bridge Published Thu 9 Mar 2023 · file fixtures\/harbour\/wire\.txt/);
    expect(t).toMatch(/S3 Outlet unknown · Council statement: Київ delegation & Αθήνα engineers to assist Publication date unknown/);
  });

  it('links every citation to its entry in Sources, and the URL to the web', () => {
    const objects = pdfObjects(file);
    const values = Object.values(objects) as Array<Record<string, unknown> | null>;
    const names = values.find((v) => v && typeof v === 'object' && '/Dests' in v)?.['/Dests'] as { '/Names': unknown[] };
    const destinations = names['/Names'].filter((n): n is string => typeof n === 'string');
    expect(destinations).toEqual(['u:source-S1', 'u:source-S2', 'u:source-S3']);
    const actions = values
      .filter((v) => v?.['/Subtype'] === '/Link')
      .map((link) => objects[`obj:${String(link?.['/A'])}`] as Record<string, string>);
    const targets = actions.filter((a) => a['/S'] === '/GoTo').map((a) => a['/D']);
    // One link per cited id: bottom line 2, summary 2, timeline 5, quotes 3, questions 3.
    expect(targets).toHaveLength(15);
    for (const t of targets) expect(destinations).toContain(t);
    expect(actions.filter((a) => a['/S'] === '/URI').map((a) => a['/URI'])).toEqual(['u:https://gazette.example/news/harbour-bridge-shut?ref=rss&id=42']);
  });

  it('prints the running header and footer: title, date, version, page count', () => {
    const page = lines(pdfText(file, { layout: true }));
    expect(page[0]).toMatch(/^Harbour bridge closed after cracks found in main span\s+Thu 9 Mar 2023 · Version 1$/);
    expect(page.at(-1)).toBe('Page 2 of 2');
  });
});

describe('PDF writer: what changed since the previous version', () => {
  const changes = (over: Partial<ChangeSet> = {}): ChangeSet => ({
    since: 1,
    summary: { added: ['Engineers from Łódź will review the welds.'], dropped: ['The bridge may reopen on Friday.'] },
    timeline: { added: [], dropped: [] },
    quotes: { added: [], dropped: ['“It is fine,” said the mayor.'] },
    questions: { added: ['Who pays for the repairs?'], dropped: [] },
    ...over,
  });

  it('follows the bottom line with the non-empty lists, each item marked New or Dropped', async () => {
    const { file } = await renderToFile({ ...sampleBriefing(), changes: changes() }, { ...context, version: 2 });
    const t = flat(pdfText(file));
    const order = ['BOTTOM LINE', 'What changed since v1', 'Summary New: Engineers from Łódź will review the welds.', 'Dropped: The bridge may reopen on Friday.',
      'Key quotes Dropped: “It is fine,” said the mayor.', 'Open questions New: Who pays for the repairs?', 'Summary • About 40,000'];
    const at = order.map((s) => t.indexOf(s));
    expect(at.every((i) => i >= 0), `found at ${at.join(',')}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The timeline had no change: no empty list for it.
    expect(t.slice(at[1]!, at[6]!)).not.toContain('Timeline');
  });

  it('says so when nothing changed, and has no such section on a first version', async () => {
    const none = changes({ summary: { added: [], dropped: [] }, quotes: { added: [], dropped: [] }, questions: { added: [], dropped: [] } });
    const t = flat(pdfText((await renderToFile({ ...sampleBriefing(), changes: none }, { ...context, version: 2 })).file));
    expect(t).toContain('What changed since v1 Nothing in the summary, timeline, quotes or questions changed.');
    expect(pdfText((await renderToFile(sampleBriefing())).file)).not.toContain('What changed');
  });
});

describe('PDF writer: layout', () => {
  it('omits sections that have nothing in them', async () => {
    const { file } = await renderToFile(summaryOnlyBriefing());
    const all = lines(pdfText(file));
    for (const h of ['Timeline', 'Key quotes', 'Open questions']) expect(all).not.toContain(h);
    for (const h of ['Summary', 'Sources']) expect(all).toContain(h);
  });

  it('omits the bottom line and summary when there is no summary, and Summary when only the bottom line exists', async () => {
    const none = { ...sampleBriefing(), summary: [] };
    const text = pdfText((await renderToFile(none)).file);
    expect(text).not.toContain('BOTTOM LINE');
    expect(lines(text)).not.toContain('Summary');
    const one = sampleBriefing();
    one.summary = one.summary.slice(0, 1);
    const text1 = pdfText((await renderToFile(one)).file);
    expect(text1).toContain('BOTTOM LINE');
    expect(lines(text1)).not.toContain('Summary');
  });

  it('never leaves a citation alone on the last line of an item', async () => {
    // Points whose last word grows a letter at a time: some end just where "[S1, S2]" would wrap.
    const b = sampleBriefing();
    const openings = ['The council said the bridge would stay closed while engineers examined every weld', 'Officials said'];
    b.summary = openings.flatMap((opening) =>
      Array.from({ length: 40 }, (_, k) => ({ text: `${opening} ${'m'.repeat(k + 1)}.`, sources: ['S1', 'S2'], evidence: [] })),
    );
    const { file } = await renderToFile(b);
    const all = lines(pdfText(file, { layout: true }));
    expect(all.filter((l) => /^(\[?S\d+[,\]]?\s*)+(· reported by 2 independent outlets)?$/.test(l))).toEqual([]);
    expect(all.filter((l) => /^· reported by/.test(l))).toEqual([]);
    expect(all.filter((l) => /\[S1,$/.test(l))).toEqual([]);
  });

  it('renders Letter pages at 612 x 792', async () => {
    const { file } = await renderToFile(sampleBriefing(), { ...context, pageSize: 'Letter' });
    expect(pdfInfo(file)['Page size']).toBe('612 x 792 pts (letter)');
  });

  it('gives the same bytes for the same input', async () => {
    const a = await renderPdf(sampleBriefing(), context);
    // Parsed fonts are shared across renders: what was drawn in between must not change the output.
    const between = sampleBriefing();
    between.summary.push({ text: 'Ωμέγα, Жовква, Ærø, ﬁ ligatures and 北.', sources: ['S1'], evidence: [] });
    await renderPdf(between, { ...context, pageSize: 'Letter', banner: 'INTERNAL' });
    const b = await renderPdf(sampleBriefing(), context);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const other = await renderPdf({ ...sampleBriefing(), date: '2023-03-10' }, context);
    expect(Buffer.from(a.bytes).equals(Buffer.from(other.bytes))).toBe(false);
  });

  it('spreads a long timeline over several pages, repeating its header row on each', async () => {
    const { file } = await renderToFile(longBriefing(60));
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    const pages = pdfPages(file, { layout: true }).map(lines);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const spanned = pages.filter((page) => page.some((l) => /^\S.*\s+Row \d+: /.test(l)));
    expect(spanned.length).toBeGreaterThanOrEqual(3);
    for (const [i, page] of pages.entries()) {
      expect(page[0]).toMatch(/^Harbour bridge closed after cracks found in main span\s+Thu 9 Mar 2023 · Version 1$/);
      expect(page.at(-1)).toBe(`Page ${i + 1} of ${pages.length}`);
      if (!spanned.includes(page)) continue;
      // Every page with rows has the header row above its first row.
      const header = page.findIndex((l) => /^DATE\s+EVENT$/.test(l));
      const firstRow = page.findIndex((l) => /Row \d+: /.test(l));
      expect(header, `page ${i + 1}`).toBeGreaterThan(0);
      expect(header).toBeLessThan(firstRow);
      if (i > 0) expect(page[1]).toBe('Timeline (continued)');
    }
    const text = flat(pdfText(file));
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Row ${i}: `);
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    // Timelines of many lengths push each later heading through every position near a page bottom.
    for (let rows = 20; rows <= 44; rows += 1) {
      const { file } = await renderToFile(longBriefing(rows));
      const pages = pdfPages(file, { layout: true });
      expect(pages.length).toBeGreaterThan(1);
      for (const [i, text] of pages.entries()) {
        const page = lines(text).slice(0, -1);
        expect(headings, `${rows} rows, page ${i + 1} ends with a heading`).not.toContain(page.at(-1));
        expect(page.at(-1), `${rows} rows, page ${i + 1} ends with the table header`).not.toMatch(/^DATE\s+EVENT$/);
      }
    }
  });
});

describe('PDF writer: warnings and errors', () => {
  it('reports characters no bundled font can draw, once each', async () => {
    const b = sampleBriefing();
    b.summary.push({ text: 'Delegates from 北京 and 北京 again 🙂.', sources: ['S1'], evidence: [] });
    const result = await renderPdf(b, context);
    const missing = result.warnings.filter((w) => w.kind === 'glyph-missing');
    expect(missing.map((w) => w.reason.match(/U\+[0-9A-F]+/)?.[0])).toEqual(['U+5317', 'U+4EAC', 'U+1F642']);
    expect(missing[0]).toMatchObject({ stage: 'render', excerpt: expect.stringContaining('北京') });
  });

  it('shows a citation of an unknown source without a link, and says so', async () => {
    const b = sampleBriefing();
    b.questions[0]!.sources = ['S9'];
    const { file, warnings } = await renderToFile(b);
    expect(flat(pdfText(file))).toContain('on Tuesday? [S9]');
    expect(warnings).toEqual(['render-note: citation S9 has no entry in Sources; it is shown without a link']);
  });

  it('fails with a RENDER error when a font file is missing', () => {
    const doc = new PDFDocument();
    expect(() => new FontBook(doc, '/nonexistent/fonts')).toThrow(BriefwrightError);
    expect(() => new FontBook(doc, '/nonexistent/fonts')).toThrow(/NotoSerif-Regular\.ttf could not be read/);
  });

  it('fails with a RENDER error on a briefing date that is not a date', async () => {
    await expect(renderPdf({ ...sampleBriefing(), date: 'yesterday' }, context)).rejects.toMatchObject({ code: 'RENDER' });
  });
});
