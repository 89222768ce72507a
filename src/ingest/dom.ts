/**
 * The few DOM members the HTML reader uses, typed here because the project compiles without the DOM lib
 * (linkedom's own types refer to DOM globals). linkedom's nodes satisfy these structurally.
 */
import { parseHTML } from 'linkedom';
import { BriefwrightError, ErrorCode } from '../errors.js';

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
  const depth = markupDepth(html, MAX_MARKUP_DEPTH);
  if (depth > MAX_MARKUP_DEPTH) {
    throw new BriefwrightError(ErrorCode.INPUT, `markup nested more than ${MAX_MARKUP_DEPTH.toLocaleString('en')} elements deep: not a page that can be read`);
  }
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(whole) as unknown as { document: DomDocument }).document;
}

/** Whether elements nest deeper than `limit` below `root`; walks without recursion and stops at the first too deep. */
export function nestsDeeperThan(root: DomNode, limit: number): boolean {
  const stack: Array<{ node: DomNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(node.childNodes)) if (isElement(child)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

/**
 * How deep markup may nest before it is refused unparsed. The HTML parser keeps its open elements in an
 * array it shifts at the front, so parsing costs depth × tags: seconds at 100,000 levels. Real pages nest
 * about 50 deep; this bound leaves a hundredfold margin and parses in well under a second.
 */
export const MAX_MARKUP_DEPTH = 5000;

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
  // No character class here can run past the next "<": each tag is scanned once, whatever the input.
  for (const [whole, slash, name] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/g)) {
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
