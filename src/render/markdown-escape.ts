/**
 * Escaping source text for inline Markdown (CommonMark + GitHub extensions). Only characters that would
 * change the rendering get a backslash, so ordinary prose stays readable in the .md file itself.
 */

/** Where the escaped text goes. */
export interface EscapeOptions {
  /** The text goes into a table cell: "|" would end the cell. */
  table?: boolean;
}

// Line breaks would end a list item or table row; other whitespace (no-break spaces) is kept.
const LINE_WHITESPACE = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
const WORD = /[\p{L}\p{N}]/u;

const isSpace = (c: string | undefined) => c === undefined || c === ' ';
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/** Escape one character given its neighbours; returns it unchanged when it is safe where it stands. */
function escapeChar(text: string, i: number, pairs: { tilde: boolean; dollar: boolean }, table: boolean): string {
  const c = text[i] as string;
  const prev = text[i - 1];
  const next = text[i + 1];
  switch (c) {
    case '\\':
    case '`':
    case '[':
    case ']':
      return `\\${c}`;
    // "*" flanked by spaces ("2 * 3") and "_" inside a word ("snake_case") cannot start emphasis.
    case '*':
      return prev !== undefined && isSpace(prev) && isSpace(next) ? c : `\\${c}`;
    case '_':
      return (isWord(prev) && isWord(next)) || (prev !== undefined && isSpace(prev) && isSpace(next)) ? c : `\\${c}`;
    case '<':
      return next !== undefined && /[A-Za-z/!?]/.test(next) ? '\\<' : c;
    case '&':
      return ENTITY.test(text.slice(i)) ? '\\&' : c;
    case '|':
      return table ? '\\|' : c;
    // Strikethrough (GitHub) and inline maths (GitHub) need a pair; a lone "~40" or "$5" is plain text.
    case '~':
      return pairs.tilde ? '\\~' : c;
    case '$':
      return pairs.dollar ? '\\$' : c;
    default:
      return c;
  }
}

/** Escape what would start a block if the text began a line (heading, quote, list, break, fence). */
function escapeLineStart(escaped: string): string {
  if (/^#/.test(escaped)) return `\\${escaped}`;
  if (/^>/.test(escaped)) return `\\${escaped}`;
  if (/^[-+=](?=\s|$|[-+=])/.test(escaped)) return `\\${escaped}`;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(escaped);
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1]!.length)}`;
  return escaped;
}

/**
 * Escape text for use inline in Markdown: collapses line breaks to spaces, trims, and backslash-escapes
 * only what would be read as Markdown (emphasis, code, links, HTML, entities, block starts, "|" in tables).
 */
export function escapeInline(text: string, options: EscapeOptions = {}): string {
  const flat = text.replace(LINE_WHITESPACE, ' ').trim();
  const pairs = { tilde: (flat.match(/~/g)?.length ?? 0) > 1, dollar: (flat.match(/\$/g)?.length ?? 0) > 1 };
  let out = '';
  for (let i = 0; i < flat.length; i++) out += escapeChar(flat, i, pairs, options.table === true);
  // A closing run of "#" would be dropped from a heading ("# Vote #" renders "Vote").
  out = out.replace(/ (#+)$/, ' \\$1');
  return escapeLineStart(out);
}
