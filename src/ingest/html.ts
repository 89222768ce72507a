/**
 * HTML reader: whole pages and bare fragments. Metadata comes from the page head (html-meta.ts); the body
 * from @mozilla/readability on linkedom, which drops menus, comments and related-story rails; the body is
 * walked whole only when Readability finds no article.
 */
import { Readability } from '@mozilla/readability';
import type { Block } from '../model/source.js';
import { warning } from '../model/warning.js';
import { all, MAX_MARKUP_DEPTH, markupDepth, parseDocument, type DomDocument, type DomElement } from './dom.js';
import { htmlBlocks, linkedBlocks } from './html-blocks.js';
import { dropLinkLists } from './link-lists.js';
import { htmlMetadata } from './html-meta.js';
import { fillMeta, findBylines, findSyndication, findTextMetadata, type ArticleDraft } from './metadata.js';
import type { LeftBlock, Reader } from './types.js';

/** Read an HTML page or fragment into one article. */
export const readHtml: Reader = ({ path, text, referenceDate }) => {
  const deep = markupDepth(text, MAX_MARKUP_DEPTH) > MAX_MARKUP_DEPTH;
  const doc = parseDocument(text);
  const draft: ArticleDraft = { ...htmlMetadata(doc, referenceDate), blocks: [] };
  const { blocks, byline, bodyBlocks, left } = articleBlocks(doc, MAY_HAVE_CARDS.test(text));
  draft.blocks = blocks;
  findTextMetadata(draft, referenceDate);
  // Readability removes byline and date lines from its extract; the whole body still has them.
  findBylines({ meta: draft.meta, metaOrigin: draft.metaOrigin, blocks: bodyBlocks }, referenceDate);
  findSyndication({ meta: draft.meta, metaOrigin: draft.metaOrigin, blocks: bodyBlocks });
  fillMeta(draft, 'author', byline, 'readability');
  const warnings = deep
    ? [warning('input-simplified', 'ingest', `markup nested more than ${MAX_MARKUP_DEPTH} elements deep: read flattened, its text without its structure`, { source: path })]
    : [];
  if (draft.blocks.length === 0) return { articles: [], warnings };
  return { articles: [{ format: 'html', ...draft, left }], warnings };
};

/** Blocks of an HTML string that is not a page of its own (a JSON field holding markup). */
export function htmlFragmentBlocks(html: string): Block[] {
  const body = parseDocument(html).body;
  return body ? htmlBlocks(body) : [];
}

/**
 * The story's blocks: Readability's extraction, with the whole body beside it for metadata. Both come from
 * one parse: the body is walked before Readability, which rewrites the document it is given. Only when
 * Readability finds no article at all does the reader fall back on the body.
 */
function articleBlocks(
  doc: DomDocument,
  mayHaveCards: boolean,
): { blocks: Block[]; byline?: string; bodyBlocks: Block[]; left: LeftBlock[] } {
  const cards = mayHaveCards ? removeFloatingCards(doc) : [];
  const bodyBlocks = doc.body ? htmlBlocks(doc.body) : [];
  const extracted = readability(doc);
  if (!extracted || extracted.blocks.length === 0) return { blocks: bodyBlocks, bodyBlocks, left: cards };
  const inExtract = new Set(extracted.all.map((b) => b.text));
  const outside = bodyBlocks.filter((b) => !inExtract.has(b.text)).map((b): LeftBlock => ({ rule: 'outside-article', text: b.text }));
  const result: ReturnType<typeof articleBlocks> = { blocks: extracted.blocks, bodyBlocks, left: [...cards, ...outside, ...extracted.left] };
  if (extracted.byline !== undefined) result.byline = extracted.byline;
  return result;
}

/**
 * Class names of cards that float over the text on hover (a person's profile behind a linked name): the
 * stylesheet hides them, so their text is no part of the sentence they sit in. Removed before Readability,
 * which strips class names.
 */
const FLOATING_CARD = /^(?:[a-z\d]+[_-])*(?:tooltip|hover-?card|popover|rollover)(?:[_-][a-z\d]+)*$/i;
/** …but not the element that shows the card ("tooltip-trigger", "has-popover"): that one holds the visible text. */
const CARD_HOLDER = /(?:^|[_-])(?:wrap|wrapper|trigger|toggle|anchor|target|link|container|has|with|btn|button|icon)(?:[_-]|$)/i;

/** A scan of the markup first: the tree query costs about 0.7 ms a page, and most pages have no such class. */
const MAY_HAVE_CARDS = /class\s*=\s*["']?[^"'>]*(?:tooltip|hover-?card|popover|rollover)/i;

/** Take the cards out of the document; what they said is returned, for `brief extract` to show. */
function removeFloatingCards(doc: DomDocument): LeftBlock[] {
  const left: LeftBlock[] = [];
  for (const element of all(doc, '[class*="tooltip" i], [class*="hover" i], [class*="popover" i], [class*="rollover" i]')) {
    const names = (element.getAttribute('class') ?? '').split(/\s+/);
    // A card inside a card already taken out is detached: no <html> above it.
    if (element.closest('html') === null || !names.some((name) => FLOATING_CARD.test(name) && !CARD_HOLDER.test(name))) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') left.push({ rule: 'floating-card', text });
    element.remove();
  }
  return left;
}

/** Readability's article: its blocks less lists of links, every block it had (`all`), and its byline. */
function readability(doc: DomDocument): { blocks: Block[]; all: Block[]; left: LeftBlock[]; byline?: string } | undefined {
  let parsed: ReturnType<Readability<DomElement>['parse']>;
  try {
    // The serializer hands back the content element itself, so it is walked rather than re-parsed.
    parsed = new Readability<DomElement>(doc as never, { serializer: (node) => node as unknown as DomElement }).parse();
  } catch {
    // Readability throws on some malformed documents; the body walk still works on them.
    return undefined;
  }
  if (!parsed?.content) return undefined;
  const linked = linkedBlocks(parsed.content);
  const { kept, left } = dropLinkLists(linked);
  const result: { blocks: Block[]; all: Block[]; left: LeftBlock[]; byline?: string } = { blocks: kept, all: linked.map((b) => b.block), left };
  if (parsed.byline) result.byline = parsed.byline;
  return result;
}
