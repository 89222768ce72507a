/**
 * A reader's block may hold several things on separate lines: a caption, its credit and a bulleted summary
 * with no blank line between them, or a hard-wrapped paragraph. Split a block into units where its lines are
 * really separate (bullets, boilerplate lines, short unpunctuated lines such as a headline) and re-join the
 * lines of wrapped prose with spaces.
 */
import type { Block, BlockRole } from '../model/source.js';
import { boilerplateRuleForLine } from './boilerplate.js';
import { normalizeInline } from './normalize.js';
import { endsLikeSentence } from './shape.js';

/** A block, or part of one, with its text on one line. */
export interface Unit {
  text: string;
  role: BlockRole;
  line?: number;
  /** 1-based position of the block it came from among the source's blocks. */
  block: number;
}

/** A bullet glyph at the start of a line, with the space after it. */
const BULLET = /^[•◦▪▫‣●○■□➢►▸·*–-]\s+/u;

/** A line shorter than this share of the block's longest line, without closing punctuation, ends a unit. */
const SHORT_LINE_SHARE = 0.6;

/** Split one block into units; whitespace-only lines separate units and are never units themselves. */
export function unitsOf(block: Block, blockNumber: number): Unit[] {
  const rawLines = block.text.split(/\r\n?|\n|[\u2028\u2029]/);
  const lines = rawLines.map((raw, offset) => ({ text: normalizeInline(raw), offset }));
  const unit = (text: string, role: BlockRole, offset: number): Unit => {
    const u: Unit = { text, role, block: blockNumber };
    if (block.line !== undefined) u.line = block.line + offset;
    return u;
  };
  const filled = lines.filter((l) => l.text.length > 0);
  if (filled.length <= 1) {
    // One line: no line-level boilerplate check needed (the block-level one follows), only the bullet.
    const only = filled[0];
    if (!only) return [];
    const bullet = BULLET.exec(only.text);
    return [unit(bullet ? only.text.slice(bullet[0].length) : only.text, bullet ? 'list-item' : block.role, only.offset)];
  }

  const longest = filled.reduce((max, l) => Math.max(max, l.text.length), 0);
  const units: Unit[] = [];
  let current: { parts: string[]; role: BlockRole; offset: number } | undefined;
  let previous = '';
  let previousIsBoilerplate = false;
  const flush = (): void => {
    if (current) units.push(unit(current.parts.join(' '), current.role, current.offset));
    current = undefined;
  };
  for (const { text, offset } of lines) {
    if (text.length === 0) {
      flush();
      previous = '';
      previousIsBoilerplate = false;
      continue;
    }
    const bullet = BULLET.exec(text);
    const body = bullet ? text.slice(bullet[0].length) : text;
    const isBoilerplate = boilerplateRuleForLine(body) !== undefined;
    const startsUnit =
      current === undefined ||
      bullet !== null ||
      isBoilerplate ||
      previousIsBoilerplate ||
      endsHeadlineLike(previous, body, longest);
    if (startsUnit) {
      flush();
      current = { parts: [body], role: bullet ? 'list-item' : block.role, offset };
    } else {
      current!.parts.push(body);
    }
    previous = body;
    previousIsBoilerplate = isBoilerplate;
  }
  flush();
  return units;
}

/** A short line without closing punctuation followed by a capitalised line: a headline or label, not a wrap. */
function endsHeadlineLike(line: string, next: string, longest: number): boolean {
  return (
    line.length > 0 &&
    line.length < longest * SHORT_LINE_SHARE &&
    !endsLikeSentence(line) &&
    !/[,;:–—-]$/.test(line) &&
    /^["'“‘(\p{Lu}\p{N}]/u.test(next)
  );
}
