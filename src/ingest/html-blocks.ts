/**
 * Walk an HTML element into blocks. Paragraph-like elements (p, h1–h6, li, blockquote, figcaption…) become
 * blocks; text of inline elements stays in its block; <br> becomes a line break inside the block. Only
 * elements that never hold the story are skipped (scripts, navigation, page header/footer, asides, forms);
 * deciding what else is boilerplate is the cleaner's job.
 */
import type { Block, BlockRole } from '../model/source.js';
import { collapseKeepingLines, hasWords, makeBlock } from './blocks.js';
import { isElement, tagOf, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

/** Elements whose content is never article text, or is site chrome by definition. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED',
  'HEAD', 'TITLE', 'META', 'LINK', 'NAV', 'FOOTER', 'HEADER', 'ASIDE', 'FORM',
]);

/** Block elements that give their text a role. */
const ROLE_OF: Record<string, BlockRole> = {
  P: 'paragraph', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', DT: 'paragraph', DD: 'paragraph', BLOCKQUOTE: 'blockquote', FIGCAPTION: 'caption',
  CAPTION: 'caption', PRE: 'paragraph', TD: 'paragraph', TH: 'paragraph', ADDRESS: 'paragraph', SUMMARY: 'paragraph',
};

/** Block elements that only group other content: their loose text is a paragraph of its own. */
const CONTAINERS = new Set([
  'HTML', 'BODY', 'MAIN', 'ARTICLE', 'SECTION', 'DIV', 'UL', 'OL', 'DL', 'FIGURE', 'TABLE', 'THEAD', 'TBODY',
  'TFOOT', 'TR', 'CENTER', 'HGROUP', 'DETAILS', 'FIELDSET', 'HR', 'MENU', 'PICTURE',
]);

/** Roles that paragraphs inside them inherit: a <p> inside a <blockquote> is quoted text. */
const INHERITED: ReadonlySet<BlockRole> = new Set(['blockquote', 'list-item', 'caption']);

/** A block and the share of its letters that sit inside links: menus and related-story lists are nearly all link. */
export interface LinkedBlock {
  block: Block;
  linkShare: number;
}

/** Blocks of an element's content, in document order. */
export function htmlBlocks(root: DomElement): Block[] {
  return linkedBlocks(root).map((b) => b.block);
}

/** Blocks of an element's content with the share of each that is link text. */
export function linkedBlocks(root: DomElement): LinkedBlock[] {
  const blocks: LinkedBlock[] = [];
  let run = '';
  let runRole: BlockRole = 'paragraph';
  let linked = 0;
  const flush = (): void => {
    const text = collapseKeepingLines(run);
    // A run with no letters or digits is a separator ("." between pasted fragments, "|", "•").
    if (hasWords(text)) blocks.push({ block: makeBlock(text, runRole), linkShare: Math.min(1, linked / letters(text)) });
    run = '';
    linked = 0;
  };
  // An explicit stack, not recursion: markup nested 100,000 deep must not overflow the call stack.
  // Each frame is an element's children still to walk; `close` flushes after a block element's content.
  const stack: Array<{ children: DomNode[]; next: number; role: BlockRole; close: boolean; link: boolean }> = [
    { children: Array.from(root.childNodes), next: 0, role: 'paragraph', close: false, link: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (child === undefined) {
      stack.pop();
      if (frame.close) flush();
      continue;
    }
    if (child.nodeType === TEXT_NODE) {
      if (run.trim() === '') runRole = frame.role;
      const text = (child.textContent ?? '').replace(/\s+/g, ' ');
      run += text;
      if (frame.link) linked += letters(text);
      continue;
    }
    if (!isElement(child) || isSkipped(child)) continue;
    const tag = tagOf(child);
    if (tag === 'BR') {
      run += '\n';
    } else if (Object.hasOwn(ROLE_OF, tag) || CONTAINERS.has(tag)) {
      flush();
      stack.push({ children: Array.from(child.childNodes), next: 0, role: roleInside(tag, frame.role), close: true, link: frame.link });
    } else {
      stack.push({ children: Array.from(child.childNodes), next: 0, role: frame.role, close: false, link: frame.link || tag === 'A' });
    }
  }
  flush();
  return blocks;
}

/** Letters and digits in a text: what link density is measured in (spaces and punctuation do not count). */
function letters(text: string): number {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').length || 1;
}

/** The role text inside a block element takes: its own, unless an enclosing quote/list/caption decides. */
function roleInside(tag: string, outer: BlockRole): BlockRole {
  const own = ROLE_OF[tag];
  if (own === 'heading' || own === 'list-item' || own === 'caption' || own === 'blockquote') return own;
  return INHERITED.has(outer) ? outer : (own ?? outer);
}

/**
 * Skipped elements, except a <header> inside an article: that one holds the headline and byline, not the
 * site's masthead.
 */
function isSkipped(element: DomElement): boolean {
  const tag = tagOf(element);
  if (!SKIPPED.has(tag)) return false;
  return !(tag === 'HEADER' && element.closest('article') !== null);
}
