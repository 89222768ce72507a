/**
 * The PDF writer: a Briefing drawn with pdfkit, the bundled Noto fonts (or a theme's) and the theme's
 * colours, as a tagged PDF/A-2b with bookmarks. Deterministic: dates in the metadata come from the
 * briefing date, and pdfkit derives the document ID from that metadata.
 */
import PDFDocument from 'pdfkit';
import { ErrorCode, fail } from '../../errors.js';
import type { Briefing } from '../../model/briefing.js';
import { warning, type Warning } from '../../model/warning.js';
import { fontsDir } from '../../paths.js';
import { sharedOrigins, supportWordings } from '../labels.js';
import { defaultTheme } from '../theme.js';
import type { RenderContext, Writer, WriterResult } from '../types.js';
import { destinationSource, frame } from './blocks.js';
import { drawChanges } from './changes.js';
import { dateAtMidnightUtc, dayLabel, longDateLabel } from './dates.js';
import { FontBook } from './fonts.js';
import { pageGeometry } from './layout.js';
import { drawRunningText } from './running.js';
import { drawQuestions, drawQuotes, drawSources, drawSummary } from './sections.js';
import { makeStyles, palette } from './styles.js';
import { Tagger, type LinkDescriber } from './tags.js';
import { Typesetter } from './text.js';
import { drawTimeline } from './timeline.js';
import { drawBottomLine, drawTitleBlock, sourcesLine } from './title.js';
import { useEscapedXmp, xmlSafeText } from './xmp.js';

/** Language of the brief's own words (headings, labels); sources may quote others. */
const LANG = 'en-GB';

/** Render a Briefing as a PDF; the same briefing and context always give the same bytes. */
export async function renderPdf(briefing: Briefing, context: RenderContext): Promise<WriterResult> {
  const theme = context.theme ?? defaultTheme;
  const banner = (context.banner ?? theme.banner)?.replace(/\s+/g, ' ').trim() || undefined;
  const geometry = pageGeometry(context.pageSize);
  const stamp = dateAtMidnightUtc(briefing.date) ?? fail(ErrorCode.RENDER, `briefing date "${briefing.date}" is not a YYYY-MM-DD date`);
  const outlets = [...new Set(briefing.sources.map((s) => s.outlet).filter((o): o is string => !!o))];
  const title = xmlSafeText(briefing.title);
  const generator = xmlSafeText(context.generator);
  const subject = `Briefing of ${longDateLabel(briefing.date)}, version ${context.version}. ${sourcesLine(briefing.sources)}.`;
  const keywords = outlets.length > 0 ? xmlSafeText(outlets.join(', ')) : undefined;
  const doc = new PDFDocument({
    size: [geometry.width, geometry.height],
    margins: geometry.margins,
    // Headers and footers need the page count, so pages stay buffered until the end.
    bufferPages: true,
    // PDF/A-2b: fonts embedded, sRGB output intent, XMP metadata (ours, escaped: see xmp.ts).
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: LANG,
    displayTitle: true,
    info: {
      Title: title,
      Author: generator,
      Creator: generator,
      Subject: subject,
      ...(keywords ? { Keywords: keywords } : {}),
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  useEscapedXmp(doc, {
    title,
    author: generator,
    creator: generator,
    producer: 'PDFKit',
    subject,
    ...(keywords ? { keywords } : {}),
    created: stamp,
    modified: stamp,
    lang: LANG,
  });
  const bytes = collect(doc);

  const fonts = new FontBook(doc, fontsDir, theme.fonts);
  const type = new Typesetter(doc, fonts);
  const colors = palette(theme.colors);
  const tags = new Tagger(doc, describeLink);
  const support = supportWordings(briefing);
  const f = frame(type, geometry, briefing.sources.map((s) => s.id), { colors, styles: makeStyles(colors) }, tags, support);
  drawTitleBlock(f, briefing, context.version, theme.logo);
  drawBottomLine(f, briefing.summary[0]);
  drawChanges(f, briefing.changes);
  drawSummary(f, briefing.summary.slice(1));
  drawTimeline(f, briefing.timeline, briefing.date);
  drawQuotes(f, briefing.quotes);
  drawQuestions(f, briefing.questions);
  drawSources(f, briefing.sources, sharedOrigins(briefing), briefing.sourcesLeftOut ?? []);
  drawRunningText(f, { title: briefing.title, date: dayLabel(briefing.date), version: context.version, ...(banner ? { banner } : {}) });
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

/** What a link is read out as: citations lead to a source's entry, URLs to the web. */
const describeLink: LinkDescriber = ({ url, destination }) => {
  const source = destination === undefined ? null : destinationSource(destination);
  if (source !== null) return `Source ${source} in the list of sources`;
  return url ?? destination ?? 'Link';
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
