/**
 * The XMP metadata stream PDF/A requires. pdfkit 0.20 writes its own without escaping (a title with "&"
 * or "<" gives broken XML) and without xmp:ModifyDate (which PDF/A wants equal to the Info ModDate), so
 * ours replaces it: the same properties as the Info dictionary, every value XML-escaped.
 */

/** The Info dictionary values the XMP mirrors. */
export interface XmpInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  creator: string;
  producer: string;
  created: Date;
  modified: Date;
  /** BCP 47 language of the document. */
  lang: string;
}

/**
 * `text` without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF). The Info
 * dictionary gets the same text, so that it and the XMP still say the same thing.
 */
export function xmlSafeText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** `text` safe inside an XML element or attribute; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return xmlSafeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** "2023-03-09T00:00:00Z": the form pdfkit uses, which matches the Info dates' D:20230309000000Z. */
function xmpDate(d: Date): string {
  return `${d.toISOString().split('.')[0]}Z`;
}

/** The rdf:Description elements for `info` (pdfkit wraps them in the xpacket and x:xmpmeta). */
export function xmpDescriptions(info: XmpInfo): string {
  const e = escapeXml;
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${e(value)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `  <xmp:CreateDate>${xmpDate(info.created)}</xmp:CreateDate>`,
    `  <xmp:ModifyDate>${xmpDate(info.modified)}</xmp:ModifyDate>`,
    `  <xmp:MetadataDate>${xmpDate(info.modified)}</xmp:MetadataDate>`,
    `  <xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <dc:format>application/pdf</dc:format>',
    `  <dc:title>${alt(info.title)}</dc:title>`,
    `  <dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `  <dc:description>${alt(info.subject)}</dc:description>`,
    `  <dc:language><rdf:Bag><rdf:li>${e(info.lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `  <pdf:Producer>${e(info.producer)}</pdf:Producer>`,
    ...(info.keywords ? [`  <pdf:Keywords>${e(info.keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
    '',
  ].join('\n');
}

/**
 * Make `doc` write our XMP instead of pdfkit's. pdfkit calls `_addInfo` once, while ending the document,
 * after the PDF/A subset has added its pdfaid description; only that method is replaced.
 */
export function useEscapedXmp(doc: PDFKit.PDFDocument, info: XmpInfo): void {
  const target = doc as unknown as { _addInfo?: () => void; appendXML(xml: string, newline?: boolean): void };
  if (typeof target._addInfo !== 'function') throw new Error('pdfkit no longer has _addInfo: check how it writes XMP before upgrading');
  target._addInfo = () => target.appendXML(xmpDescriptions(info));
}
