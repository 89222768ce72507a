/**
 * The PDF writer: a Briefing drawn with pdfkit and the bundled Noto fonts. Deterministic: dates in the
 * metadata come from the briefing date, and pdfkit derives the document ID from that metadata.
 */
import PDFDocument from 'pdfkit';
import { ErrorCode, fail } from '../../errors.js';
import type { Briefing } from '../../model/briefing.js';
import { warning, type Warning } from '../../model/warning.js';
import type { RenderContext, Writer, WriterResult } from '../types.js';
import { frame } from './blocks.js';
import { dateAtMidnightUtc, longDateLabel } from './dates.js';
import { FontBook } from './fonts.js';
import { drawFooters, pageGeometry } from './layout.js';
import { drawBottomLine, drawQuestions, drawQuotes, drawSources, drawSummary, drawTimeline, drawTitleBlock, sourcesLine } from './sections.js';
import { Typesetter } from './text.js';

/** Render a Briefing as a PDF; the same briefing and context always give the same bytes. */
export async function renderPdf(briefing: Briefing, context: RenderContext): Promise<WriterResult> {
  const geometry = pageGeometry(context.pageSize);
  const stamp = dateAtMidnightUtc(briefing.date) ?? fail(ErrorCode.RENDER, `briefing date "${briefing.date}" is not a YYYY-MM-DD date`);
  const outlets = [...new Set(briefing.sources.map((s) => s.outlet).filter((o): o is string => !!o))];
  const doc = new PDFDocument({
    size: [geometry.width, geometry.height],
    margins: geometry.margins,
    // Footers need the page count, so pages stay buffered until the end.
    bufferPages: true,
    // pdfkit's default PDF 1.3 writes no XMP stream; from 1.4 on it writes one with the title unescaped,
    // which a title with "&" or "<" turns into broken XML.
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: briefing.title,
      Author: context.generator,
      Creator: context.generator,
      Subject: `Briefing of ${longDateLabel(briefing.date)}, version ${context.version}. ${sourcesLine(briefing.sources)}.`,
      ...(outlets.length > 0 ? { Keywords: outlets.join(', ') } : {}),
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const bytes = collect(doc);

  const fonts = new FontBook(doc);
  const type = new Typesetter(doc, fonts);
  const f = frame(type, geometry, briefing.sources.map((s) => s.id));
  drawTitleBlock(f, briefing, context.version);
  drawBottomLine(f, briefing.summary[0]);
  drawSummary(f, briefing.summary.slice(1));
  drawTimeline(f, briefing.timeline);
  drawQuotes(f, briefing.quotes);
  drawQuestions(f, briefing.questions);
  drawSources(f, briefing.sources);
  drawFooters(type, geometry, { title: briefing.title, date: longDateLabel(briefing.date) });
  doc.end();

  return { bytes: await bytes, warnings: [...fonts.warnings(), ...unlinkedCitations(briefing)] };
}

/** The PDF writer, for the writers registry. */
export const pdfWriter: Writer = {
  format: 'pdf',
  extension: 'pdf',
  mediaType: 'application/pdf',
  write: renderPdf,
};

/** Everything the document streams, once it has ended. */
function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (cause: unknown) => reject(new Error('pdfkit failed while writing the PDF', { cause })));
  });
}

/** Citations of ids that have no entry in Sources: drawn as plain text, so say why they do not link. */
function unlinkedCitations(briefing: Briefing): Warning[] {
  const known = new Set(briefing.sources.map((s) => s.id));
  const cited = [briefing.summary, briefing.timeline, briefing.quotes, briefing.questions].flat().flatMap((item) => item.sources);
  const unknown = [...new Set(cited.filter((id) => !known.has(id)))];
  return unknown.map((id) => warning('render-note', 'render', `citation ${id} has no entry in Sources; it is shown without a link`));
}
