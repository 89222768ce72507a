/**
 * Text normalisation before any rule looks at a block: one Unicode form, no invisible characters, one kind
 * of space. Quotation marks, dashes and ellipses are left exactly as written: quote extraction reads them.
 */

/**
 * Invisible characters that carry nothing for English news text: zero-width space, word joiner, BOM,
 * soft hyphen, and bidi marks/embeddings/isolates (pdfkit does no bidi, so they only break matching).
 * ZWJ/ZWNJ are kept: they change how emoji and some scripts render.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** C0 control characters except tab, line feed and carriage return (handled as whitespace), and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** C1 control characters: never real text, almost always windows-1252 bytes decoded as Latin-1. */
const C1_CONTROL = /[\u0080-\u009F]/g;

/** What each C1 code point means in windows-1252 (0x80–0x9F); the five bytes it leaves undefined map to ''. */
const WINDOWS_1252_C1 = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
];

/** Every horizontal space that is not U+0020: tab, no-break, narrow no-break, figure, em/en spaces, ideographic. */
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * Combining marks a base keeps at most. Real text stacks two or three (Vietnamese, IPA); "Zalgo" text
 * stacks hundreds, and NFC reorders a stack in time that grows with its square.
 */
const MAX_MARKS = 16;
const MARK_STACK = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/**
 * Normalise text but keep line structure: NFC, invisible and control characters removed (C1 controls read
 * as the windows-1252 characters they were meant to be), odd spaces made plain, runs of spaces collapsed,
 * lines trimmed, at most one blank line in a row.
 */
export function normalizeText(text: string): string {
  return text
    .replace(MARK_STACK, '$1')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(C1_CONTROL, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? '')
    .replace(ODD_SPACE, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Normalise text to a single line: as `normalizeText`, then every line break becomes one space. */
export function normalizeInline(text: string): string {
  return normalizeText(text).replace(/\n+/g, ' ');
}
