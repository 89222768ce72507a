/**
 * The few DOM members the HTML reader uses, typed here because the project compiles without the DOM lib
 * (linkedom's own types refer to DOM globals). linkedom's nodes satisfy these structurally.
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** True for element nodes, narrowing the type. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Upper-case tag name ("P", "FIGCAPTION"). */
export function tagOf(element: DomElement): string {
  return element.tagName.toUpperCase();
}

/** Elements matching a selector, as an array. */
export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/**
 * Parse HTML into a document. A bare fragment ("<p>…</p>.<p>…</p>") is wrapped in <html><body> first:
 * linkedom only builds a body for markup that has one.
 */
export function parseDocument(html: string): DomDocument {
  html = withoutInertMarkup(html);
  if (markupDepth(html, MAX_MARKUP_DEPTH) > MAX_MARKUP_DEPTH) html = flattenMarkup(html);
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(whole) as unknown as { document: DomDocument }).document;
}

/**
 * Scripts (but JSON-LD, which holds the page's metadata), styles, inline SVG and comments, taken out before
 * parsing: they are never read, and on a news page they are a third of the bytes that the parser and
 * Readability would otherwise walk. Each pattern stops at the first closing tag, so the scan is linear.
 */
const INERT_OPEN = /<(script|style|svg)\b|<!--/gi;

export function withoutInertMarkup(html: string): string {
  const lower = html.toLowerCase();
  const kept: string[] = [];
  let from = 0;
  INERT_OPEN.lastIndex = 0;
  for (let m = INERT_OPEN.exec(lower); m !== null; m = INERT_OPEN.exec(lower)) {
    const close = m[1] === undefined ? '-->' : `</${m[1]}`;
    const openEnd = lower.indexOf('>', m.index);
    if (m[1] === 'script' && lower.slice(m.index, openEnd).includes('ld+json')) continue;
    const end = lower.indexOf(close, m.index + m[0].length);
    // No closing tag: nothing later can be inert either; the parser takes the rest as written.
    if (end === -1 || openEnd === -1) break;
    const after = m[1] === undefined ? end + 3 : lower.indexOf('>', end) + 1 || lower.length;
    kept.push(html.slice(from, m.index));
    from = after;
    INERT_OPEN.lastIndex = after;
  }
  kept.push(html.slice(from));
  return kept.join('');
}

/**
 * How deep markup may nest before it is read flattened (see flattenMarkup). Real news pages nest about 50
 * deep. Deeper, every tool down the line suffers: the HTML parser keeps its open elements in an array it
 * shifts at the front (seconds at 100,000 levels), Readability grows faster than the square of the depth
 * (minutes at 5,000) and recurses, and so does anything that walks the tree.
 */
export const MAX_MARKUP_DEPTH = 256;

/** A start or end tag. No character class here can run past the next "<": each tag is scanned once. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/g;

// Elements that never hold content, and those whose end tag HTML lets a page leave out: neither deepens.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'optgroup',
]);

/**
 * The deepest nesting of elements in `html`, read from its tags alone (no parse), stopping once past
 * `limit`. Elements whose end tag may be left out are not counted, so the figure never exceeds the tree's.
 */
export function markupDepth(html: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (const [whole, slash, name] of html.matchAll(TAG)) {
    const tag = name!.toLowerCase();
    if (NOT_NESTING.has(tag) || whole.endsWith('/>')) continue;
    if (slash) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
  }
  return deepest;
}

/** Elements whose text is never the story: dropped with their content when markup is flattened. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** Head elements kept as they are when markup is flattened: the page's metadata. */
const HEAD_TAGS = new Set(['meta', 'link', 'base']);

/** Elements that keep their text apart from the text around them: each becomes a paragraph break. */
const BREAKING = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'pre', 'br', 'hr', 'header', 'footer', 'nav', 'aside',
]);

/**
 * Markup with its nesting taken out, its text kept: every element that breaks text becomes a `<p>` (HTML
 * closes an open paragraph at the next one, so nothing nests), other tags go, scripts and styles go with
 * their content; the title and meta tags move to a head of their own. Text and character references are
 * left as written for the parser. Linear in the length.
 */
export function flattenMarkup(html: string): string {
  const head: string[] = [];
  const body: string[] = [];
  let from = 0;
  let inside: 'title' | 'dropped' | undefined;
  let dropping = '';
  for (const match of html.matchAll(TAG)) {
    const [whole, slash, name] = match;
    const tag = name!.toLowerCase();
    const text = html.slice(from, match.index);
    from = match.index + whole.length;
    if (inside === 'title') head.push(text);
    else if (inside === undefined) body.push(text);
    if (inside !== undefined) {
      if (slash && tag === (inside === 'title' ? 'title' : dropping)) {
        if (inside === 'title') head.push('</title>');
        inside = undefined;
      }
      continue;
    }
    if (slash || whole.endsWith('/>')) {
      if (BREAKING.has(tag)) body.push('<p>');
    } else if (tag === 'title') {
      head.push('<title>');
      inside = 'title';
    } else if (DROPPED_WITH_CONTENT.has(tag)) {
      inside = 'dropped';
      dropping = tag;
    } else if (HEAD_TAGS.has(tag)) head.push(whole);
    else if (BREAKING.has(tag)) body.push('<p>');
  }
  if (inside === undefined) body.push(html.slice(from));
  if (inside === 'title') head.push('</title>');
  return `<!DOCTYPE html><html><head>${head.join('')}</head><body>${body.join('')}</body></html>`;
}
