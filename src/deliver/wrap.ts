/**
 * Plain-text tidying for the text part of an email: lines wrapped at word boundaries, continuation lines
 * indented under the text of a list item ("- ", "1. ", "[S1] "), no trailing spaces, no runs of blank lines.
 */
import { joinTidyLines } from '../render/markdown.js';

/** The signature separator ("-- ") keeps its trailing space: mail readers look for exactly that line. */
const SIGNATURE = '-- ';

const LIST_MARKER = /^(\s*(?:[-*•]|\d+[.)]|\[[^\]\s]{1,12}\])\s+)/u;

function wrapLine(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const marker = LIST_MARKER.exec(line)?.[1] ?? /^\s*/.exec(line)![0];
  const indent = ' '.repeat([...marker].length);
  const words = line.slice(marker.length).split(/ +/).filter((w) => w !== '');
  const out: string[] = [];
  let current = marker;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? `${current}${word}` : `${current} ${word}`;
    // A word longer than the width (a long URL) stays whole on its own line.
    if (!empty && [...candidate].length > width) {
      out.push(current);
      current = `${indent}${word}`;
    } else current = candidate;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Wrap and tidy text; the result ends with exactly one newline. */
export function wrapText(text: string, width: number): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line === SIGNATURE ? line : line.replace(/[ \t]+$/, '')))
    .flatMap((line) => wrapLine(line, width));
  return joinTidyLines(lines);
}
