/**
 * The header a news site puts above a story saved as plain text: the outlet's name (its masthead), the
 * headline, then byline and date lines, with or without blank lines between them:
 *
 *     Coast Gazette
 *     Harbour bridge closes for repairs after cracks found
 *     By Mara Lind, Transport Reporter
 *     Published 3 March 2031, 08:14 GMT
 *
 * Read from the shape of the lines, never from a list of outlets: a headline-shaped line (`looksLikeHeadline`)
 * at the top, directly followed by at least one byline or date line, maybe under a short name-shaped line.
 * Without a byline or date line under it nothing is a header, so a story whose first line is its first
 * sentence, or a one-line lede under a headline, is read as before.
 *
 * What happens to the lines follows `metadata.ts`: the headline stays as a block of role 'heading'; byline and
 * "Published …" lines the finders know by their own shape stay too (the cleaner drops them and says so). Only
 * the lines nothing downstream could tell from story text — the masthead, a "Mara Lind | 3 March 2031" byline
 * without "By" — are left out of the blocks once their metadata is taken.
 */
import type { Block, SourceMeta } from '../model/source.js';
import { collapseWhitespace, hasWords, makeBlock, wordCount } from './blocks.js';
import { normalizeDate } from './dates.js';
import { findBylines, looksLikeHeadline, type ArticleDraft } from './metadata.js';

/** A masthead is a name, not a sentence: a few words, short. */
const MASTHEAD_MAX_WORDS = 5;
const MASTHEAD_MAX_CHARS = 60;

/** At most this many byline and date lines sit under a headline ("By …", "Published …", "Updated …"). */
const MAX_BYLINE_LINES = 4;

/** Lower-case words an outlet's name may hold between capitalised ones: "The Chronicle of Lentham", "Gazette & Herald". */
const NAME_SMALL_WORDS = new Set(['of', 'the', 'and', '&', 'on', 'for', 'in', 'at', 'de', 'del', 'la', 'le', 'du', 'di', 'y']);

/** A site's address used as its name: "coastgazette.example", "www.gazette.co.uk", "https://gazette.example/". */
const SITE_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/?$/iu;

/** What separates a byline's parts: "Mara Lind | 3 March 2031", "Mara Lind · Transport · 3 March 2031". */
const PART_SEPARATOR = /\s*[|•·]\s*/;

/** One metadata value the header names, and where it was found (the origin `metaOrigin` records). */
export interface HeaderField {
  field: keyof SourceMeta;
  value: string;
  origin: string;
}

/** What the header at the top of a text file gave. */
export interface TextHeader {
  /** Values read by this module itself: outlet ('masthead'), title ('headline'), author and date of a byline without "By" ('byline'). */
  fields: HeaderField[];
  /**
   * Blocks the header keeps, in order: the headline (role 'heading') and the byline and date lines that
   * `findBylines` reads later (role 'paragraph'), each with its line.
   */
  blocks: Block[];
  /** Lines the header spans, blank ones included; the body starts on the line after them. */
  lines: number;
}

const NO_HEADER: TextHeader = { fields: [], blocks: [], lines: 0 };

interface TopLine {
  /** Collapsed text of the line. */
  text: string;
  /** 0-based index in the lines given. */
  index: number;
}

/** A byline or date line: kept as a block when `findBylines` reads it, else the fields it gives. */
type BylineLine = { keep: true } | { keep: false; fields: HeaderField[] };

/**
 * Find the header opening `lines` (the file's lines, or those after a "Title: …" field header); `firstLine`
 * is the 1-based number of `lines[0]` in the file, `referenceDate` completes a year-less date.
 */
export function findTextHeader(lines: readonly string[], firstLine: number, referenceDate: string): TextHeader {
  const top = topLines(lines, MAX_BYLINE_LINES + 2);
  const [first, second] = top;
  if (!first) return NO_HEADER;
  // The headline is the first line, or the second under a masthead; either way a byline or date line follows it.
  if (looksLikeHeadline(first.text) && top[1] && bylineLine(top[1].text, referenceDate)) {
    return header(top, undefined, 0, firstLine, referenceDate);
  }
  if (second && isMasthead(first.text, referenceDate) && looksLikeHeadline(second.text) && top[2] && bylineLine(top[2].text, referenceDate)) {
    return header(top, first, 1, firstLine, referenceDate);
  }
  return NO_HEADER;
}

/** The header whose headline is `top[headline]`: that line, the byline and date lines under it, the masthead above. */
function header(top: TopLine[], masthead: TopLine | undefined, headline: number, firstLine: number, referenceDate: string): TextHeader {
  const title = top[headline]!;
  const fields: HeaderField[] = [];
  if (masthead) fields.push({ field: 'outlet', value: outletName(masthead.text), origin: 'masthead' });
  fields.push({ field: 'title', value: title.text, origin: 'headline' });
  const blocks = [makeBlock(title.text, 'heading', firstLine + title.index)];
  let last = title;
  for (const line of top.slice(headline + 1, headline + 1 + MAX_BYLINE_LINES)) {
    const byline = bylineLine(line.text, referenceDate);
    if (!byline) break;
    if (byline.keep) blocks.push(makeBlock(line.text, 'paragraph', firstLine + line.index));
    else fields.push(...byline.fields);
    last = line;
  }
  return { fields, blocks, lines: last.index + 1 };
}

/** The first `count` lines with words, blank lines (and rules such as "* * *") skipped. */
function topLines(lines: readonly string[], count: number): TopLine[] {
  const top: TopLine[] = [];
  for (let index = 0; index < lines.length && top.length < count; index++) {
    const text = collapseWhitespace(lines[index] ?? '');
    if (text.length > 0 && hasWords(text)) top.push({ text, index });
  }
  return top;
}

/**
 * "By Mara Lind, Transport Reporter", "Published 3 March 2031, 08:14 GMT", "Updated …", a bare date: lines
 * `findBylines` reads on their own. Or "Mara Lind | 3 March 2031": a name, judged by the byline rule as if it
 * opened with "By", and a part that is a date.
 */
function bylineLine(text: string, referenceDate: string): BylineLine | undefined {
  if (Object.keys(bylineMeta(text, referenceDate)).length > 0) return { keep: true };
  const [name = '', ...rest] = text.split(PART_SEPARATOR);
  if (rest.length === 0) return undefined;
  const author = bylineMeta(`By ${name}`, referenceDate).author;
  const published = rest.map((part) => normalizeDate(part, referenceDate)).find((date) => date !== undefined);
  if (author === undefined || published === undefined) return undefined;
  return {
    keep: false,
    fields: [
      { field: 'author', value: author, origin: 'byline' },
      { field: 'published', value: published, origin: 'byline' },
    ],
  };
}

/** What `findBylines` reads from one line alone. */
function bylineMeta(text: string, referenceDate: string): SourceMeta {
  const draft: ArticleDraft = { meta: {}, metaOrigin: {}, blocks: [makeBlock(text, 'paragraph')] };
  findBylines(draft, referenceDate);
  return draft.meta;
}

/**
 * An outlet's name: a site address, or a few capitalised (or all-capital) words with no closing punctuation;
 * never a byline or a date ("3 March 2031" opens with a digit too).
 */
function isMasthead(text: string, referenceDate: string): boolean {
  if (text.length > MASTHEAD_MAX_CHARS || bylineLine(text, referenceDate)) return false;
  if (SITE_ADDRESS.test(text)) return true;
  const words = text.split(' ');
  return (
    wordCount(text) <= MASTHEAD_MAX_WORDS &&
    !/[.,;:!?]$/.test(text) &&
    /^[\p{Lu}\p{N}]/u.test(text) &&
    words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || NAME_SMALL_WORDS.has(w))
  );
}

/** The masthead as the outlet's name: a site address loses its scheme and closing slash. */
function outletName(text: string): string {
  return SITE_ADDRESS.test(text) ? text.replace(/^https?:\/\//i, '').replace(/\/$/, '') : text;
}
