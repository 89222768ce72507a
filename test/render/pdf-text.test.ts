/**
 * Text in any language in the PDF, checked with the tools a reader has: pdftotext gives the names back
 * intact and in logical order, pdffonts shows every font (fallbacks too) embedded, qpdf finds the file
 * sound, and no text operator ever draws the .notdef glyph (the empty box).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/model/briefing.js';
import { BriefwrightError } from '../../src/errors.js';
import { fontsDir } from '../../src/paths.js';
import { FontBook } from '../../src/render/pdf/fonts.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { TextStyle } from '../../src/render/pdf/styles.js';
import { Typesetter, type Run } from '../../src/render/pdf/text.js';
import type { RenderContext } from '../../src/render/types.js';
import { arabicQuote, hebrewTitle, multilingualBriefing, names, undrawable } from '../fixtures/multilingual/briefing.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { filesUnder, runCli, tempDir } from '../helpers/cli.js';
import { pdfFonts, pdfInfo, pdfObjects, pdfText, runTool, writeTempPdf } from '../helpers/pdf-tools.js';

const context: RenderContext = { version: 1, generator: 'briefwright 0.1.0', pageSize: 'A4' };
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function renderToFile(briefing: Briefing): Promise<{ file: string; bytes: Uint8Array; warnings: Array<{ kind: string; reason: string }> }> {
  const result = await renderPdf(briefing, context);
  return { file: writeTempPdf(result.bytes), bytes: result.bytes, warnings: result.warnings };
}

/** Glyph ids drawn by text operators; pdfkit's subsets keep .notdef at id 0, so 0 means an empty box. */
function drawnGlyphIds(file: string): number[] {
  const qdf = `${file}.qdf`;
  const r = runTool('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  expect(r.status, r.stderr).toBe(0);
  const body = readFileSync(qdf, 'latin1');
  const ids: number[] = [];
  for (const block of body.match(/\bBT\b[\s\S]*?\bET\b/g) ?? []) {
    for (const [, hex] of block.matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (let i = 0; i + 4 <= (hex ?? '').length; i += 4) ids.push(parseInt(hex!.slice(i, i + 4), 16));
    }
  }
  return ids;
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  page: number;
}

/** Every word pdftotext finds, with its box in points. Right-to-left words come with their letters in visual order. */
function pdfWords(file: string): Word[] {
  const r = runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  expect(r.status, r.stderr).toBe(0);
  const words: Word[] = [];
  let page = 0;
  for (const line of r.stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: decodeEntities(m[5]!), page });
  }
  return words;
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

const reversed = (s: string) => Array.from(s).reverse().join('');

describe('PDF text: a brief in many scripts', () => {
  let file: string;
  let bytes: Uint8Array;
  let warnings: Array<{ kind: string; reason: string }>;
  let text: string;
  beforeAll(async () => {
    ({ file, bytes, warnings } = await renderToFile(multilingualBriefing()));
    text = flat(pdfText(file));
  });

  it('gives every name back intact, in logical order', () => {
    for (const name of Object.values(names)) expect(text, name).toContain(name);
    expect(text).toContain(`Delegations from ${names.kyiv} and ${names.athens} meet`);
    expect(text).toContain(`The river ferry stays halted after an engine fire, ${names.jurg} Weber said in ${names.lodz} on Wednesday.`);
    expect(text).toContain(hebrewTitle);
    // Including the lam-alef ligatures, which extractors would otherwise read with their letters swapped.
    expect(text).toContain(arabicQuote);
    expect(text).toContain('temperatures of −5 °C');
    expect(text).toContain('repairs take 3 weeks ★.');
  });

  it('drops zero-width, soft hyphen, BOM and control characters', () => {
    expect(text).toContain('River ferry halted: delegations from Київ and Αθήνα meet');
    for (const c of ['\u200B', '\u00AD', '\uFEFF', '\u0007', '\u001B', '\u0085']) expect(text.includes(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
    expect(pdfInfo(file)['Title']).toBe('Ri\u200Bver ferry halted: delegations from Київ and Αθή\u00ADνα meet');
  });

  it('reports exactly the characters no bundled font has, once each, and shows them as U+FFFD', () => {
    const missing = warnings.filter((w) => w.kind === 'glyph-missing');
    expect(missing.map((w) => w.reason.match(/U\+[0-9A-F]+/)?.[0])).toEqual(undrawable.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`));
    for (const w of missing) expect(w.reason).toContain('shown as "\uFFFD"');
    expect(text).toContain('arrive on Friday \uFFFD with a note from \uFFFD.');
  });

  it('never draws an empty box (.notdef)', () => {
    const ids = drawnGlyphIds(file);
    expect(ids.length).toBeGreaterThan(500);
    expect(ids.filter((id) => id === 0)).toEqual([]);
  });

  it('embeds and subsets every font, the fallbacks it used included', () => {
    const fonts = pdfFonts(file);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    const families = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, ''));
    for (const fallback of ['NotoSansArabic', 'NotoSansHebrew', 'NotoSansMath', 'NotoSansSymbols2']) expect(families).toContain(fallback);
  });

  it('passes qpdf --check', () => {
    const r = runTool('qpdf', ['--check', file]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('rasterises with pdftoppm without a font or syntax complaint', () => {
    const prefix = join(tempDir('brief-png-'), 'page');
    const r = runTool('pdftoppm', ['-png', '-r', '60', file, prefix]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(`${prefix}-1.png`).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('draws right-to-left words right to left, and an all-Arabic quote aligned right', () => {
    const words = pdfWords(file);
    // The Hebrew source title: its first word is drawn rightmost (pdftotext -bbox gives letters in visual order).
    const title = hebrewTitle.split(' ').map((w) => words.find((x) => x.text === reversed(w)));
    expect(title.every((w) => w !== undefined)).toBe(true);
    const xs = title.map((w) => w!.xMin);
    expect([...xs].sort((a, b) => b - a)).toEqual(xs);
    // In the English summary line the Arabic name's first word is right of its second, both left of "and".
    const [first, second] = names.arabic.split(' ').map((w) => words.find((x) => x.text === reversed(w))!);
    const and = words.find((x) => x.text === 'and' && Math.abs(x.yMin - first!.yMin) < 4)!;
    expect(second!.xMax).toBeLessThan(first!.xMin);
    expect(first!.xMax).toBeLessThan(and.xMin);
    // The quote: a right-to-left paragraph ends at the right edge of the text column (A4, 20 mm margin).
    const quoteWords = arabicQuote.split(' ').map((w) => words.find((x) => x.text.includes(reversed(w)))!);
    expect(Math.max(...quoteWords.map((w) => w.xMax))).toBeCloseTo(595.28 - (20 * 72) / 25.4, 0);
  });

  it('gives the same bytes for the same input, whatever was rendered before', async () => {
    const other = multilingualBriefing();
    other.summary.push({ text: 'Αλλά → ∑ ≠ ∞, עוד טקסט, نص آخر ☂', sources: ['S1'], evidence: [] });
    await renderPdf(other, { ...context, pageSize: 'Letter' });
    const again = await renderPdf(multilingualBriefing(), context);
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('PDF text: briefs without such text', () => {
  it('use only the role fonts, no fallback, for Latin, Greek and Cyrillic names', async () => {
    const { file, warnings } = await renderToFile(sampleBriefing());
    const fonts = pdfFonts(file).map((f) => f.name);
    expect(fonts).not.toEqual([]);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+Noto(Sans|Serif)-(Regular|Bold|Italic|BoldItalic)$/);
    expect(warnings).toEqual([]);
  });
});

describe('PDF text: odd input never crashes rendering', () => {
  it('renders every control character, lone surrogates, stray marks and emoji sequences without a box', async () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007F\u0080\u009F';
    const odd = [
      `controls ${controls} end`,
      'lone \uD800 and \uDFFF surrogates, \uFFFD kept',
      '\u0301 stray mark, a\u0301\u0302\u0303 stacked, q\u0307\u0323 dotted',
      'overrides \u202Ereversed\u202C and \u2067isolated\u2069 text',
      'emoji 👍🏽 👩\u200D👩\u200D👧 🇺🇦 ❤\uFE0F 1\uFE0F\u20E3 ☂ and \uE000 private use',
      `long ${'سارة'.repeat(60)} word, ${'x'.repeat(150)} and ${'ж'.repeat(120)}`,
      'Arabic-Indic digits ٢٠٢٦ and (قوسين) in brackets, «اقتباس»',
    ].join(' \n');
    const b = multilingualBriefing();
    b.title = odd.slice(0, 200);
    b.summary.push({ text: odd, sources: ['S1'], evidence: [] });
    b.quotes.push({ text: odd, speaker: odd.slice(0, 40), role: odd.slice(40, 80), partial: false, key: true, sources: ['S2'], evidence: [] });
    b.sources[0]!.title = odd;
    const { file, warnings } = await renderToFile(b);
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    expect(drawnGlyphIds(file).filter((id) => id === 0)).toEqual([]);
    const out = flat(pdfText(file));
    expect(out).toContain('reversed');
    expect(out).toContain('٢٠٢٦');
    const missing = warnings.filter((w) => w.kind === 'glyph-missing').map((w) => w.reason.match(/U\+[0-9A-F]+/)?.[0]);
    expect(new Set(missing).size).toBe(missing.length);
    // 👍 itself is in Noto Sans Symbols 2: only its skin tone is left out.
    expect(missing).not.toContain('U+1F44D');
    for (const cp of ['U+1F3FD', 'U+1F469', 'U+1F467', 'U+1F1FA', 'U+1F1E6', 'U+E000']) expect(missing).toContain(cp);
  });
});

/** A Typesetter on a fresh A4 document, and a way to finish the document into a file. */
function typesetter(): { type: Typesetter; doc: PDFKit.PDFDocument; finish(): Promise<string> } {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 50, right: 50 } });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => resolve(writeTempPdf(Buffer.concat(chunks)))));
  const type = new Typesetter(doc, new FontBook(doc));
  return { type, doc, finish: () => (doc.end(), done) };
}

const body: TextStyle = { font: 'serif', size: 10.5, color: '#111111' };
const cite: TextStyle = { font: 'sans', size: 8, color: '#1f3d66' };

describe('Typesetter: paragraphs that mix fonts and directions', () => {
  const mixed = `Engineers led by ${names.arabic} and ${names.hebrew} met in ${names.kyiv}, ${names.athens} and ${names.lodz}; at −5 °C → repairs slow ★ while ${names.jurg} waits `;

  it('wraps inside the box, draws every word, and is as tall as height() said', async () => {
    const { type, doc, finish } = typesetter();
    const runs: Run[] = [{ text: mixed.repeat(3), style: body }, { text: '[S1', style: cite, glue: true }, { text: ', ', style: cite }, { text: 'S2]', style: cite }];
    const box = { x: 120, width: 180 };
    doc.y = 100;
    const height = type.height(runs, box);
    type.paragraph(runs, box);
    expect(doc.y - 100).toBeCloseTo(height, 6);
    expect(height / type.lineAdvance(body)).toBeGreaterThanOrEqual(8);
    const words = pdfWords(await finish());
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(w.xMax, w.text).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    const drawn = words.map((w) => w.text).join(' ');
    for (const name of [names.kyiv, names.athens, names.lodz, names.jurg]) expect(drawn.split(name).length - 1, name).toBe(3);
    // The citations sit on the same line as the word before them.
    const first = words.find((w) => w.text === '[S1,')!;
    expect(words.some((w) => w.text === 'waits' && Math.abs(w.yMax - first.yMax) < 2 && w.xMax < first.xMin)).toBe(true);
  });

  it('keeps links on every piece of a linked run, and a destination once, even on right-to-left text', async () => {
    const { type, finish } = typesetter();
    type.paragraph(
      [
        { text: `Ask ${names.arabic} → now`, style: body, link: 'https://example.org/ask' },
        { text: ` and ${names.hebrew}`, style: body, destination: 'hebrew-name' },
      ],
      { x: 50, width: 400 },
    );
    const file = await finish();
    const objects = Object.values(pdfObjects(file)) as Array<Record<string, unknown> | null>;
    const uris = objects.filter((v) => v?.['/S'] === '/URI').map((v) => v?.['/URI']);
    expect(uris.length).toBeGreaterThan(1);
    expect(new Set(uris)).toEqual(new Set(['u:https://example.org/ask']));
    const dests = objects.find((v) => v && typeof v === 'object' && '/Dests' in v)?.['/Dests'] as { '/Names': unknown[] };
    expect(dests['/Names'].filter((n) => typeof n === 'string')).toEqual(['u:hebrew-name']);
  });

  it('moves to a new page when a line does not fit, like pdfkit', async () => {
    const { type, doc, finish } = typesetter();
    doc.y = doc.page.maxY() - 3 * type.lineAdvance(body);
    type.paragraph([{ text: mixed.repeat(4), style: body }], { x: 50, width: 300 });
    const words = pdfWords(await finish());
    expect(Math.max(...words.map((w) => w.page))).toBe(2);
    const bottom = 841.89 - 50;
    for (const w of words) expect(w.yMax, w.text).toBeLessThanOrEqual(bottom + 0.5);
    // Latin words: pdftotext boxes glyphs by their font's ascent, which is taller in Noto Sans Arabic.
    const secondPageTop = Math.min(...words.filter((w) => w.page === 2 && /^[A-Za-z]+$/.test(w.text)).map((w) => w.yMin));
    expect(secondPageTop).toBeGreaterThanOrEqual(50 - 0.5);
    expect(secondPageTop).toBeLessThan(50 + 12);
  });

  it('draws a single line with fallback pieces, aligned right when asked, and measures it', async () => {
    const { type, finish } = typesetter();
    const label = `Page 2 · ${names.hebrew} → ★`;
    const width = type.width(label, cite);
    expect(type.line(label, cite, 500, 100, { align: 'right' })).toBeCloseTo(width, 6);
    const words = pdfWords(await finish());
    expect(Math.max(...words.map((w) => w.xMax))).toBeCloseTo(500, 0);
    expect(Math.min(...words.map((w) => w.xMin))).toBeCloseTo(500 - width, 0);
  });
});

describe('FontBook: a chain of font files per role', () => {
  it("puts a theme's own font first and keeps the bundled faces behind it as fallbacks", () => {
    const doc = new PDFDocument();
    // Stand-in for a theme font that has Hebrew but no Latin letters.
    const own = join(fontsDir, 'NotoSansHebrew-Regular.ttf');
    const fonts = new FontBook(doc, fontsDir, { serif: own });
    expect(fonts.runs('Jürg נועה', 'serif')).toEqual([
      { text: 'Jürg', font: join(fontsDir, 'NotoSerif-Regular.ttf'), primary: false },
      { text: ' נועה', font: 'serif', primary: true },
    ]);
    expect(fonts.runs('Jürg נועה', 'sans')).toEqual([
      { text: 'Jürg ', font: 'sans', primary: true },
      { text: 'נועה', font: join(fontsDir, 'NotoSansHebrew-Regular.ttf'), primary: false },
    ]);
    expect(fonts.warnings()).toEqual([]);
  });

  it('names a theme font that cannot be read, without blaming the installation', () => {
    const doc = new PDFDocument();
    const build = () => new FontBook(doc, fontsDir, { sansBold: '/nonexistent/Brand-Bold.ttf' });
    expect(build).toThrow(BriefwrightError);
    expect(build).toThrow(/^PDF font \/nonexistent\/Brand-Bold\.ttf could not be read$/);
  });
});

describe('test/fixtures/multilingual/articles through the CLI', () => {
  it('builds a brief whose PDF carries every name the brief itself carries', () => {
    const out = tempDir();
    const r = runCli(['build', 'test/fixtures/multilingual/articles', '--date', '2026-01-15', '--out', out, '--format', 'pdf,json']);
    expect(r.status, r.stderr).toBe(0);
    const files = filesUnder(out);
    const pdf = files.find((f) => f.endsWith('briefing.pdf'));
    const json = files.find((f) => f.endsWith('briefing.json'));
    expect(pdf && json).toBeTruthy();
    const briefing = readFileSync(join(out, json!), 'utf8');
    const text = flat(pdfText(join(out, pdf!)));
    // Source titles name Київ, Αθήνα and Łódź whatever the analysis picks.
    for (const name of [names.kyiv, names.athens, names.lodz]) expect(text).toContain(name);
    // And every other name the analysis put in the brief (some beyond the titles' three: the check must check something).
    const carried = Object.values(names).filter((name) => briefing.includes(name));
    expect(carried.length, `names in briefing.json: ${carried.join(', ')}`).toBeGreaterThan(3);
    for (const name of carried) expect(text, name).toContain(name);
  });
});
