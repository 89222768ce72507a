/**
 * Small helpers every reader uses to make blocks: one way to collapse whitespace, one way to build a block.
 * Readers keep text as written otherwise; Unicode clean-up is the cleaner's job.
 */
import type { Block, BlockRole } from '../model/source.js';

/** Horizontal whitespace, including no-break and other typographic spaces. */
const SPACES = /[\t\f\v \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Collapse runs of spaces (of any kind) and line breaks into one space; trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').replace(SPACES, ' ').trim();
}

/** Collapse spaces within each line but keep line breaks (trimmed lines, no blank lines). */
export function collapseKeepingLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** True when the text holds at least one letter or digit: a lone "." between fragments holds none. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Build a block; `line` only when known, so blocks compare equal in tests whatever the reader. */
export function makeBlock(text: string, role: BlockRole, line?: number): Block {
  const block: Block = { text, role };
  if (line !== undefined) block.line = line;
  return block;
}

/** Word count of a piece of text (runs with a letter or digit). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(hasWords).length;
}
