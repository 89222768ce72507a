/**
 * The XML around a feed: the prolog before its root element, the DTD (blanked out before parsing, so no
 * entity it declares can ever be expanded or fetched, whatever the parser does), and a plain account of
 * where a document that the parser refused stops being well-formed.
 */

/** Root elements of the feeds read here; Atom only in its namespace (1.0, or 0.3 which the parser also reads). */
export type XmlFeedKind = 'rss' | 'rdf' | 'atom';

export interface Prolog {
  /** Offset of the root element's "<", or -1 when the prolog does not end in the text given. */
  rootAt: number;
  /** The DOCTYPE declaration's span, when there is one. */
  doctype?: { start: number; end: number };
}

const ATOM_NAMESPACES = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'];
const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/**
 * Skip what may come before the root element: whitespace, the XML declaration, comments, processing
 * instructions and one DOCTYPE (internal subset included). Linear in the prolog's length.
 */
export function readProlog(text: string): Prolog {
  let i = 0;
  let doctype: Prolog['doctype'];
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) i = after(text, '?>', i + 2);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
    else if (/^<!DOCTYPE\b/i.test(text.slice(i, i + 10))) {
      const end = doctypeEnd(text, i + 9);
      if (end === -1) return { rootAt: -1 };
      doctype = { start: i, end };
      i = end;
    } else return text[i] === '<' ? (doctype ? { rootAt: i, doctype } : { rootAt: i }) : { rootAt: -1 };
    if (i === -1) return { rootAt: -1 };
  }
}

/** Which feed the root start tag at `at` opens, if any: rss, rdf:RDF with the RDF namespace, or an Atom feed. */
export function feedKindAt(text: string, at: number): XmlFeedKind | undefined {
  const tag = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^<>]*)>/.exec(text.slice(at, at + 4096));
  if (!tag) return undefined;
  const [, prefix, local, attributes = ''] = tag;
  if (local === 'rss' && prefix === undefined) return 'rss';
  if (local === 'RDF' && attributes.includes(RDF_NAMESPACE)) return 'rdf';
  if (local === 'feed') {
    const xmlns = prefix === undefined ? 'xmlns' : `xmlns:${prefix.slice(0, -1)}`;
    const declared = new RegExp(`\\s${xmlns.replace(/[.]/g, '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
    if (declared !== undefined && ATOM_NAMESPACES.includes(declared.replace(/\/$/, ''))) return 'atom';
  }
  return undefined;
}

/** The local name of the root element at `at` ("html", "rss"), for error messages. */
export function rootName(text: string, at: number): string | undefined {
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1];
}

/** Replace a span with spaces, keeping its line breaks so that line numbers after it stay true. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** Names of the general entities a DOCTYPE declares (parameter entities, "<!ENTITY % …", are left out). */
export function declaredEntities(doctype: string): string[] {
  return [...doctype.matchAll(/<!ENTITY\s+(?!%)([^\s"'>]+)/g)].map((m) => m[1] ?? '').filter((n) => n !== '');
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Where and why a document is not well-formed XML, judged by its tags alone (the parser only says that it
 * failed). Undefined when its tags balance: then the parser refused it for another reason.
 */
export function wellFormednessError(text: string): string | undefined {
  const open: { name: string; at: number }[] = [];
  const TAG = /<([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;
  const CLOSE = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i)) {
    if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = after(text, ']]>', i + 9);
    else if (text.startsWith('<?', i)) i = after(text, '?>', i + 2);
    else if (/^<!DOCTYPE\b/i.test(text.slice(i, i + 10))) i = doctypeEnd(text, i + 9);
    else if (text[i + 1] === '/') {
      CLOSE.lastIndex = i;
      const m = CLOSE.exec(text);
      if (!m) return `not well-formed XML at line ${lineAt(text, i)}: a closing tag is cut short or malformed`;
      const top = open.pop();
      if (top === undefined) return `not well-formed XML at line ${lineAt(text, i)}: </${m[1]}> closes nothing`;
      if (top.name !== m[1]) {
        return `not well-formed XML at line ${lineAt(text, i)}: </${m[1]}> where </${top.name}> (opened at line ${lineAt(text, top.at)}) was expected`;
      }
      i = CLOSE.lastIndex;
    } else {
      TAG.lastIndex = i;
      const m = TAG.exec(text);
      if (!m) return `not well-formed XML at line ${lineAt(text, i)}: "<" starts no well-formed tag`;
      if (m[2] !== '/') open.push({ name: m[1] ?? '', at: i });
      i = TAG.lastIndex;
    }
    if (i === -1) return 'not well-formed XML: a comment, CDATA section or declaration is never closed';
  }
  const unclosed = open.at(-1);
  if (unclosed) return `not well-formed XML: the document ends at line ${lineAt(text, text.length)} with <${unclosed.name}> (opened at line ${lineAt(text, unclosed.at)}) still open`;
  return undefined;
}

/** Offset just after the next `end` from `from`, or -1. */
function after(text: string, end: string, from: number): number {
  const i = text.indexOf(end, from);
  return i === -1 ? -1 : i + end.length;
}

/**
 * Offset just after a DOCTYPE's closing ">", from just after "<!DOCTYPE". Quoted literals, comments and the
 * bracketed internal subset may hold ">"; none of them ends the declaration.
 */
function doctypeEnd(text: string, from: number): number {
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      if (i === -1) return -1;
    } else if (inSubset && text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4);
      if (i === -1) return -1;
      i += 2;
    } else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return -1;
}
