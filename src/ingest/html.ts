/**
 * HTML reader: whole pages and bare fragments. Metadata comes from the page head (html-meta.ts); the body
 * from @mozilla/readability on linkedom, which drops menus, comments and related-story rails. On short pages
 * Readability can drop part of the story, so when it keeps little of the body text the reader walks the body
 * itself.
 */
import { Readability } from '@mozilla/readability';
import type { Block } from '../model/source.js';
import { warning } from '../model/warning.js';
import { MAX_MARKUP_DEPTH, markupDepth, parseDocument, type DomDocument, type DomElement } from './dom.js';
import { htmlBlocks } from './html-blocks.js';
import { htmlMetadata } from './html-meta.js';
import { fillMeta, findBylines, findSyndication, findTextMetadata, type ArticleDraft } from './metadata.js';
import type { Reader } from './types.js';

/** Readability's text must be at least this share of the body's for its choice of blocks to be trusted. */
const MIN_READABILITY_SHARE = 0.5;

/** Read an HTML page or fragment into one article. */
export const readHtml: Reader = ({ path, text, referenceDate }) => {
  const deep = markupDepth(text, MAX_MARKUP_DEPTH) > MAX_MARKUP_DEPTH;
  const doc = parseDocument(text);
  const draft: ArticleDraft = { ...htmlMetadata(doc, referenceDate), blocks: [] };
  const { blocks, byline, bodyBlocks } = articleBlocks(text, doc);
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
  return { articles: [{ format: 'html', ...draft }], warnings };
};

/** Blocks of an HTML string that is not a page of its own (a JSON field holding markup). */
export function htmlFragmentBlocks(html: string): Block[] {
  const body = parseDocument(html).body;
  return body ? htmlBlocks(body) : [];
}

/**
 * The story's blocks: Readability's extraction when it kept enough of the body, else the whole body (also
 * returned, for metadata). Readability mutates the document it is given, so it works on a second parse.
 */
function articleBlocks(html: string, doc: DomDocument): { blocks: Block[]; byline?: string; bodyBlocks: Block[] } {
  const bodyBlocks = doc.body ? htmlBlocks(doc.body) : [];
  const extracted = readability(html);
  const chars = (blocks: Block[]): number => blocks.reduce((n, b) => n + b.text.length, 0);
  if (!extracted || chars(extracted.blocks) < chars(bodyBlocks) * MIN_READABILITY_SHARE) {
    return { blocks: bodyBlocks, bodyBlocks };
  }
  return { ...extracted, bodyBlocks };
}

function readability(html: string): { blocks: Block[]; byline?: string } | undefined {
  const doc = parseDocument(html);
  let parsed: ReturnType<Readability<DomElement>['parse']>;
  try {
    // The serializer hands back the content element itself, so it is walked rather than re-parsed.
    parsed = new Readability<DomElement>(doc as never, { serializer: (node) => node as unknown as DomElement }).parse();
  } catch {
    // Readability throws on some malformed documents; the body walk still works on them.
    return undefined;
  }
  if (!parsed?.content) return undefined;
  const result: { blocks: Block[]; byline?: string } = { blocks: htmlBlocks(parsed.content) };
  if (parsed.byline) result.byline = parsed.byline;
  return result;
}
