/**
 * Lists of links inside an article's extract: related-story rails, "most read" boxes, tag clouds. Readability
 * keeps a rail when it sits inside the article's container. A block that is nearly all link text, short and
 * not a sentence is a link title; three or more in a row are a list of links, not the story. (Measured on
 * saved news pages: such runs held no article text, while single linked lines often do.)
 */
import { endsLikeSentence } from '../clean/shape.js';
import type { Block } from '../model/source.js';
import type { LinkedBlock } from './html-blocks.js';
import type { LeftBlock } from './types.js';

/** Share of a block's letters inside links from which it reads as a link title. */
const LINK_TITLE_SHARE = 0.8;
/** Link titles are short; a linked paragraph longer than this is prose that happens to be a link. */
const LINK_TITLE_WORDS = 25;
/** Consecutive link titles that make a list of links. */
const MIN_LIST_RUN = 3;

/**
 * The blocks without their runs of link titles, and those runs as left blocks. Blocks that are nothing but
 * link titles are kept whole: dropping them all would leave no article to read.
 */
export function dropLinkLists(blocks: readonly LinkedBlock[]): { kept: Block[]; left: LeftBlock[] } {
  const kept: Block[] = [];
  const left: LeftBlock[] = [];
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (end < blocks.length && isLinkTitle(blocks[end]!)) end++;
    if (end - i >= MIN_LIST_RUN) {
      for (const b of blocks.slice(i, end)) left.push({ rule: 'link-list', text: b.block.text });
      i = end;
    } else {
      const upTo = Math.max(end, i + 1);
      for (const b of blocks.slice(i, upTo)) kept.push(b.block);
      i = upTo;
    }
  }
  return kept.length > 0 ? { kept, left } : { kept: blocks.map((b) => b.block), left: [] };
}

function isLinkTitle({ block, linkShare }: LinkedBlock): boolean {
  if (linkShare < LINK_TITLE_SHARE) return false;
  const text = block.text.trim();
  return text.split(/\s+/).length <= LINK_TITLE_WORDS && !endsLikeSentence(text);
}
