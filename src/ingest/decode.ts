/**
 * Bytes → text. The encoding is sniffed from the bytes (BOM, UTF-8 validity, a charset declared inside an
 * HTML/XML head), never from the file name. Binary and empty files are refused with a reason a user can act on.
 */
import { TextDecoder } from 'node:util';

/** A file decoded to text, or the reason it cannot be read as text. */
export type Decoded =
  | {
      ok: true;
      /** Text without BOM, line endings normalised to "\n". */
      text: string;
      /** WHATWG name of the encoding used ("utf-8", "utf-16le", "windows-1252"…). */
      encoding: string;
      /** How the encoding was decided, for an `encoding-guessed` warning; absent when the bytes said so. */
      guess?: string;
      /** Invalid byte sequences of a UTF-8 file, each read as U+FFFD (an `encoding-repaired` warning). */
      repaired?: number;
    }
  | { ok: false; reason: string };

/** How much of the file the binary and charset sniffers look at: enough for any real head. */
const SNIFF_BYTES = 64 * 1024;

/** Share of control bytes above which a file is binary rather than text with a stray control. */
const CONTROL_SHARE = 0.02;

/** Decode a file's bytes to text, or say why it is not text. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };

  const bom = bomEncoding(bytes);
  const decoded = bom
    ? { text: new TextDecoder(bom).decode(bytes), encoding: bom }
    : decodeWithoutBom(bytes);
  if ('reason' in decoded) return { ok: false, reason: decoded.reason };

  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { ok: false, reason: 'empty file (only whitespace)' };
  if (controlShare(text) > CONTROL_SHARE) return { ok: false, reason: 'binary file (control characters), not text' };
  const result: Decoded = { ok: true, text, encoding: decoded.encoding };
  if ('guess' in decoded && decoded.guess !== undefined) result.guess = decoded.guess;
  if ('repaired' in decoded && decoded.repaired !== undefined) result.repaired = decoded.repaired;
  return result;
}

/** The encoding a byte-order mark announces, if any. */
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

type Attempt = { text: string; encoding: string; guess?: string; repaired?: number } | { reason: string };

function decodeWithoutBom(bytes: Uint8Array): Attempt {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    // ASCII-range text saved as UTF-16 without a BOM has a NUL in every other byte; anything else is binary.
    const utf16 = utf16WithoutBom(head);
    if (utf16) {
      return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, guess: `no BOM; NUL byte pattern of ${utf16}` };
    }
    return { reason: 'binary file (NUL bytes), not text' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };

  const declared = declaredCharset(latin1(head));
  const decoder = declared !== undefined && declared !== 'utf-8' ? decoderFor(declared) : undefined;
  if (decoder?.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  if (decoder) return { text: decoder.decode(bytes), encoding: decoder.encoding };
  // A UTF-8 file with a few bad bytes (a pasted fragment, a cut multi-byte character) is still UTF-8:
  // its other accents and quotes are only right read as UTF-8. Legacy text has few or no valid sequences.
  const lossy = lossyUtf8(bytes);
  if (declared === 'utf-8' || lossy.valid >= lossy.invalid) return { text: lossy.text, encoding: 'utf-8', repaired: lossy.invalid };
  const why = declared === undefined ? 'no charset declared' : `the declared charset "${declared}" is unknown`;
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', guess: `not valid UTF-8 and ${why}; read as windows-1252` };
}

/** What windows-1252 puts at 0x80–0x9F; the five bytes it leaves undefined keep their C1 code point, as WHATWG says. */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * windows-1252 by table. Node 20's TextDecoder('windows-1252') silently drops bytes 0x80–0x9F — exactly
 * the curly quotes, dashes and € this encoding is used for — so it cannot be trusted here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (const byte of bytes) {
    chars.push(byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte));
  }
  return chars.join('');
}

/**
 * UTF-8 with each invalid sequence as U+FFFD, and how many multi-byte sequences were valid and invalid.
 * A U+FFFD the file itself holds is a valid sequence (EF BF BD), told apart by counting those bytes.
 */
function lossyUtf8(bytes: Uint8Array): { text: string; valid: number; invalid: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let literal = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literal++;
  }
  let replaced = 0;
  let nonAscii = 0;
  for (const char of text) {
    if (char === '\uFFFD') replaced++;
    else if (char > '\u007f') nonAscii++;
  }
  return { text, valid: nonAscii + literal, invalid: replaced - literal };
}

/** Decode strictly; undefined when the bytes are not valid in that encoding. */
function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A decoder for a declared label, or undefined when the label is unknown to the platform. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** Bytes as Latin-1 characters: lossless, so ASCII markup can be searched whatever the real encoding. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * The charset an HTML or XML head declares: `<meta charset=…>`, `<meta http-equiv="Content-Type"
 * content="…; charset=…">`, or `<?xml … encoding="…"?>`. Lower-cased label, or undefined.
 */
export function declaredCharset(head: string): string | undefined {
  const patterns = [
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i,
    /<meta\b[^>]*?\bcontent\s*=\s*["'][^"']*?charset\s*=\s*([\w.:-]+)/i,
    /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i,
  ];
  for (const pattern of patterns) {
    const label = pattern.exec(head)?.[1]?.toLowerCase();
    if (label) return label === 'utf8' ? 'utf-8' : label;
  }
  return undefined;
}

/** "utf-16le"/"utf-16be" when NULs sit on one parity of byte offsets only and the other parity is text. */
function utf16WithoutBom(head: Uint8Array): string | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  // Most characters of Latin-script text are ASCII, so the high byte is NUL for nearly all of them.
  if (oddNul >= pairs * 0.7 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.7 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** Share of characters that are C0 controls other than tab, newline, form feed. */
function controlShare(text: string): number {
  const sample = text.slice(0, SNIFF_BYTES);
  const controls = sample.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls / Math.max(sample.length, 1);
}
