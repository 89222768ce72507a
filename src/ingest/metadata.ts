/**
 * Metadata every reader looks for in the text itself, after what the file declares: a headline first line,
 * byline and "Published …" lines, a wire dateline, a syndication note ("Read the original article on X").
 * Finders only fill fields still missing; each records its origin in `metaOrigin`.
 *
 * What happens to the blocks: a headline stays, re-labelled role 'heading' (every reader keeps its headings,
 * and analyzers skip them as body text); a dateline prefix is cut from its paragraph so the body starts with
 * the real sentence (the cut prefix is kept on the block as `dateline`: its credit tells the analysis where
 * the copy came from); byline and syndication lines stay — the cleaner drops them and says so.
 */
import type { Block, MetaOrigin, SourceMeta } from '../model/source.js';
import { collapseWhitespace, wordCount } from './blocks.js';
import { normalizeDate } from './dates.js';

/** What a reader has so far: metadata, where it came from, the blocks. */
export interface ArticleDraft {
  meta: SourceMeta;
  metaOrigin: MetaOrigin;
  blocks: Block[];
}

/** Bylines, datelines and "Published" lines sit in the first few blocks of an article. */
const HEAD_BLOCKS = 8;

/** A headline is a line of a few words, well short of a paragraph. */
const HEADLINE_MAX_CHARS = 160;
const HEADLINE_WORDS = { min: 3, max: 25 };

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** One capitalised word of a place name: "NEW", "St.", "Halbury", "Port-au-Prince". */
const PLACE_WORD = "[A-Z][A-Za-z.'’-]*";

/**
 * A wire dateline at the start of a paragraph: PLACE[, Region][, Date] [(Outlet)] - text.
 * "ASHCOMBE, England, Oct. 2 (Westland Wire) - …", "BOSTON (AP) — …", "LISBON, May 9 (Reuters) - …".
 */
const DATELINE = new RegExp(
  `^(?<place>${PLACE_WORD}(?:[ -]${PLACE_WORD}){0,3})` +
    `(?:,\\s*${PLACE_WORD}(?: ${PLACE_WORD}){0,2}){0,2}` +
    `(?:,\\s*(?<date>${MONTH}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}\\.?(?:\\s+\\d{4})?))?` +
    `\\s*(?:\\((?<outlet>[A-Z][^()]{0,40})\\))?` +
    `(?:\\s*--?\\s+|\\s*[–—]\\s*)(?=\\S)`,
  'u',
);

/** "By Ana Ruiz", "By Ana Ruiz and Tom Berg | May 9, 2024 | 4 min read". */
const BYLINE_START = /^(?:By|BY|by)\s+(?<author>\p{Lu}[^|•·]*?)\s*(?:[|•·]|$)/u;

/** Lower-case words a byline may hold besides names: "Ana Ruiz and Tom Berg", "Metro desk staff", "Ana de la Cruz". */
const BYLINE_SMALL_WORDS = new Set(
  'and of the de da das do dos du la le van von der den y in at for staff reporter reporters correspondent correspondents writer writers editor editors desk team'.split(' '),
);

/** A byline line and the author it names, or undefined ("By the end of the week, …" is a sentence, not a byline). */
function bylineAuthor(line: string): string | undefined {
  const author = BYLINE_START.exec(line)?.groups?.author?.replace(/[,;:]$/, '');
  if (!author || wordCount(author) > 8 || /[!?]$/.test(author)) return undefined;
  const names = author.split(/[\s,]+/).filter((w) => w.length > 0);
  return names.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || BYLINE_SMALL_WORDS.has(w)) ? author : undefined;
}

/** "Published Friday, May 9, 2024", "Posted on: 9 May 2024", "Updated 08:15 GMT". */
const STAMP = /^(?<kind>published|posted|first published|last updated|updated)(?:\s+on)?\s*:?\s*(?<rest>.+)$/i;

/** Separators sites put between a headline and their name: "Headline | Outlet", "Headline - Outlet". */
const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|·|•)\s+/;

/** Syndication notes naming the outlet an article came from. */
const SYNDICATION = [
  /^read the (?:original|full) (?:article|story|report) (?:on|at|in|from)\s+(?<outlet>.+?)\.?$/i,
  /^(?:this|the) (?:article|story|report|piece) (?:was )?(?:originally|first) (?:appeared|published|ran) (?:on|in|at|by)\s+(?<outlet>.+?)\.?$/i,
  /^(?:originally|first) (?:published|appeared) (?:on|in|at|by)\s+(?<outlet>.+?)\.?$/i,
];

/** Set a field only when still missing; record where it came from. */
export function fillMeta(draft: ArticleDraft, field: keyof SourceMeta, value: string | undefined, origin: string): void {
  const clean = value === undefined ? '' : collapseWhitespace(value);
  if (clean.length === 0 || draft.meta[field] !== undefined) return;
  draft.meta[field] = clean;
  draft.metaOrigin[field] = origin;
}

/** Run every finder on a draft (in place): headline (only when no title is declared), bylines, dateline, syndication note. */
export function findTextMetadata(draft: ArticleDraft, referenceDate: string): void {
  if (draft.meta.title === undefined) findHeadline(draft);
  findBylines(draft, referenceDate);
  findDateline(draft, referenceDate);
  findSyndication(draft);
}

/**
 * A first block that is one short line without a closing full stop, set apart from what follows (a blank
 * line when lines are known), is the headline: role 'heading', and the title when none was declared.
 */
export function findHeadline(draft: ArticleDraft): void {
  const [first, next] = draft.blocks;
  if (!first || !next || first.text.includes('\n')) return;
  if (first.role !== 'paragraph' && first.role !== 'heading') return;
  // Without a blank line after it, a first line is a headline only when a byline follows right under it.
  if (first.line !== undefined && next.line !== undefined && next.line <= first.line + 1 && !isBylineLike(next.text)) return;
  if (!looksLikeHeadline(first.text)) return;
  draft.blocks[0] = { ...first, role: 'heading' };
  fillMeta(draft, 'title', first.text, 'headline');
}

/** Short, several words, starts like a title, ends without sentence or clause punctuation, not a byline. */
export function looksLikeHeadline(text: string): boolean {
  const words = wordCount(text);
  return (
    text.length <= HEADLINE_MAX_CHARS &&
    words >= HEADLINE_WORDS.min &&
    words <= HEADLINE_WORDS.max &&
    /^["'“‘\p{Lu}\p{N}]/u.test(text) &&
    !/[.,;:]["'”’)]*$/u.test(text) &&
    !isBylineLike(text) &&
    !SYNDICATION.some((re) => re.test(text))
  );
}

/** Author from "By …" lines; date from "Published …" lines, from byline parts, or from a line that is only a date. */
export function findBylines(draft: ArticleDraft, referenceDate: string): void {
  let updated: string | undefined;
  for (const block of draft.blocks.slice(0, HEAD_BLOCKS)) {
    for (const line of block.text.split('\n').map(collapseWhitespace)) {
      if (wordCount(line) > 20) continue;
      const author = bylineAuthor(line);
      if (author !== undefined) {
        fillMeta(draft, 'author', author, 'byline');
        for (const part of line.split(/\s*[|•·]\s*/).slice(1)) {
          fillMeta(draft, 'published', normalizeDate(part, referenceDate), 'byline');
        }
        continue;
      }
      const stamp = STAMP.exec(line);
      if (stamp?.groups?.rest) {
        const date = normalizeDate(stamp.groups.rest, referenceDate);
        if (/updated/i.test(stamp.groups.kind ?? '')) updated ??= date;
        else fillMeta(draft, 'published', date, 'byline');
        continue;
      }
      if (isDateOnly(line)) fillMeta(draft, 'published', normalizeDate(line, referenceDate), 'byline');
    }
  }
  // An update time is the next best thing to a publication date, and only used when there is nothing else.
  fillMeta(draft, 'published', updated, 'byline');
}

/** A byline, "Published …" line or date stamp: never the paragraph a dateline opens. */
function isBylineLike(text: string): boolean {
  const line = collapseWhitespace(text);
  return bylineAuthor(line) !== undefined || isStampLine(line) || isDateOnly(line);
}

/** "Published …"/"Updated …" followed by a date or time ("Updated guidance for schools" is a headline). */
function isStampLine(line: string): boolean {
  const rest = STAMP.exec(line)?.groups?.rest ?? '';
  return /\d/.test(rest) || new RegExp(`\\b${MONTH}\\b`, 'i').test(rest);
}

/** A short line that is nothing but a date, maybe with weekday and time: "Friday, May 9, 2024 08:15 GMT". */
function isDateOnly(line: string): boolean {
  if (wordCount(line) > 8 || !new RegExp(`\\b${MONTH}\\b|\\d{4}-\\d{2}-\\d{2}`, 'i').test(line)) return false;
  const rest = line
    .replace(new RegExp(`\\b${MONTH}\\.?`, 'gi'), '')
    .replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:[ap]\.?m\.?|gmt|utc|bst|[ecmp][sd]t)\b|\bat\b/gi, '')
    .replace(/[\d\s,.:|/–—T+-]/g, '');
  return rest.length === 0;
}

/**
 * A wire dateline opening the first paragraph: take its date and outlet, and cut it so the paragraph
 * starts with the story. A place in capitals, a date or an outlet in brackets is needed to tell it from prose.
 */
export function findDateline(draft: ArticleDraft, referenceDate: string): void {
  const index = draft.blocks.findIndex(
    (b, i) => i < HEAD_BLOCKS && b.role === 'paragraph' && wordCount(b.text) > 8 && !isBylineLike(b.text),
  );
  const block = draft.blocks[index];
  if (!block) return;
  const match = DATELINE.exec(block.text);
  const groups = match?.groups;
  if (!match || !groups) return;
  const place = groups.place ?? '';
  const capitals = place === place.toUpperCase() && /\p{Lu}{2}/u.test(place);
  if (!capitals && !groups.date && !groups.outlet) return;

  if (groups.date) fillMeta(draft, 'published', normalizeDate(groups.date, referenceDate), 'dateline');
  if (groups.outlet && wordCount(groups.outlet) <= 4) fillMeta(draft, 'outlet', groups.outlet, 'dateline');
  draft.blocks[index] = { ...block, text: block.text.slice(match[0].length), dateline: match[0].trim() };
}

/** "Read the original article on X", "This story originally appeared in X" → outlet X. */
export function findSyndication(draft: ArticleDraft): void {
  for (const block of draft.blocks) {
    const line = collapseWhitespace(block.text);
    if (wordCount(line) > 14) continue;
    for (const pattern of SYNDICATION) {
      const outlet = pattern.exec(line)?.groups?.outlet;
      if (outlet && wordCount(outlet) <= 6) fillMeta(draft, 'outlet', outlet.replace(/[.,;:]+$/, ''), 'read-original');
    }
  }
}

/**
 * Split "Headline | Outlet" when the last (or first) part names the site. With no site name declared, a
 * short part after " | " is taken as the site's name (that separator is not used inside headlines), and so
 * is one after any separator when the part before it is the page's own `headline` (its <h1>).
 */
export function splitSiteName(title: string, site: string | undefined, headline?: string): { title: string; site?: string } {
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATOR.source, 'g'))];
  const firstSep = separators[0];
  const lastSep = separators[separators.length - 1];
  if (!firstSep || !lastSep) return { title };
  const beforeLast = title.slice(0, lastSep.index).trim();
  const afterLast = title.slice(lastSep.index + lastSep[0].length).trim();
  const beforeFirst = title.slice(0, firstSep.index).trim();
  const afterFirst = title.slice(firstSep.index + firstSep[0].length).trim();
  if (site !== undefined) {
    if (sameName(afterLast, site)) return { title: beforeLast };
    if (sameName(beforeFirst, site)) return { title: afterFirst };
    return { title };
  }
  const headlineBefore = headline !== undefined && sameName(beforeLast, headline);
  if ((lastSep[0].trim() === '|' || headlineBefore) && wordCount(afterLast) <= 5 && wordCount(beforeLast) >= 3) {
    return { title: beforeLast, site: afterLast };
  }
  return { title };
}

/** Names compared without case, punctuation or a leading "The". */
function sameName(a: string, b: string): boolean {
  const key = (s: string): string =>
    s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}
