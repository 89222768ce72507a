/**
 * Shape tests shared by the boilerplate rules: how long a block is, how it ends, how it starts. Rules look
 * at shape rather than single words, so a story sentence that merely mentions a photo or a newsletter stays.
 */

/** Words: whitespace-separated runs holding at least one letter or digit. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** True when the text ends like a sentence: . ! ? or … possibly followed by closing quotes or brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/u.test(text.trim());
}

/** True when the text holds no letter and no digit (a lone full stop, a dash, "* * *"). */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';

/** A full calendar date with a year, in the forms newsrooms print: "Jan. 24, 2022", "14 November 2024", "2024-11-14". */
export const FULL_DATE = `(?:${MONTH}\\.? \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH}\\.?,? \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})`;

/** A clock time with optional zone: "10:05", "7.40pm", "9 a.m. ET". */
const TIME = '(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?|[AP]M)?(?:\\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|IST|AEST|AEDT))?)';

/** A line that is only a date or time stamp: "Tuesday, June 3, 2025 10:05 GMT", "10:05 GMT, 3 June 2025". */
export const DATE_STAMP = new RegExp(
  `^(?:(?:${WEEKDAY},?\\s*)?(?:${FULL_DATE}|${MONTH}\\.? \\d{1,2})(?:[\\s,|–—-]*(?:at\\s+)?${TIME})?` +
    `|${TIME}[\\s,|–—-]+(?:${WEEKDAY},?\\s*)?${FULL_DATE})$`,
  'iu',
);

/** A description that ends with a date set off the way captions do: ", Monday, Jan. 24, 2022" or "on Thursday, 14 Nov 2024". */
export const TRAILING_CAPTION_DATE = new RegExp(`(?:,|\\bon|\\bin)\\s+(?:${WEEKDAY},?\\s+)?${FULL_DATE}$`, 'u');

/** The caption form with a weekday: ", Monday, Jan. 24, 2022". */
export const WEEKDAY_CAPTION_DATE = new RegExp(`,\\s+${WEEKDAY},?\\s+${FULL_DATE}$`, 'u');

/** Mentions a weekday, a month name, a digit or "ago": what a timestamp line must contain. */
export const HAS_TIME_WORD = new RegExp(`\\d|\\b${WEEKDAY}\\b|\\b${MONTH}\\b|\\bago\\b|\\byesterday\\b|\\btoday\\b`, 'iu');

/** Lower-case, strip surrounding punctuation: the form vocabulary lists are written in. */
export function bareWord(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '');
}
