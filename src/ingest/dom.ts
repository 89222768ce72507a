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
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(whole) as unknown as { document: DomDocument }).document;
}
