/**
 * Which sentences can report an event: not headings, captions, photo credits, bylines, datelines,
 * "Updated" stamps, comment headers or timetables, whose dates say when the page was made or when
 * something is on, not what happened.
 */
import type { BlockRole } from '../../model/source.js';
import type { DateMention } from './index.js';

const STAMP = /^(?:published|updated|posted|last\s+(?:updated|modified)|first\s+published|photo|picture|image|credit|copyright)\b/i;
const ABOUT_THE_ARTICLE =
  /^(?:this|the)\s+(?:article|story|report|piece|post)\s+(?:was|has\s+been|is)\s+(?:\w+\s+)?(?:published|posted|updated|amended|corrected)\b/i;
const PHOTO_CREDIT = /\/\s*(?:AP|AFP|Reuters|Getty|EPA|PA|Shutterstock)\b|\b(?:Photo|Picture|Image)s?:\s/;
/** "HARWICH, England, June 10 (Coast Wire) - " or "OSLO (Agency) — ": a wire dateline before the story. */
const DATELINE =
  /^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40})*(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:\([^)]{1,60}\))?\s*(?:-{1,2}|[–—])\s+/;

/** "At 16:23 on 1 June, Sam wrote:" opens a reader's comment: its date says when the comment was posted. */
const COMMENT_HEADER = /\b(?:wrote|writes|commented|replied|posted)\s*:\s*$/i;
/** "11:42 GMT, 1 December": a time stamp standing as a line. */
const TIME_STAMP = /^\s*\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\.?)?/i;
/** Clock times: two or more in one sentence make a timetable or listing ("Saturday 09:00 … Sunday 18:30"). */
const CLOCK_TIME = /\b\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?=\W|$)/gi;

/**
 * The text to read event dates from, or null for a heading, caption, stamp, photo credit, comment header or
 * timetable. A wire
 * dateline opening the sentence is blanked out (offsets kept) so its date is not taken for an event.
 */
export function storyText(text: string, role: BlockRole): string | null {
  if (role === 'heading' || role === 'caption') return null;
  if (STAMP.test(text) || PHOTO_CREDIT.test(text) || ABOUT_THE_ARTICLE.test(text)) return null;
  if (COMMENT_HEADER.test(text) || TIME_STAMP.test(text) || (text.match(CLOCK_TIME)?.length ?? 0) >= 2) return null;
  const dateline = DATELINE.exec(text);
  // "PORT TALBOT — " needs a place name of some length; "US — " may open a sentence.
  const place = dateline && (/\d|\(/.test(dateline[0]) || /^[A-Z .'’-]{4,}/.test(dateline[0]));
  return dateline && place ? ' '.repeat(dateline[0].length) + text.slice(dateline[0].length) : text;
}

/**
 * A line with no closing punctuation that ends on its date is a caption, byline or headline
 * ("A man crosses the square, Monday, Jan. 9, 2023"), not a sentence that reports an event.
 */
export function endsLikeCaption(text: string, mentions: DateMention[]): boolean {
  const line = text.trimEnd();
  if (/[.!?]["”’)]*$/.test(line)) return false;
  return /^By\s+[A-Z]/.test(line.trimStart()) || mentions.some((m) => m.index + m.text.length >= line.length - 2);
}
