/**
 * Plain-text reader. A header of "Title: …"/"Source: …" lines, when a file opens with one, is metadata; so is
 * the outlet / headline / byline header a saved news page opens with (text-header.ts).
 * Paragraphs are separated by blank lines. Inside one, hard-wrapped lines are joined with
 * a space; lines that are separate things (bullets, a caption above its credit, a byline above a date) become
 * blocks of their own. Every block records the 1-based line it starts on.
 */
import type { Block, SourceMeta } from '../model/source.js';
import { collapseWhitespace, hasWords, makeBlock } from './blocks.js';
import { normalizeDate } from './dates.js';
import { fillMeta, findTextMetadata, type ArticleDraft } from './metadata.js';
import { findTextHeader } from './text-header.js';
import type { Reader } from './types.js';

/** A bullet glyph (or "-", "*", "1.") opening a list item, with the space after it. */
const BULLET = /^(?:[•◦▪▫‣●○■□➢►▸·*–-]|\d{1,2}[.)])\s+/u;

/** Hard wrapping happens at a fixed width of at least this many characters. */
const MIN_WRAP_WIDTH = 40;

/** A wrapped line falls short of the wrap width by at most about one long word. */
const WRAP_SLACK = 16;

interface Line {
  text: string;
  /** 1-based line number in the file. */
  number: number;
}

/** Field names a scraped text file may open with ("Title: …", "Source: …"), and the metadata field each fills. */
const HEADER_FIELDS: Record<string, keyof SourceMeta> = {
  title: 'title', headline: 'title', source: 'outlet', outlet: 'outlet', publisher: 'outlet', publication: 'outlet',
  url: 'url', link: 'url', date: 'published', published: 'published', author: 'author', byline: 'author', language: 'lang',
};

const HEADER_LINE = /^\s*([A-Za-z]+)\s*:\s*(\S.*?)\s*$/;

/**
 * Read plain text into blocks: the field header's values first, then the news header's (outlet, headline,
 * byline), then what the finders see in the blocks (headline, byline, dateline, syndication note).
 */
export const readText: Reader = ({ text, referenceDate }) => {
  const draft: ArticleDraft = { meta: {}, metaOrigin: {}, blocks: [] };
  const lines = text.split('\n');
  const declared = fieldHeader(text);
  for (const [field, value] of declared.fields) {
    fillMeta(draft, field, field === 'published' ? normalizeDate(value, referenceDate) : value, 'header-fields');
  }
  const header = findTextHeader(lines.slice(declared.lines), declared.lines + 1, referenceDate);
  for (const { field, value, origin } of header.fields) fillMeta(draft, field, value, origin);
  const body = declared.lines + header.lines;
  draft.blocks = [...header.blocks, ...textBlocks(lines.slice(body).join('\n'), body + 1)];
  findTextMetadata(draft, referenceDate);
  if (draft.blocks.length === 0) return { articles: [], warnings: [] };
  return { articles: [{ format: 'text', ...draft }], warnings: [] };
};

/**
 * "Title: …", "Source: …", "Date: …" lines opening a file, as scrapers write them: at least two, all with
 * known field names. They are metadata, not story, so the body starts after them.
 */
function fieldHeader(text: string): { fields: [keyof SourceMeta, string][]; lines: number } {
  const fields: [keyof SourceMeta, string][] = [];
  const lines = text.split('\n');
  let count = 0;
  for (const line of lines) {
    const match = HEADER_LINE.exec(line);
    const field = match ? HEADER_FIELDS[match[1]?.toLowerCase() ?? ''] : undefined;
    if (!match || field === undefined) break;
    fields.push([field, match[2] ?? '']);
    count++;
  }
  return fields.length >= 2 ? { fields, lines: count } : { fields: [], lines: 0 };
}

/** Split text into blocks: paragraphs by blank lines, then each paragraph into its separate lines or wrapped prose. */
export function textBlocks(text: string, firstLine = 1): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  const flush = (): void => {
    blocks.push(...paragraphBlocks(paragraph));
    paragraph = [];
  };
  text.split('\n').forEach((raw, i) => {
    if (raw.trim().length === 0 || !hasWords(raw)) {
      // Whitespace-only lines (including no-break spaces) separate paragraphs; so does a line of "* * *".
      flush();
      return;
    }
    paragraph.push({ text: raw, number: firstLine + i });
  });
  flush();
  return blocks;
}

/** One paragraph's lines → blocks: bullets apart, wrapped lines together, other lines each on their own. */
function paragraphBlocks(lines: Line[]): Block[] {
  const prose = lines.filter((l) => !BULLET.test(l.text.trim()));
  const width = Math.max(0, ...prose.map((l) => collapseWhitespace(l.text).length));
  const blocks: Block[] = [];
  let current: { parts: string[]; role: Block['role']; line: number } | undefined;
  let previous: Line | undefined;
  const flush = (): void => {
    if (current) blocks.push(makeBlock(current.parts.join(' '), current.role, current.line));
    current = undefined;
  };
  for (const line of lines) {
    const trimmed = collapseWhitespace(line.text);
    const bullet = BULLET.exec(trimmed);
    if (bullet) {
      flush();
      current = { parts: [trimmed.slice(bullet[0].length)], role: 'list-item', line: line.number };
    } else if (current && previous && continues(previous, line, current.role, width)) {
      current.parts.push(trimmed);
    } else {
      flush();
      current = { parts: [trimmed], role: 'paragraph', line: line.number };
    }
    previous = line;
  }
  flush();
  return blocks;
}

/**
 * Does `line` continue the block `previous` belongs to? Yes when `previous` reached the wrap width (so
 * the break is the editor's, not the writer's), or when `line` is an indented continuation of a list item.
 */
function continues(previous: Line, line: Line, role: Block['role'], width: number): boolean {
  if (role === 'list-item') return /^\s{2,}/.test(line.text) || isWrapped(previous, width);
  return isWrapped(previous, width);
}

function isWrapped(previous: Line, width: number): boolean {
  const length = collapseWhitespace(previous.text).length;
  return width >= MIN_WRAP_WIDTH && length >= width - WRAP_SLACK;
}
