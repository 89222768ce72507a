/**
 * What a PDF carries besides its look: the tag tree (read with pdfinfo -struct-text), artifacts, bookmarks
 * (qpdf --json), and the PDF/A-2b parts: XMP metadata that is well-formed XML matching the Info
 * dictionary, the sRGB output intent, a document ID that depends only on the inputs.
 */
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/model/briefing.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { escapeXml } from '../../src/render/pdf/xmp.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { pdfInfo, pdfObjects, pdfPages, runTool, writeTempPdf } from '../helpers/pdf-tools.js';
import { longBriefing } from './pdf-briefings.js';
import { allText, outlines, structTree, walk, xmlProblems, xmlText, xmpPacket, type StructNode } from './pdf-inspect.js';

const context: RenderContext = { version: 3, generator: 'briefwright 0.1.0', pageSize: 'A4' };

async function render(briefing: Briefing, ctx: RenderContext = context): Promise<{ file: string; bytes: Uint8Array }> {
  const { bytes } = await renderPdf(briefing, ctx);
  return { file: writeTempPdf(bytes), bytes };
}

const shape = (n: StructNode): string => (n.children.length ? `${n.type}[${n.children.map(shape).join(',')}]` : n.type);

describe('tag tree', () => {
  let tree: StructNode[];
  let file: string;
  beforeAll(async () => {
    ({ file } = await render(sampleBriefing()));
    tree = structTree(file);
  });

  it('has one Document holding the title block and a Sect per part of the brief, in reading order', () => {
    expect(tree.map((n) => n.type)).toEqual(['Document']);
    const parts = tree[0]!.children;
    expect(parts.map((n) => n.type)).toEqual(['P', 'H1', 'P', 'Sect', 'Sect', 'Sect', 'Sect', 'Sect', 'Sect']);
    expect(allText(parts[1]!)).toBe('Harbour bridge closed after cracks found in main span');
    const sections = parts.filter((n) => n.type === 'Sect');
    expect(sections.map((s) => `${s.children[0]?.type} ${allText(s.children[0]!)}`)).toEqual([
      'H2 BOTTOM LINE', 'H2 Summary', 'H2 Timeline', 'H2 Key quotes', 'H2 Open questions', 'H2 Sources',
    ]);
  });

  it('tags lists as L > LI > Lbl + LBody, the timeline as a Figure (its strip) then a Table with a header row, quotes as BlockQuote', () => {
    const section = (title: string) => tree[0]!.children.find((s) => s.type === 'Sect' && allText(s.children[0]!) === title)!;
    const summary = section('Summary').children[1]!;
    expect(shape(summary)).toBe('L[LI[Lbl,LBody[Link]],LI[Lbl,LBody[Link]]]');
    expect(summary.children.map((li) => allText(li.children[0]!))).toEqual(['•', '•']);
    expect(section('Timeline').children[1]!.type).toBe('Figure');
    const table = section('Timeline').children[2]!;
    expect(table.type).toBe('Table');
    expect(table.children.map((tr) => tr.children.map((c) => c.type).join('+'))).toEqual(['TH+TH', 'TD+TD', 'TD+TD', 'TD+TD', 'TD+TD']);
    expect(table.children[0]!.children.map(allText)).toEqual(['DATE', 'EVENT']);
    expect(table.children[4]!.children[0]!.children.map(allText)).toEqual(['Tue 14 Mar 2023', 'Scheduled']);
    const quotes = section('Key quotes').children.slice(1);
    expect(quotes.map(shape)).toEqual(['BlockQuote[P,P[Link,Link]]', 'BlockQuote[P,P[Link]]']);
    const questions = section('Open questions').children[1]!;
    expect(questions.children.map((li) => allText(li.children[0]!))).toEqual(['1.', '2.']);
    expect(allText(questions.children[0]!.children[1]!)).toBe('Will the council approve the emergency repair funding on Tuesday? [S3] · pending');
    const sources = section('Sources').children[1]!;
    // Only S1 has a URL.
    expect(shape(sources)).toBe('L[LI[Lbl,LBody[P,P[Link]]],LI[Lbl,LBody[P,P]],LI[Lbl,LBody[P,P]]]');
  });

  it('gives every link its own Link element holding its text and its annotation, described for screen readers', () => {
    const links = walk(tree).filter((n) => n.type === 'Link');
    // 15 citations (some split over "[S1", "S2]") and one URL.
    expect(links.map(allText).join(' ')).toContain('https://gazette.example/news/harbour-bridge-shut?ref=rss&id=42');
    const objects = Object.values(pdfObjects(file)) as Array<Record<string, unknown> | null>;
    const annotations = objects.filter((v) => v?.['/Subtype'] === '/Link');
    expect(annotations.length).toBe(16);
    for (const a of annotations) {
      expect(a).toMatchObject({ '/StructParent': expect.any(Number), '/Contents': expect.stringMatching(/^u:(Source S\d in the list of sources|https:\/\/)/) });
    }
    const linkElements = objects.filter((v) => v?.['/S'] === '/Link');
    expect(linkElements).toHaveLength(annotations.length);
    for (const l of linkElements) {
      const kids = l!['/K'] as unknown[];
      expect(kids.some((k) => typeof k === 'number')).toBe(true);
      expect(kids.some((k) => (k as Record<string, unknown>)['/Type'] === '/OBJR')).toBe(true);
    }
  });

  it('keeps the running header, footer, rules and "(continued)" labels out of the tree, and everything else in it', async () => {
    const { file: long } = await render(longBriefing(20), { ...context, banner: 'INTERNAL — DO NOT FORWARD' });
    const tree = structTree(long);
    const tagged = tree.map(allText).join('');
    for (const artifact of ['Page 1 of', 'Thu 9 Mar 2023 · Version 3', '(continued)', 'DO NOT FORWARD']) expect(tagged).not.toContain(artifact);
    // The table header is tagged once, though it is printed on every page the table spans.
    expect(walk(tree).filter((n) => n.type === 'TH')).toHaveLength(2);
    const pages = pdfPages(long);
    expect(pages.length).toBeGreaterThan(1);
    const untagged = pages.flatMap((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.includes('DO NOT FORWARD') && !/Version 3$|^Page \d+ of \d+$|\(continued\)$|^DATE$|^EVENT$/.test(l))
        .flatMap((l) => l.split(/\s+/))
        .filter((word) => !tagged.includes(word)),
    );
    expect(untagged).toEqual([]);
  });
});

describe('bookmarks', () => {
  it('has one per part of the brief, pointing at its heading', async () => {
    const { file } = await render(sampleBriefing());
    const items = outlines(file);
    expect(items.map((i) => i.title)).toEqual(['Bottom line', 'Summary', 'Timeline', 'Key quotes', 'Open questions', 'Sources']);
    for (const i of items) expect(i.dest[1]).toBe('/XYZ');
    const tops = items.map((i) => i.dest[3] as number);
    expect([...tops].sort((a, b) => b - a)).toEqual(tops);
  });

  it('points at the page a part starts on, and lists "What changed" when there is such a part', async () => {
    const b = longBriefing(50);
    b.changes = { since: 2, summary: { added: ['A new point.'], dropped: [] }, timeline: { added: [], dropped: [] }, quotes: { added: [], dropped: [] }, questions: { added: [], dropped: [] } };
    const { file } = await render(b);
    const items = outlines(file);
    expect(items.map((i) => i.title)).toEqual(['Bottom line', 'What changed since v2', 'Summary', 'Timeline', 'Key quotes', 'Open questions', 'Sources']);
    const pages = pdfPages(file);
    for (const item of items.slice(2)) expect(pages[item.page - 1], item.title).toMatch(new RegExp(`^${item.title}$`, 'm'));
    expect(items.at(-1)!.page).toBeGreaterThan(1);
  });
});

describe('PDF/A-2b metadata', () => {
  const title = `Bridge & tunnel <update> "live" it's 5 > 4`;
  let file: string;
  let xmp: string;
  beforeAll(async () => {
    ({ file } = await render({ ...sampleBriefing(), title }));
    xmp = xmpPacket(file);
  });

  it('writes an XMP packet that is well-formed XML, even for a title with &, <, > and quotes', () => {
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    expect(xmp.startsWith('<?xpacket begin=')).toBe(true);
    expect(xmp.trimEnd().endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(xmlProblems(xmp)).toEqual([]);
  });

  it('mirrors the Info dictionary in the XMP, and declares PDF/A-2b', () => {
    const info = pdfInfo(file);
    expect(info['Title']).toBe(title);
    const block = (tag: string) => xmp.slice(xmp.indexOf(`<${tag}>`), xmp.indexOf(`</${tag}>`));
    expect(xmlText(block('dc:title'), 'rdf:li')).toBe(title);
    expect(xmlText(block('dc:creator'), 'rdf:li')).toBe(info['Author']);
    expect(xmlText(block('dc:description'), 'rdf:li')).toBe(info['Subject']);
    expect(xmlText(xmp, 'pdf:Keywords')).toBe(info['Keywords']);
    expect(xmlText(xmp, 'pdf:Producer')).toBe(info['Producer']);
    expect(xmlText(xmp, 'xmp:CreatorTool')).toBe(info['Creator']);
    expect(xmlText(xmp, 'xmp:CreateDate')).toBe('2023-03-09T00:00:00Z');
    expect(xmlText(xmp, 'xmp:ModifyDate')).toBe('2023-03-09T00:00:00Z');
    expect(xmlText(xmp, 'pdfaid:part')).toBe('2');
    expect(xmlText(xmp, 'pdfaid:conformance')).toBe('B');
  });

  it('declares the sRGB output intent with an embedded ICC profile', () => {
    const objects = pdfObjects(file);
    const catalog = Object.values(objects).find((v) => (v as Record<string, unknown> | null)?.['/Type'] === '/Catalog') as Record<string, string[]>;
    const intent = objects[`obj:${catalog['/OutputIntents']![0]}`] as Record<string, string>;
    expect(intent).toMatchObject({ '/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1' });
    // The profile is a stream (no plain value), so look for its object number.
    expect(Object.keys(objects)).toContain(`obj:${intent['/DestOutputProfile']}`);
  });

  it('gives the same document ID and bytes for the same input, another for another date', async () => {
    const id = (f: string) => runTool('qpdf', ['--show-object=trailer', f]).stdout.match(/\/ID \[ <([0-9a-f]+)>/)?.[1];
    const again = await render({ ...sampleBriefing(), title });
    expect(id(again.file)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(again.file)).toBe(id(file));
    const other = await render({ ...sampleBriefing(), title, date: '2023-03-10' });
    expect(id(other.file)).not.toBe(id(file));
    expect(xmlText(xmpPacket(other.file), 'xmp:CreateDate')).toBe('2023-03-10T00:00:00Z');
  });

  it('drops characters XML forbids from the title, in the Info dictionary and the XMP alike', async () => {
    const { file: odd } = await render({ ...sampleBriefing(), title: 'Bridge\u0007 closed\u000b today' });
    const packet = xmpPacket(odd);
    expect(xmlProblems(packet)).toEqual([]);
    expect(pdfInfo(odd)['Title']).toBe('Bridge closed today');
    expect(xmlText(packet.slice(packet.indexOf('<dc:title>')), 'rdf:li')).toBe('Bridge closed today');
  });

  it('escapes what XML needs escaped and drops what XML forbids', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('bell\u0007 tab\t\ud800')).toBe('bell tab\t');
  });

  it('(the XML check itself catches the XMP pdfkit writes on its own for such a title)', async () => {
    const doc = new PDFDocument({ pdfVersion: '1.7', subset: 'PDF/A-2b', info: { Title: title, CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.end();
    await done;
    const problems = xmlProblems(xmpPacket(writeTempPdf(Buffer.concat(chunks))));
    expect(problems.join('; ')).toMatch(/bare "&"|"<" in text|malformed tag/);
  });
});
